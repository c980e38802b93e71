package io.github.tablestore.flink.tunnel.client.auth;

import java.util.Map;

/**
 * Supplies the credentials a request is signed with. The client asks once per HTTP attempt, so a
 * provider may rotate credentials (see {@link RefreshingCredentialsProvider}). Implementations
 * must be thread-safe, and their {@code toString} must not reveal secrets.
 */
@FunctionalInterface
public interface CredentialsProvider {

    /**
     * The credentials to sign the next request with.
     *
     * @throws MissingCredentialsException when none are configured (the client reports a {@link
     *     io.github.tablestore.flink.tunnel.client.CredentialsException} that says so)
     * @throws RuntimeException when no credentials are available for another reason; the client
     *     reports it as a {@code ClientCredentialsError}, retryable if caused by I/O
     */
    Credentials credentials();

    /** A provider that always answers the given credentials. */
    static CredentialsProvider of(Credentials credentials) {
        return new StaticCredentialsProvider(credentials, "StaticCredentialsProvider");
    }

    /** A provider of long-term credentials. */
    static CredentialsProvider of(String accessKeyId, String accessKeySecret) {
        return of(Credentials.of(accessKeyId, accessKeySecret));
    }

    /** A provider of fixed temporary credentials (STS AccessKey pair and security token). */
    static CredentialsProvider of(String accessKeyId, String accessKeySecret, String securityToken) {
        return of(Credentials.of(accessKeyId, accessKeySecret, securityToken));
    }

    /**
     * Credentials from the process environment: {@value EnvironmentCredentials#ACCESS_KEY_ID},
     * {@value EnvironmentCredentials#ACCESS_KEY_SECRET} and, optionally,
     * {@value EnvironmentCredentials#SESSION_TOKEN}. Read once, now.
     *
     * @throws MissingCredentialsException naming the variable that is missing
     */
    static CredentialsProvider fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Like {@link #fromEnvironment()}, reading the variables from {@code environment}. */
    static CredentialsProvider fromEnvironment(Map<String, String> environment) {
        return new StaticCredentialsProvider(
                EnvironmentCredentials.read(environment), "EnvironmentCredentialsProvider");
    }
}

/*
 * Copyright 2026 The Tablestore Tunnel Flink connector authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
    static CredentialsProvider of(
            String accessKeyId, String accessKeySecret, String securityToken) {
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

package io.github.tablestore.flink.tunnel.client.auth;

import java.util.Objects;

/** Always the same credentials. */
final class StaticCredentialsProvider implements CredentialsProvider {
    private final Credentials credentials;
    private final String name;

    StaticCredentialsProvider(Credentials credentials, String name) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.name = name;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return name + "{" + credentials + "}";
    }
}

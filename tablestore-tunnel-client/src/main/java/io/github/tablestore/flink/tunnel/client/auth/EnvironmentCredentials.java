package io.github.tablestore.flink.tunnel.client.auth;

import java.util.Map;
import java.util.Objects;

/** The environment variables Tablestore tools read credentials from. */
public final class EnvironmentCredentials {
    public static final String ACCESS_KEY_ID = "TABLESTORE_ACCESS_KEY_ID";
    public static final String ACCESS_KEY_SECRET = "TABLESTORE_ACCESS_KEY_SECRET";
    /** Optional; set for temporary (STS) credentials. */
    public static final String SESSION_TOKEN = "TABLESTORE_SESSION_TOKEN";

    private EnvironmentCredentials() {}

    /**
     * Reads credentials from {@code environment}.
     *
     * @throws IllegalStateException naming the missing or blank variable
     */
    public static Credentials read(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        String id = required(environment, ACCESS_KEY_ID);
        String secret = required(environment, ACCESS_KEY_SECRET);
        String token = environment.get(SESSION_TOKEN);
        return Credentials.of(id.trim(), secret.trim(), token == null ? null : token.trim());
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}

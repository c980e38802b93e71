package io.github.tablestore.flink.tunnel.source.testing;

import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.auth.EnvironmentCredentials;
import io.github.tablestore.flink.tunnel.source.config.CredentialsProviderFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Credentials from the environment, as {@link CredentialsProviderFactory#fromEnvironment()} reads
 * them, but from a given map instead of the process's environment: a test cannot unset the
 * variables of its own JVM.
 */
public final class GivenEnvironmentCredentials implements CredentialsProviderFactory {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> environment;

    public GivenEnvironmentCredentials(Map<String, String> environment) {
        this.environment = new HashMap<>(environment);
    }

    @Override
    public CredentialsProvider create() {
        return EnvironmentCredentials.provider(environment::get);
    }

    @Override
    public String toString() {
        return "credentials from a given environment with " + environment.keySet();
    }
}

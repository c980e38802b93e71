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

package io.github.tablestore.flink.tunnel.source.config;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.TunnelClientConfig;
import io.github.tablestore.flink.tunnel.client.TunnelClients;
import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;

import org.apache.flink.annotation.Internal;

import java.util.Objects;

/**
 * Where and how to connect: endpoint, instance and credentials. Builds an OkHttp {@link
 * TunnelClient} on whichever JVM needs one. Serializable; {@code toString} masks secrets.
 */
@Internal
public final class TunnelConnectionConfig implements TunnelClientFactory {
    private static final long serialVersionUID = 1L;

    private final String endpoint;
    private final String instanceName;
    private final CredentialsProviderFactory credentials;
    private final ClientSettings settings;

    /** With the client's default timeouts and retries. */
    public TunnelConnectionConfig(
            String endpoint, String instanceName, CredentialsProviderFactory credentials) {
        this(endpoint, instanceName, credentials, ClientSettings.defaults());
    }

    public TunnelConnectionConfig(
            String endpoint,
            String instanceName,
            CredentialsProviderFactory credentials,
            ClientSettings settings) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.settings = Objects.requireNonNull(settings, "settings");
        // Fail at build time on a malformed endpoint or instance name, not in the cluster.
        clientConfig(CredentialsProvider.of("validation-only", "validation-only"));
    }

    /**
     * The same connection whose clients make at most {@code maxAttempts} attempts per call (the
     * default policy's backoff otherwise), e.g. a lookup's {@code lookup.max-retries} + 1.
     */
    public TunnelConnectionConfig withMaxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        return new TunnelConnectionConfig(
                endpoint, instanceName, credentials, settings.withRetryMaxAttempts(maxAttempts));
    }

    private TunnelClientConfig clientConfig(CredentialsProvider provider) {
        return settings.applyTo(
                        TunnelClientConfig.builder()
                                .endpoint(endpoint)
                                .instanceName(instanceName)
                                .credentialsProvider(provider))
                .build();
    }

    @Override
    public TunnelClient createClient() {
        return TunnelClients.create(clientConfig(credentials.create()));
    }

    @Override
    public String describeTarget() {
        return "instance '" + instanceName + "' at " + endpoint;
    }

    public String endpoint() {
        return endpoint;
    }

    public String instanceName() {
        return instanceName;
    }

    /** Timeouts, retries and compression of the clients. */
    public ClientSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "TunnelConnectionConfig{endpoint="
                + endpoint
                + ", instance="
                + instanceName
                + ", credentials="
                + credentials
                + ", "
                + settings
                + "}";
    }
}

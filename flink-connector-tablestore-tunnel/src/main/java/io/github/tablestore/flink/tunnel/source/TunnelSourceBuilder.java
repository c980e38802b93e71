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

package io.github.tablestore.flink.tunnel.source;

import io.github.tablestore.flink.tunnel.client.auth.Credentials;
import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.auth.RefreshingCredentialsProvider;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.source.config.ClientSettings;
import io.github.tablestore.flink.tunnel.source.config.CredentialsProviderFactory;
import io.github.tablestore.flink.tunnel.source.config.TunnelClientFactory;
import io.github.tablestore.flink.tunnel.source.config.TunnelConnectionConfig;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;

import org.apache.flink.configuration.Configuration;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds a {@link TunnelSource}. Required: endpoint, instance, table, tunnel name and
 * deserializer. The tunnel is created with {@link #setTunnelType the configured type} when it
 * does not exist; an existing tunnel must have that type.
 *
 * @param <T> what the source produces
 */
public final class TunnelSourceBuilder<T> {
    private String endpoint;
    private String instanceName;
    private String tableName;
    private String tunnelName;
    private TunnelType tunnelType = TunnelType.BASE_AND_STREAM;
    private CredentialsProviderFactory credentials = CredentialsProviderFactory.fromEnvironment();
    private TunnelRecordDeserializationSchema<T> deserializer;
    private final Configuration options = new Configuration();
    private Function<TunnelClientFactory, TunnelClientFactory> clientFactoryDecorator;
    private Duration minHeartbeatInterval = TunnelSourceOptions.MIN_HEARTBEAT_INTERVAL;
    private List<String> attributeColumns;

    TunnelSourceBuilder() {}

    /** The instance's endpoint, e.g. {@code https://my-instance.cn-hangzhou.ots.aliyuncs.com}. */
    public TunnelSourceBuilder<T> setEndpoint(String endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    public TunnelSourceBuilder<T> setInstanceName(String instanceName) {
        this.instanceName = instanceName;
        return this;
    }

    public TunnelSourceBuilder<T> setTableName(String tableName) {
        this.tableName = tableName;
        return this;
    }

    /** The tunnel to read; created when missing (with {@link #setTunnelType}). */
    public TunnelSourceBuilder<T> setTunnelName(String tunnelName) {
        this.tunnelName = tunnelName;
        return this;
    }

    /** BASE_DATA (full data, bounded), STREAM (changes) or BASE_AND_STREAM (default: both). */
    public TunnelSourceBuilder<T> setTunnelType(TunnelType tunnelType) {
        this.tunnelType = tunnelType;
        return this;
    }

    /**
     * The credentials. A provider that is {@link Serializable} is shipped to the cluster as it
     * is; any other provider's current credentials are copied (fine for fixed keys). A {@link
     * RefreshingCredentialsProvider} cannot be shipped: use {@link #setCredentialsFactory}.
     * Default: the {@code TABLESTORE_ACCESS_KEY_ID} / {@code TABLESTORE_ACCESS_KEY_SECRET} / {@code
     * TABLESTORE_SESSION_TOKEN} environment variables of each JobManager and TaskManager.
     */
    public TunnelSourceBuilder<T> setCredentials(CredentialsProvider provider) {
        Objects.requireNonNull(provider, "provider");
        if (provider instanceof RefreshingCredentialsProvider) {
            throw new IllegalArgumentException(
                    "A RefreshingCredentialsProvider cannot be copied into "
                            + "the job (its credentials expire); pass a CredentialsProviderFactory that builds "
                            + "it on each node to setCredentialsFactory(...)");
        }
        if (provider instanceof Serializable) {
            this.credentials = shipped(provider);
        } else {
            Credentials current = provider.credentials();
            this.credentials = CredentialsProviderFactory.of(current);
        }
        return this;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CredentialsProviderFactory shipped(CredentialsProvider provider) {
        return new CredentialsProviderFactory.Shipped(
                (CredentialsProvider & Serializable) provider);
    }

    /** Builds the credentials provider on each node (e.g. a refreshing STS provider). */
    public TunnelSourceBuilder<T> setCredentialsFactory(CredentialsProviderFactory factory) {
        this.credentials = Objects.requireNonNull(factory, "factory");
        return this;
    }

    public TunnelSourceBuilder<T> setDeserializer(
            TunnelRecordDeserializationSchema<T> deserializer) {
        this.deserializer = deserializer;
        return this;
    }

    /** {@link TunnelSourceOptions#HEARTBEAT_INTERVAL} (default 30 s, at least 5 s). */
    public TunnelSourceBuilder<T> setHeartbeatInterval(Duration interval) {
        options.set(TunnelSourceOptions.HEARTBEAT_INTERVAL, interval);
        return this;
    }

    /** {@link TunnelSourceOptions#HEARTBEAT_TIMEOUT} (default 300 s). */
    public TunnelSourceBuilder<T> setHeartbeatTimeout(Duration timeout) {
        options.set(TunnelSourceOptions.HEARTBEAT_TIMEOUT, timeout);
        return this;
    }

    /** {@link TunnelSourceOptions#CLIENT_TAG}. */
    public TunnelSourceBuilder<T> setClientTag(String clientTag) {
        options.set(TunnelSourceOptions.CLIENT_TAG, clientTag);
        return this;
    }

    /** {@link TunnelSourceOptions#COMMIT_INTERVAL} (default 5 s; used without checkpointing). */
    public TunnelSourceBuilder<T> setCommitInterval(Duration interval) {
        options.set(TunnelSourceOptions.COMMIT_INTERVAL, interval);
        return this;
    }

    /** {@link TunnelSourceOptions#READ_MAX_BACKOFF} (default 2 s, at least 200 ms). */
    public TunnelSourceBuilder<T> setReadMaxBackoff(Duration maxBackoff) {
        options.set(TunnelSourceOptions.READ_MAX_BACKOFF, maxBackoff);
        return this;
    }

    /** {@link TunnelSourceOptions#READ_MAX_PARALLEL_CHANNELS} (default 8). */
    public TunnelSourceBuilder<T> setMaxParallelChannels(int channels) {
        options.set(TunnelSourceOptions.READ_MAX_PARALLEL_CHANNELS, channels);
        return this;
    }

    /** Stream start of a tunnel the source creates: the oldest retained change. */
    public TunnelSourceBuilder<T> setStreamStartEarliest() {
        options.set(TunnelSourceOptions.STREAM_START, StreamStartMode.EARLIEST);
        options.removeConfig(TunnelSourceOptions.STREAM_START_TIMESTAMP);
        return this;
    }

    /** Stream start of a tunnel the source creates: changes after its creation (default). */
    public TunnelSourceBuilder<T> setStreamStartLatest() {
        options.set(TunnelSourceOptions.STREAM_START, StreamStartMode.LATEST);
        options.removeConfig(TunnelSourceOptions.STREAM_START_TIMESTAMP);
        return this;
    }

    /** Stream start of a tunnel the source creates: changes from this time (ms since the epoch). */
    public TunnelSourceBuilder<T> setStreamStartTimestamp(long epochMillis) {
        options.set(TunnelSourceOptions.STREAM_START, StreamStartMode.TIMESTAMP);
        options.set(TunnelSourceOptions.STREAM_START_TIMESTAMP, epochMillis);
        return this;
    }

    /**
     * End of the stream of a tunnel the source creates (ms since the epoch). With an end, the
     * source is bounded.
     */
    public TunnelSourceBuilder<T> setStreamEndTimestamp(long epochMillis) {
        options.set(TunnelSourceOptions.STREAM_END_TIMESTAMP, epochMillis);
        return this;
    }

    /** {@link TunnelSourceOptions#STREAM_ROW_IMAGES} (default NONE). */
    public TunnelSourceBuilder<T> setStreamRowImages(StreamRowImages images) {
        options.set(
                TunnelSourceOptions.STREAM_ROW_IMAGES, Objects.requireNonNull(images, "images"));
        return this;
    }

    /**
     * Decode only these attribute columns of each record and of its before-image (projection
     * push-down): the readers skip the other cells without creating values for them, and records
     * reach the deserializer with the named columns only. The primary key is always decoded. An
     * empty collection decodes no attribute column. Default: all columns.
     */
    public TunnelSourceBuilder<T> setAttributeColumns(Collection<String> columns) {
        Objects.requireNonNull(columns, "columns");
        List<String> copy = new ArrayList<>(columns.size());
        for (String column : columns) {
            if (column == null || column.isEmpty()) {
                throw new IllegalArgumentException(
                        "Attribute column names must not be null or empty: " + columns);
            }
            copy.add(column);
        }
        this.attributeColumns = copy;
        return this;
    }

    /** Sets any option of {@link TunnelSourceOptions} by key. */
    public TunnelSourceBuilder<T> setProperty(String key, String value) {
        options.setString(key, value);
        return this;
    }

    /**
     * Test-only hook: wraps the client factory (fault injection) and allows heartbeat intervals
     * below the service minimum. Package-private on purpose.
     */
    TunnelSourceBuilder<T> forTesting(
            Function<TunnelClientFactory, TunnelClientFactory> decorator, Duration minHeartbeat) {
        this.clientFactoryDecorator = decorator;
        this.minHeartbeatInterval = minHeartbeat;
        return this;
    }

    /**
     * Validates everything and builds the source.
     *
     * @throws IllegalArgumentException naming the missing or invalid setting
     */
    public TunnelSource<T> build() {
        require(endpoint, "endpoint (setEndpoint)");
        require(instanceName, "instance name (setInstanceName)");
        require(tableName, "table name (setTableName)");
        require(tunnelName, "tunnel name (setTunnelName)");
        if (tunnelType == null) {
            throw new IllegalArgumentException("The tunnel type (setTunnelType) must not be null");
        }
        if (deserializer == null) {
            throw new IllegalArgumentException(
                    "The deserializer (setDeserializer) is required, e.g. "
                            + "TunnelRecordDeserializationSchema.json()");
        }
        TunnelSourceOptions.validate(options, minHeartbeatInterval);
        Long startTs = options.getOptional(TunnelSourceOptions.STREAM_START_TIMESTAMP).orElse(null);
        Long endTs = options.getOptional(TunnelSourceOptions.STREAM_END_TIMESTAMP).orElse(null);
        if (tunnelType != TunnelType.STREAM) {
            // A BaseAndStream tunnel's stream starts where its base data was taken; BaseData has
            // none.
            StreamStartMode start = options.get(TunnelSourceOptions.STREAM_START);
            if (start != StreamStartMode.LATEST) {
                throw streamOnly(TunnelSourceOptions.STREAM_START.key());
            }
            if (endTs != null) {
                throw streamOnly(TunnelSourceOptions.STREAM_END_TIMESTAMP.key());
            }
        }
        TunnelClientFactory factory;
        try {
            factory =
                    new TunnelConnectionConfig(
                            endpoint.trim(),
                            instanceName.trim(),
                            credentials,
                            new ClientSettings(
                                    options.get(TunnelSourceOptions.CLIENT_CONNECT_TIMEOUT),
                                    options.get(TunnelSourceOptions.CLIENT_SOCKET_TIMEOUT),
                                    options.get(TunnelSourceOptions.CLIENT_RETRY_MAX_ATTEMPTS),
                                    options.get(TunnelSourceOptions.CLIENT_RETRY_TIMEOUT),
                                    options.get(TunnelSourceOptions.CLIENT_REQUEST_COMPRESSION)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid connection settings: " + e.getMessage(), e);
        }
        if (clientFactoryDecorator != null) {
            factory = clientFactoryDecorator.apply(factory);
        }
        TunnelSourceConfig config =
                TunnelSourceConfig.builder(factory, tableName.trim(), tunnelName.trim(), tunnelType)
                        .heartbeat(
                                options.get(TunnelSourceOptions.HEARTBEAT_INTERVAL),
                                options.get(TunnelSourceOptions.HEARTBEAT_TIMEOUT))
                        .clientTag(options.get(TunnelSourceOptions.CLIENT_TAG).trim())
                        .commitInterval(options.get(TunnelSourceOptions.COMMIT_INTERVAL))
                        .readMaxBackoff(options.get(TunnelSourceOptions.READ_MAX_BACKOFF))
                        .maxParallelChannels(
                                options.get(TunnelSourceOptions.READ_MAX_PARALLEL_CHANNELS))
                        .stream(options.get(TunnelSourceOptions.STREAM_START), startTs, endTs)
                        .streamRangeConfigured(
                                options.contains(TunnelSourceOptions.STREAM_START)
                                        || startTs != null
                                        || endTs != null)
                        .attributeColumns(attributeColumns)
                        .streamRowImages(
                                tunnelType == TunnelType.BASE_DATA
                                        ? StreamRowImages.NONE
                                        : options.get(TunnelSourceOptions.STREAM_ROW_IMAGES))
                        .build();
        return new TunnelSource<>(config, deserializer);
    }

    private IllegalArgumentException streamOnly(String key) {
        return new IllegalArgumentException(
                "Option '"
                        + key
                        + "' applies to STREAM tunnels only, not to a "
                        + tunnelType
                        + " tunnel");
    }

    private static void require(String value, String what) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("The " + what + " is required");
        }
    }
}

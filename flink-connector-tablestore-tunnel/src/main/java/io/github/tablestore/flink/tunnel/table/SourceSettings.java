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

package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.TunnelSourceBuilder;
import io.github.tablestore.flink.tunnel.source.config.CredentialsProviderFactory;
import io.github.tablestore.flink.tunnel.source.config.TunnelConnectionConfig;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.EpochUnit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated options of one table: where to read, how, and what to do with rows. Builds the
 * {@link TunnelSource}; {@code toString} shows no secret.
 */
final class SourceSettings {
    final String endpoint;
    final String instanceName;
    final String tableName;

    /** Null for a table used only for lookups. */
    final String tunnelName;

    /** As configured; null to adopt the existing tunnel's type. */
    final TunnelType configuredTunnelType;

    /** The startup and bounded-read options, resolved. */
    final Startup startup;

    final CredentialsProviderFactory credentials;

    /** Tunnel tuning options ({@code tunnel.*}) by key, as given. */
    final Map<String, String> tunnelOptions;

    final boolean outputRowKinds;
    final boolean ignoreDelete;
    final RowImagesMode rowImages;
    final boolean skipInvalidData;
    final EpochUnit epochUnit;

    /** {@code scan.parallelism}, or null. */
    final Integer parallelism;

    SourceSettings(
            String endpoint,
            String instanceName,
            String tableName,
            String tunnelName,
            Startup startup,
            CredentialsProviderFactory credentials,
            Map<String, String> tunnelOptions,
            boolean outputRowKinds,
            boolean ignoreDelete,
            RowImagesMode rowImages,
            boolean skipInvalidData,
            EpochUnit epochUnit,
            Integer parallelism) {
        this.endpoint = endpoint;
        this.instanceName = instanceName;
        this.tableName = tableName;
        this.tunnelName = tunnelName;
        this.startup = startup;
        this.configuredTunnelType = startup.tunnelType;
        this.credentials = credentials;
        this.tunnelOptions = new LinkedHashMap<>(tunnelOptions);
        this.outputRowKinds = outputRowKinds;
        this.ignoreDelete = ignoreDelete;
        this.rowImages = rowImages;
        this.skipInvalidData = skipInvalidData;
        this.epochUnit = epochUnit;
        this.parallelism = parallelism;
    }

    /** The connection: for the planning-time checks, the source and lookups. */
    TunnelConnectionConfig clients() {
        return new TunnelConnectionConfig(endpoint, instanceName, credentials);
    }

    /**
     * A builder with every option set; the caller adds the attribute columns and builds.
     *
     * @throws IllegalArgumentException naming an invalid option
     */
    <T> TunnelSourceBuilder<T> builder(
            TunnelType tunnelType, TunnelRecordDeserializationSchema<T> deserializer) {
        TunnelSourceBuilder<T> b =
                TunnelSource.<T>builder()
                        .setEndpoint(endpoint)
                        .setInstanceName(instanceName)
                        .setTableName(tableName)
                        .setTunnelName(tunnelName)
                        .setTunnelType(tunnelType)
                        .setCredentialsFactory(credentials)
                        .setDeserializer(deserializer);
        for (Map.Entry<String, String> e : tunnelOptions.entrySet()) {
            b.setProperty(e.getKey(), e.getValue());
        }
        startup.applyTo(b, tunnelType);
        return b;
    }

    @Override
    public String toString() {
        return "SourceSettings{instance="
                + instanceName
                + ", endpoint="
                + endpoint
                + ", table="
                + tableName
                + ", tunnel="
                + tunnelName
                + ", startup="
                + startup
                + ", credentials="
                + credentials
                + ", tunnelOptions="
                + tunnelOptions
                + ", outputRowKinds="
                + outputRowKinds
                + ", ignoreDelete="
                + ignoreDelete
                + ", rowImages="
                + rowImages
                + ", skipInvalidData="
                + skipInvalidData
                + ", epochUnit="
                + epochUnit
                + ", parallelism="
                + parallelism
                + "}";
    }
}

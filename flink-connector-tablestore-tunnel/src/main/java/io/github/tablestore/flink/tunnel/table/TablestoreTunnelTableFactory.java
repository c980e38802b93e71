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

import io.github.tablestore.flink.tunnel.client.auth.Credentials;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.config.CredentialsProviderFactory;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.table.lookup.LookupOptions;
import io.github.tablestore.flink.tunnel.table.lookup.LookupSettings;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.LogicalType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.ACCESS_KEY_ID;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.ACCESS_KEY_SECRET;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.ENDPOINT;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.EPOCH_UNIT;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.IGNORE_DELETE;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.INSTANCE_NAME;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.OUTPUT_ROW_KINDS;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.SCAN_PARALLELISM;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.SCAN_ROW_IMAGES;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.SECURITY_TOKEN;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.SKIP_INVALID_DATA;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.TABLE_NAME;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.TUNNEL_NAME;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.TUNNEL_OPTIONS;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.TUNNEL_TYPE;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.VVR_STREAM_ORIGIN_COLUMN_MAPPING;

/**
 * Factory of the {@code 'connector' = 'tablestore-tunnel'} SQL source, which is also a lookup
 * (dimension) table (like VVR's {@code ots}, one identifier for both). Validates the options
 * ({@link TablestoreTunnelTableOptions}), then checks the table definition against the service
 * ({@link TableSchemaCheck}) while the query is planned. See docs/sql.md.
 */
public final class TablestoreTunnelTableFactory implements DynamicTableSourceFactory {
    private static final Logger LOG = LoggerFactory.getLogger(TablestoreTunnelTableFactory.class);

    public static final String IDENTIFIER = "tablestore-tunnel";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        Set<ConfigOption<?>> options = new LinkedHashSet<>();
        options.add(ENDPOINT);
        options.add(INSTANCE_NAME);
        options.add(TABLE_NAME);
        return options;
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> options = new LinkedHashSet<>();
        options.add(TUNNEL_NAME);
        options.addAll(StartupOptions.ALL);
        options.add(TUNNEL_TYPE);
        options.add(ACCESS_KEY_ID);
        options.add(ACCESS_KEY_SECRET);
        options.add(SECURITY_TOKEN);
        options.add(OUTPUT_ROW_KINDS);
        options.add(IGNORE_DELETE);
        options.add(SCAN_ROW_IMAGES);
        options.add(SKIP_INVALID_DATA);
        options.add(EPOCH_UNIT);
        options.add(SCAN_PARALLELISM);
        options.addAll(TUNNEL_OPTIONS);
        options.addAll(VvrTuningOptions.ALL);
        options.add(VVR_STREAM_ORIGIN_COLUMN_MAPPING);
        options.addAll(LookupOptions.ALL);
        return options;
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        Map<String, String> raw = context.getCatalogTable().getOptions();

        if (options.getOptional(VVR_STREAM_ORIGIN_COLUMN_MAPPING).isPresent()) {
            throw new ValidationException(
                    "Option '"
                            + VVR_STREAM_ORIGIN_COLUMN_MAPPING.key()
                            + "' is not supported: declare before-image columns as metadata instead, e.g. "
                            + "old_status STRING METADATA FROM 'origin.status' VIRTUAL");
        }
        if (raw.containsKey("accessKey")) {
            LOG.warn(
                    "Table '{}' sets its AccessKey secret with the VVR key 'accessKey', which Flink does "
                            + "not recognise as secret (it may appear in Flink's messages); prefer "
                            + "'access-key-secret'",
                    context.getObjectIdentifier().asSummaryString());
        }
        Integer parallelism = options.getOptional(SCAN_PARALLELISM).orElse(null);
        if (parallelism != null && parallelism < 1) {
            throw new ValidationException(
                    "Invalid value '"
                            + parallelism
                            + "' for option '"
                            + SCAN_PARALLELISM.key()
                            + "': must be at least 1");
        }
        Map<String, String> tunnelOptions = new LinkedHashMap<>();
        for (ConfigOption<?> option : TUNNEL_OPTIONS) {
            if (raw.containsKey(option.key())) {
                tunnelOptions.put(option.key(), raw.get(option.key()));
            }
        }
        tunnelOptions.putAll(VvrTuningOptions.translate(options, raw));
        SourceSettings settings =
                new SourceSettings(
                        required(options, ENDPOINT),
                        required(options, INSTANCE_NAME),
                        required(options, TABLE_NAME),
                        optional(options, TUNNEL_NAME),
                        Startup.resolve(options),
                        credentials(options),
                        tunnelOptions,
                        options.get(OUTPUT_ROW_KINDS),
                        options.get(IGNORE_DELETE),
                        options.get(SCAN_ROW_IMAGES),
                        options.get(SKIP_INVALID_DATA),
                        options.get(EPOCH_UNIT),
                        parallelism);
        // Option values first (the message names the bad option), then the service; the stream
        // options depend on the tunnel type, which may come from the existing tunnel.
        TunnelType typeForOptions =
                settings.configuredTunnelType != null
                        ? settings.configuredTunnelType
                        : TunnelType.STREAM;
        if (settings.tunnelName != null) {
            validateTunnelOptions(settings, typeForOptions);
        }
        LookupSettings lookup = LookupSettings.from(options);
        ResolvedSchema schema = context.getCatalogTable().getResolvedSchema();
        TableFacts facts = TableSchemaCheck.check(settings, schema);
        if (facts.tunnelType != null) {
            // The stream start/end of the existing tunnel against the table's options.
            TunnelStartCheck.check(
                    settings, validateTunnelOptions(settings, facts.tunnelType).config());
        }
        return new TablestoreTunnelTableSource(
                settings,
                facts,
                context.getPhysicalRowDataType(),
                declaredTimestampType(schema),
                lookup);
    }

    private static TunnelSource<?> validateTunnelOptions(SourceSettings settings, TunnelType type) {
        try {
            return settings.builder(type, TunnelRecordDeserializationSchema.records()).build();
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage(), e);
        }
    }

    private static String required(ReadableConfig options, ConfigOption<String> option) {
        String value = options.get(option);
        if (value == null || value.trim().isEmpty()) {
            throw new ValidationException("Option '" + option.key() + "' must not be empty");
        }
        return value.trim();
    }

    /** The trimmed value, or null when the option is not set (or blank). */
    private static String optional(ReadableConfig options, ConfigOption<String> option) {
        String value = options.getOptional(option).orElse(null);
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    private static CredentialsProviderFactory credentials(ReadableConfig options) {
        String id = options.getOptional(ACCESS_KEY_ID).orElse(null);
        String secret = options.getOptional(ACCESS_KEY_SECRET).orElse(null);
        String token = options.getOptional(SECURITY_TOKEN).orElse(null);
        if (id == null && secret == null) {
            if (token != null) {
                throw new ValidationException(
                        "Option '"
                                + SECURITY_TOKEN.key()
                                + "' needs '"
                                + ACCESS_KEY_ID.key()
                                + "' and '"
                                + ACCESS_KEY_SECRET.key()
                                + "'");
            }
            return CredentialsProviderFactory.fromEnvironment();
        }
        if (id == null || id.isEmpty()) {
            throw new ValidationException(
                    "Option '"
                            + ACCESS_KEY_ID.key()
                            + "' (or 'accessId') is required when '"
                            + ACCESS_KEY_SECRET.key()
                            + "' is set");
        }
        if (secret == null || secret.isEmpty()) {
            throw new ValidationException(
                    "Option '"
                            + ACCESS_KEY_SECRET.key()
                            + "' (or 'accessKey') is required when '"
                            + ACCESS_KEY_ID.key()
                            + "' is set");
        }
        return CredentialsProviderFactory.of(
                token == null ? Credentials.of(id, secret) : Credentials.of(id, secret, token));
    }

    /** The declared type of the column reading the 'timestamp' metadata, or null. */
    private static LogicalType declaredTimestampType(ResolvedSchema schema) {
        for (Column column : schema.getColumns()) {
            if (column instanceof Column.MetadataColumn) {
                String key =
                        ((Column.MetadataColumn) column).getMetadataKey().orElse(column.getName());
                if (TunnelMetadata.TIMESTAMP.key.equals(key)) {
                    return column.getDataType().getLogicalType();
                }
            }
        }
        return null;
    }
}

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
import io.github.tablestore.flink.tunnel.source.TunnelSourceOptions;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.List;

/**
 * Options of the {@code tablestore-tunnel} SQL connector. Keys in parentheses are the Alibaba Cloud
 * Realtime Compute (VVR) {@code ots} connector's names, accepted as fallback keys so that a VVR
 * table definition works by changing only {@code 'connector'}; VVR's tuning options are in {@link
 * VvrTuningOptions}. The tunnel tuning options are the DataStream source's ({@link
 * TunnelSourceOptions}), with the same keys; the startup options are in {@link StartupOptions}.
 */
public final class TablestoreTunnelTableOptions {
    private TablestoreTunnelTableOptions() {}

    // ------------------------------------------------------------------ where

    public static final ConfigOption<String> ENDPOINT =
            ConfigOptions.key("endpoint")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("endPoint")
                    .withDescription(
                            "Endpoint of the Tablestore instance, e.g. "
                                    + "https://my-instance.cn-hangzhou.ots.aliyuncs.com (VVR: endPoint).");

    public static final ConfigOption<String> INSTANCE_NAME =
            ConfigOptions.key("instance-name")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("instanceName")
                    .withDescription("Name of the Tablestore instance (VVR: instanceName).");

    public static final ConfigOption<String> TABLE_NAME =
            ConfigOptions.key("table-name")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("tableName")
                    .withDescription("The Tablestore table to read (VVR: tableName).");

    public static final ConfigOption<String> TUNNEL_NAME =
            ConfigOptions.key("tunnel-name")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("tunnelName")
                    .withDescription(
                            "The tunnel to read; created when it does not exist (VVR: tunnelName). "
                                    + "Needed to read the table as a source; a table used only as a "
                                    + "lookup (dimension) table needs none.");

    public static final ConfigOption<TunnelType> TUNNEL_TYPE =
            ConfigOptions.key("tunnel-type")
                    .enumType(TunnelType.class)
                    .noDefaultValue()
                    .withDescription(
                            "Older name of scan.startup.mode: BASE_DATA = snapshot, "
                                    + "BASE_AND_STREAM = initial, STREAM = a changes-only read (an "
                                    + "existing tunnel as it is, latest-offset for a new one). An "
                                    + "existing tunnel must have this type.");

    // ------------------------------------------------------------------ credentials

    public static final ConfigOption<String> ACCESS_KEY_ID =
            ConfigOptions.key("access-key-id")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("accessId")
                    .withDescription(
                            "AccessKey ID (VVR: accessId). Without an ID and secret the "
                                    + "connector reads TABLESTORE_ACCESS_KEY_ID, TABLESTORE_ACCESS_KEY_SECRET and "
                                    + "TABLESTORE_SESSION_TOKEN from the environment of every JobManager and "
                                    + "TaskManager.");

    public static final ConfigOption<String> ACCESS_KEY_SECRET =
            ConfigOptions.key("access-key-secret")
                    .stringType()
                    .noDefaultValue()
                    .withFallbackKeys("accessKey")
                    .withDescription(
                            "AccessKey secret (VVR: accessKey). Flink masks this key in "
                                    + "the messages and logs where it shows options; it does not mask the VVR "
                                    + "name accessKey, so prefer access-key-secret.");

    public static final ConfigOption<String> SECURITY_TOKEN =
            ConfigOptions.key("security-token")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("STS security token, for temporary credentials (optional).");

    // ------------------------------------------------------------------ rows

    public static final ConfigOption<Boolean> OUTPUT_ROW_KINDS =
            ConfigOptions.key("output-row-kinds")
                    .booleanType()
                    .defaultValue(false)
                    .withFallbackKeys("outputSpecificRowType")
                    .withDescription(
                            "false: every record is an INSERT row (an append-only log of "
                                    + "changes; the 'type' metadata tells PUT, UPDATE or DELETE). true: a "
                                    + "changelog of the table: INSERT, UPDATE_BEFORE/UPDATE_AFTER and DELETE "
                                    + "rows with full row images (VVR: outputSpecificRowType).");

    public static final ConfigOption<Boolean> IGNORE_DELETE =
            ConfigOptions.key("ignore-delete")
                    .booleanType()
                    .defaultValue(false)
                    .withFallbackKeys("ignoreDelete")
                    .withDescription(
                            "Drop row deletions instead of emitting them (VVR: ignoreDelete).");

    public static final ConfigOption<RowImagesMode> SCAN_ROW_IMAGES =
            ConfigOptions.key("scan.row-images")
                    .enumType(RowImagesMode.class)
                    .defaultValue(RowImagesMode.FLINK_STATE)
                    .withDescription(
                            "Where the full row of a partial UpdateRow comes from, for STREAM and "
                                    + "BASE_AND_STREAM tunnels: flink-state (a keyed operator keeps each "
                                    + "key's row) or tunnel (the tunnel's stream records carry the whole "
                                    + "row, before and after the change with output-row-kinds; the job "
                                    + "creates the tunnel with these stream record options, an existing "
                                    + "tunnel must have them).");

    public static final ConfigOption<Boolean> SKIP_INVALID_DATA =
            ConfigOptions.key("skip-invalid-data")
                    .booleanType()
                    .defaultValue(false)
                    .withFallbackKeys("skipInvalidData")
                    .withDescription(
                            "A record whose cell does not fit its declared column (type, "
                                    + "range, NOT NULL) fails the job with a message naming table, column, "
                                    + "channel and primary key; true skips such records and counts them in "
                                    + "the metric invalidRecordsSkipped (VVR: skipInvalidData).");

    public static final ConfigOption<EpochUnit> EPOCH_UNIT =
            ConfigOptions.key("epoch-unit")
                    .enumType(EpochUnit.class)
                    .defaultValue(EpochUnit.MILLISECONDS)
                    .withDescription(
                            "Unit of the integer cells read into TIMESTAMP, TIMESTAMP_LTZ and "
                                    + "DATE columns: time since 1970-01-01T00:00:00Z.");

    /** {@code scan.parallelism}: parallelism of the source operator (default: the job's). */
    public static final ConfigOption<Integer> SCAN_PARALLELISM = FactoryUtil.SOURCE_PARALLELISM;

    // ------------------------------------------------------------------ VVR, refused

    /** VVR's before-image column mapping; refused with a pointer to the origin metadata. */
    public static final ConfigOption<String> VVR_STREAM_ORIGIN_COLUMN_MAPPING =
            ConfigOptions.key("streamOriginColumnMapping")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Not supported: declare before-image columns as metadata, "
                                    + "e.g. old_status STRING METADATA FROM 'origin.status' VIRTUAL.");

    /** The tunnel tuning options, shared with the DataStream source. */
    public static final List<ConfigOption<?>> TUNNEL_OPTIONS =
            List.of(
                    TunnelSourceOptions.HEARTBEAT_INTERVAL,
                    TunnelSourceOptions.HEARTBEAT_TIMEOUT,
                    TunnelSourceOptions.CLIENT_TAG,
                    TunnelSourceOptions.COMMIT_INTERVAL,
                    TunnelSourceOptions.READ_MAX_BACKOFF,
                    TunnelSourceOptions.READ_MAX_PARALLEL_CHANNELS,
                    TunnelSourceOptions.CLIENT_CONNECT_TIMEOUT,
                    TunnelSourceOptions.CLIENT_SOCKET_TIMEOUT,
                    TunnelSourceOptions.CLIENT_RETRY_MAX_ATTEMPTS,
                    TunnelSourceOptions.CLIENT_RETRY_TIMEOUT,
                    TunnelSourceOptions.CLIENT_REQUEST_COMPRESSION);

    /** Unit of integers read as points in time. */
    public enum EpochUnit {
        SECONDS(1_000_000L),
        MILLISECONDS(1_000L),
        MICROSECONDS(1L);

        private final long micros;

        EpochUnit(long micros) {
            this.micros = micros;
        }

        /** Microseconds per unit. */
        long micros() {
            return micros;
        }
    }
}

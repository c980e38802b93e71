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

import io.github.tablestore.flink.tunnel.source.TunnelSourceOptions;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.util.List;

/**
 * Flink's usual startup and bounded-read options ({@code scan.startup.*}, {@code scan.bounded.*})
 * of the SQL connector. The older keys stay accepted: {@code tunnel-type} and {@code
 * tunnel.stream.start} as aliases of modes ({@link Startup} resolves them and rejects
 * contradictions), {@code tunnel.stream.start-timestamp} and {@code tunnel.stream.end-timestamp}
 * as deprecated keys of the timestamps.
 */
public final class StartupOptions {
    private StartupOptions() {}

    public static final ConfigOption<StartupMode> SCAN_STARTUP_MODE =
            ConfigOptions.key("scan.startup.mode")
                    .enumType(StartupMode.class)
                    .noDefaultValue()
                    .withDescription(
                            "What to read: initial (rows, then changes: a BaseAndStream tunnel), "
                                    + "snapshot (rows only, bounded: BaseData), earliest-offset, "
                                    + "latest-offset or timestamp (changes only: a Stream tunnel "
                                    + "starting at the oldest retained change, at its creation, or "
                                    + "at scan.startup.timestamp-millis). Unset: the existing "
                                    + "tunnel as it is, or initial for a new one.");

    public static final ConfigOption<Long> SCAN_STARTUP_TIMESTAMP_MILLIS =
            ConfigOptions.key("scan.startup.timestamp-millis")
                    .longType()
                    .noDefaultValue()
                    .withDeprecatedKeys(TunnelSourceOptions.STREAM_START_TIMESTAMP.key())
                    .withDescription(
                            "Start time (ms since the epoch) with scan.startup.mode = timestamp; "
                                    + "within the table's stream retention.");

    public static final ConfigOption<BoundedMode> SCAN_BOUNDED_MODE =
            ConfigOptions.key("scan.bounded.mode")
                    .enumType(BoundedMode.class)
                    .defaultValue(BoundedMode.UNBOUNDED)
                    .withDescription(
                            "unbounded, or timestamp: a changes-only read ends at "
                                    + "scan.bounded.timestamp-millis (the tunnel's stream end).");

    public static final ConfigOption<Long> SCAN_BOUNDED_TIMESTAMP_MILLIS =
            ConfigOptions.key("scan.bounded.timestamp-millis")
                    .longType()
                    .noDefaultValue()
                    .withDeprecatedKeys(TunnelSourceOptions.STREAM_END_TIMESTAMP.key())
                    .withDescription(
                            "End time (ms since the epoch, exclusive) with scan.bounded.mode = "
                                    + "timestamp; after the start.");

    /** {@code tunnel.stream.start}: alias of the changes-only modes. */
    public static final ConfigOption<?> LEGACY_STREAM_START = TunnelSourceOptions.STREAM_START;

    static final List<ConfigOption<?>> ALL =
            List.of(
                    SCAN_STARTUP_MODE,
                    SCAN_STARTUP_TIMESTAMP_MILLIS,
                    SCAN_BOUNDED_MODE,
                    SCAN_BOUNDED_TIMESTAMP_MILLIS,
                    LEGACY_STREAM_START);
}

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
import io.github.tablestore.flink.tunnel.source.StreamStartMode;
import io.github.tablestore.flink.tunnel.source.TunnelSourceBuilder;
import io.github.tablestore.flink.tunnel.source.TunnelSourceOptions;

import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;

import java.io.Serializable;

import static io.github.tablestore.flink.tunnel.table.StartupOptions.SCAN_BOUNDED_MODE;
import static io.github.tablestore.flink.tunnel.table.StartupOptions.SCAN_BOUNDED_TIMESTAMP_MILLIS;
import static io.github.tablestore.flink.tunnel.table.StartupOptions.SCAN_STARTUP_MODE;
import static io.github.tablestore.flink.tunnel.table.StartupOptions.SCAN_STARTUP_TIMESTAMP_MILLIS;
import static io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.TUNNEL_TYPE;

/**
 * What a table reads, resolved from {@code scan.startup.*}, {@code scan.bounded.*} and their
 * aliases ({@code tunnel-type}, {@code tunnel.stream.*}): the tunnel type (or none, to use an
 * existing tunnel as it is) and a Stream tunnel's start and end. Contradicting options fail with a
 * message naming both.
 */
final class Startup implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Null: the existing tunnel's type, BASE_AND_STREAM for a new one. */
    final TunnelType tunnelType;

    /** The configured mode, or null when only the tunnel's type (or nothing) was given. */
    final StartupMode mode;

    /** How {@link #tunnelType} was configured, e.g. {@code 'scan.startup.mode' = 'snapshot'}. */
    final String typeSetting;

    final Long startMillis;
    final Long endMillis;

    private Startup(
            TunnelType tunnelType,
            StartupMode mode,
            String typeSetting,
            Long startMillis,
            Long endMillis) {
        this.tunnelType = tunnelType;
        this.mode = mode;
        this.typeSetting = typeSetting;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
    }

    /** Resolves and checks the options. */
    static Startup resolve(ReadableConfig options) {
        StartupMode mode = options.getOptional(SCAN_STARTUP_MODE).orElse(null);
        String modeSetting = mode == null ? null : setting(SCAN_STARTUP_MODE.key(), mode);
        StreamStartMode legacyStart =
                options.getOptional(TunnelSourceOptions.STREAM_START).orElse(null);
        TunnelType legacyType = options.getOptional(TUNNEL_TYPE).orElse(null);

        // tunnel.stream.start = LATEST was the default and was accepted with any tunnel type.
        boolean legacyStartMeansSomething =
                legacyStart != null
                        && !(legacyStart == StreamStartMode.LATEST
                                && legacyType != null
                                && legacyType != TunnelType.STREAM);
        if (legacyStartMeansSomething) {
            StartupMode fromLegacy = StartupMode.of(legacyStart);
            String legacySetting = setting(TunnelSourceOptions.STREAM_START.key(), legacyStart);
            if (mode != null && mode != fromLegacy) {
                throw contradiction(modeSetting, legacySetting);
            }
            if (mode == null) {
                mode = fromLegacy;
                modeSetting = legacySetting;
            }
        }
        TunnelType type = mode == null ? null : mode.tunnelType();
        String typeSetting = modeSetting;
        if (legacyType != null) {
            String legacySetting = setting(TUNNEL_TYPE.key(), legacyType);
            if (type != null && type != legacyType) {
                throw contradiction(modeSetting, legacySetting);
            }
            if (type == null) {
                type = legacyType;
                typeSetting = legacySetting;
            }
        }

        Long start = options.getOptional(SCAN_STARTUP_TIMESTAMP_MILLIS).orElse(null);
        if (mode == StartupMode.TIMESTAMP && start == null) {
            throw new ValidationException(
                    "Option '"
                            + SCAN_STARTUP_TIMESTAMP_MILLIS.key()
                            + "' is required with "
                            + modeSetting);
        }
        if (start != null && mode != StartupMode.TIMESTAMP) {
            throw new ValidationException(
                    "Option '"
                            + SCAN_STARTUP_TIMESTAMP_MILLIS.key()
                            + "' applies only with '"
                            + SCAN_STARTUP_MODE.key()
                            + "' = 'timestamp'"
                            + (typeSetting == null ? "" : ", not with " + typeSetting));
        }
        if (start != null && start <= 0) {
            throw invalid(
                    SCAN_STARTUP_TIMESTAMP_MILLIS.key(), start, "must be a positive epoch ms");
        }

        BoundedMode bounded = options.getOptional(SCAN_BOUNDED_MODE).orElse(null);
        Long end = options.getOptional(SCAN_BOUNDED_TIMESTAMP_MILLIS).orElse(null);
        if (bounded == BoundedMode.TIMESTAMP && end == null) {
            throw new ValidationException(
                    "Option '"
                            + SCAN_BOUNDED_TIMESTAMP_MILLIS.key()
                            + "' is required with '"
                            + SCAN_BOUNDED_MODE.key()
                            + "' = 'timestamp'");
        }
        if (bounded == BoundedMode.UNBOUNDED && end != null) {
            throw contradiction(
                    setting(SCAN_BOUNDED_MODE.key(), bounded),
                    "'" + SCAN_BOUNDED_TIMESTAMP_MILLIS.key() + "' = '" + end + "'");
        }
        if (end != null) {
            if (end <= 0) {
                throw invalid(
                        SCAN_BOUNDED_TIMESTAMP_MILLIS.key(), end, "must be a positive epoch ms");
            }
            if (type == null) {
                // An existing tunnel's type would decide; say which read is meant.
                throw new ValidationException(
                        "Option '"
                                + SCAN_BOUNDED_TIMESTAMP_MILLIS.key()
                                + "' needs '"
                                + SCAN_STARTUP_MODE.key()
                                + "' = 'earliest-offset', 'latest-offset' or 'timestamp' (where "
                                + "the bounded read of changes starts)");
            }
            if (type != TunnelType.STREAM) {
                throw endNeedsStream(typeSetting);
            }
            if (start != null && end <= start) {
                throw new ValidationException(
                        "Option '"
                                + SCAN_BOUNDED_TIMESTAMP_MILLIS.key()
                                + "' ("
                                + end
                                + ") must be after '"
                                + SCAN_STARTUP_TIMESTAMP_MILLIS.key()
                                + "' ("
                                + start
                                + ")");
            }
        }
        // tunnel-type = STREAM alone keeps its old meaning: an existing tunnel as it is.
        StartupMode explicitMode = modeSetting == null ? null : mode;
        return new Startup(type, explicitMode, typeSetting, start, end);
    }

    /** Sets the stream start and end on a source builder for a tunnel of type {@code actual}. */
    void applyTo(TunnelSourceBuilder<?> b, TunnelType actual) {
        if (actual != TunnelType.STREAM) {
            return;
        }
        if (mode != null) {
            switch (mode.streamStart()) {
                case EARLIEST:
                    b.setStreamStartEarliest();
                    break;
                case TIMESTAMP:
                    b.setStreamStartTimestamp(startMillis);
                    break;
                case LATEST:
                default:
                    b.setStreamStartLatest();
                    break;
            }
        }
        if (endMillis != null) {
            b.setStreamEndTimestamp(endMillis);
        }
    }

    private static ValidationException endNeedsStream(String typeSetting) {
        return new ValidationException(
                "Option '"
                        + SCAN_BOUNDED_TIMESTAMP_MILLIS.key()
                        + "' ends a changes-only read ('"
                        + SCAN_STARTUP_MODE.key()
                        + "' = 'earliest-offset', 'latest-offset' or 'timestamp'), but the table "
                        + "reads "
                        + typeSetting
                        + "; 'snapshot' is bounded by itself");
    }

    private static String setting(String key, Object value) {
        return "'" + key + "' = '" + value + "'";
    }

    private static ValidationException contradiction(String a, String b) {
        return new ValidationException(
                "Contradicting options: "
                        + a
                        + " and "
                        + b
                        + ". Set one of them ('tunnel-type' and 'tunnel.stream.*' are older "
                        + "names of the 'scan.startup.*' and 'scan.bounded.*' options).");
    }

    private static ValidationException invalid(String key, Object value, String why) {
        return new ValidationException(
                "Invalid value '" + value + "' for option '" + key + "': " + why);
    }

    @Override
    public String toString() {
        return "Startup{type="
                + tunnelType
                + ", mode="
                + mode
                + (startMillis != null ? ", start=" + startMillis : "")
                + (endMillis != null ? ", end=" + endMillis : "")
                + "}";
    }
}

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

import io.github.tablestore.flink.tunnel.client.ErrorCodes;
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.TunnelInfo;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.source.StreamStartMode;
import io.github.tablestore.flink.tunnel.source.config.StreamRangeCheck;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;

import org.apache.flink.table.api.ValidationException;

import static io.github.tablestore.flink.tunnel.table.StartupOptions.SCAN_STARTUP_TIMESTAMP_MILLIS;

/**
 * Checks the stream start and end at planning time: an existing Stream tunnel must have been
 * created with them (DescribeTunnel; the enumerator checks again when the job starts), and the
 * start time of a tunnel still to be created must lie within the table's stream retention
 * (DescribeTable), where CreateTunnel accepts it.
 */
final class TunnelStartCheck {
    private static final long MILLIS_PER_HOUR = 3_600_000L;

    /**
     * CreateTunnel accepts a start in [now - retention + 5 min, now]: the retention's oldest
     * five minutes are kept clear of tunnel starts.
     */
    private static final long START_MARGIN_MILLIS = 5 * 60_000L;

    private TunnelStartCheck() {}

    static void check(SourceSettings settings, TunnelSourceConfig config) {
        if (config.tunnelType() != TunnelType.STREAM || !config.streamRangeConfigured()) {
            return;
        }
        try (TunnelClient client = settings.clients().createClient()) {
            TunnelInfo existing = describe(client, settings);
            if (existing != null) {
                String mismatch = StreamRangeCheck.mismatch(config, existing);
                if (mismatch != null) {
                    throw new ValidationException(
                            mismatch
                                    + " Choose another 'tunnel-name', drop the tunnel (the job "
                                    + "then creates it with these options), or set the "
                                    + "'scan.startup.*' and 'scan.bounded.*' options to the "
                                    + "tunnel's.");
                }
                return;
            }
            if (config.streamStart() == StreamStartMode.TIMESTAMP) {
                checkWithinRetention(client, settings, config.streamStartMillis());
            }
        }
    }

    private static TunnelInfo describe(TunnelClient client, SourceSettings settings) {
        try {
            return client.describeTunnel(settings.tableName, settings.tunnelName).tunnel();
        } catch (TablestoreException e) {
            if (e.hasCode(ErrorCodes.PARAMETER_INVALID) || e.hasCode(ErrorCodes.OBJECT_NOT_EXIST)) {
                return null;
            }
            throw new ValidationException(
                    "Could not describe tunnel '"
                            + settings.tunnelName
                            + "' of table '"
                            + settings.tableName
                            + "': "
                            + e.getMessage(),
                    e);
        }
    }

    private static void checkWithinRetention(
            TunnelClient client, SourceSettings settings, long startMillis) {
        int hours = client.describeTable(settings.tableName).streamExpirationHours();
        long now = System.currentTimeMillis();
        long oldest = now - hours * MILLIS_PER_HOUR + START_MARGIN_MILLIS;
        if (startMillis > now) {
            throw new ValidationException(
                    "Option '"
                            + SCAN_STARTUP_TIMESTAMP_MILLIS.key()
                            + "' ("
                            + startMillis
                            + ") is in the future; a stream tunnel starts at a time the stream "
                            + "already holds (use 'latest-offset' to read from now on)");
        }
        if (hours > 0 && startMillis < oldest) {
            throw new ValidationException(
                    "Option '"
                            + SCAN_STARTUP_TIMESTAMP_MILLIS.key()
                            + "' ("
                            + startMillis
                            + ") is older than the stream of table '"
                            + settings.tableName
                            + "' retains ("
                            + hours
                            + " h, and a tunnel may start no earlier than 5 min after its oldest "
                            + "change: not before "
                            + oldest
                            + "); use a later time or 'earliest-offset'");
        }
    }
}

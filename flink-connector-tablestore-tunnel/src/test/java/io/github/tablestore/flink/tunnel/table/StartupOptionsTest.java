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

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.StreamStartMode;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;

import org.apache.flink.api.connector.source.Boundedness;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code scan.startup.*} and {@code scan.bounded.*} at planning time against the emulator: each
 * mode's tunnel, the older keys as aliases, contradictions named, a start outside the stream's
 * retention, and an existing tunnel created with another start or end.
 */
class StartupOptionsTest {
    @RegisterExtension
    static final TablestoreEmulatorExtension TABLESTORE = new TablestoreEmulatorExtension();

    private static final String COLUMNS = "order_id STRING, line INT, amount DOUBLE";

    @BeforeAll
    static void tables() {
        SqlTestSupport.createOrders(TABLESTORE.emulator(), 1);
    }

    private static TablestoreEmulator emulator() {
        return TABLESTORE.emulator();
    }

    private static TablestoreTunnelTableSource plan(String tunnel, String extra) {
        return PlanningSupport.plan(emulator(), COLUMNS, tunnel, extra);
    }

    private static TunnelSourceConfig config(String tunnel, String extra) {
        return PlanningSupport.config(emulator(), COLUMNS, tunnel, extra);
    }

    private static TunnelClient client() {
        return PlanningSupport.client(emulator());
    }

    @Test
    void eachModeReadsItsTunnel() {
        TunnelSourceConfig initial = config("m-initial", "'scan.startup.mode' = 'initial'");
        assertThat(initial.tunnelType()).isEqualTo(TunnelType.BASE_AND_STREAM);
        assertThat(initial.boundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);

        TunnelSourceConfig snapshot = config("m-snapshot", "'scan.startup.mode' = 'snapshot'");
        assertThat(snapshot.tunnelType()).isEqualTo(TunnelType.BASE_DATA);
        assertThat(snapshot.boundedness()).isEqualTo(Boundedness.BOUNDED);

        TunnelSourceConfig earliest =
                config("m-earliest", "'scan.startup.mode' = 'earliest-offset'");
        assertThat(earliest.tunnelType()).isEqualTo(TunnelType.STREAM);
        assertThat(earliest.streamStart()).isEqualTo(StreamStartMode.EARLIEST);
        assertThat(earliest.streamRangeConfigured()).isTrue();

        TunnelSourceConfig latest = config("m-latest", "'scan.startup.mode' = 'latest-offset'");
        assertThat(latest.streamStart()).isEqualTo(StreamStartMode.LATEST);
        assertThat(latest.streamRangeConfigured()).isTrue();

        long start = System.currentTimeMillis() - 60_000;
        TunnelSourceConfig timestamp =
                config(
                        "m-ts",
                        "'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = '"
                                + start
                                + "'");
        assertThat(timestamp.streamStart()).isEqualTo(StreamStartMode.TIMESTAMP);
        assertThat(timestamp.streamStartMillis()).isEqualTo(start);
        assertThat(timestamp.createTunnelRequest().streamStartMillis()).isEqualTo(start);
        assertThat(timestamp.boundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);

        TunnelSourceConfig bounded =
                config(
                        "m-bounded",
                        "'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = '"
                                + start
                                + "', 'scan.bounded.mode' = 'timestamp', "
                                + "'scan.bounded.timestamp-millis' = '"
                                + (start + 30_000)
                                + "'");
        assertThat(bounded.streamEndMillis()).isEqualTo(start + 30_000);
        assertThat(bounded.createTunnelRequest().streamEndMillis()).isEqualTo(start + 30_000);
        assertThat(bounded.boundedness()).isEqualTo(Boundedness.BOUNDED);
    }

    @Test
    void theOlderKeysAreAliases() {
        assertThat(config("a-base", "'tunnel-type' = 'BASE_DATA'").tunnelType())
                .isEqualTo(TunnelType.BASE_DATA);
        TunnelSourceConfig earliest =
                config(
                        "a-earliest",
                        "'tunnel-type' = 'STREAM', 'tunnel.stream.start' = 'EARLIEST'");
        assertThat(earliest.streamStart()).isEqualTo(StreamStartMode.EARLIEST);
        assertThat(config("a-earliest2", "'tunnel.stream.start' = 'EARLIEST'").tunnelType())
                .isEqualTo(TunnelType.STREAM);
        long start = System.currentTimeMillis() - 60_000;
        TunnelSourceConfig old =
                config(
                        "a-ts",
                        "'tunnel-type' = 'STREAM', 'tunnel.stream.start' = 'TIMESTAMP', "
                                + "'tunnel.stream.start-timestamp' = '"
                                + start
                                + "', 'tunnel.stream.end-timestamp' = '"
                                + (start + 1_000)
                                + "'");
        assertThat(old.streamStartMillis()).isEqualTo(start);
        assertThat(old.streamEndMillis()).isEqualTo(start + 1_000);
        // The same tunnel type, said twice, is no contradiction.
        assertThat(
                        config(
                                        "a-same",
                                        "'tunnel-type' = 'STREAM', 'scan.startup.mode' = 'earliest-offset'")
                                .streamStart())
                .isEqualTo(StreamStartMode.EARLIEST);
        // tunnel-type = STREAM alone does not pin the start of an existing tunnel.
        assertThat(config("a-stream", "'tunnel-type' = 'STREAM'").streamRangeConfigured())
                .isFalse();
    }

    @Test
    void contradictionsNameBothOptions() {
        assertThatThrownBy(
                        () ->
                                plan(
                                        "c1",
                                        "'scan.startup.mode' = 'snapshot', 'tunnel-type' = 'STREAM'"))
                .hasStackTraceContaining(
                        "Contradicting options: 'scan.startup.mode' = 'snapshot' and "
                                + "'tunnel-type' = 'STREAM'");
        assertThatThrownBy(
                        () ->
                                plan(
                                        "c2",
                                        "'scan.startup.mode' = 'earliest-offset', "
                                                + "'tunnel.stream.start' = 'LATEST'"))
                .hasStackTraceContaining(
                        "'scan.startup.mode' = 'earliest-offset' and 'tunnel.stream.start' = 'LATEST'");
        assertThatThrownBy(
                        () ->
                                plan(
                                        "c3",
                                        "'scan.startup.mode' = 'latest-offset', "
                                                + "'scan.startup.timestamp-millis' = '5'"))
                .hasStackTraceContaining(
                        "Option 'scan.startup.timestamp-millis' applies only with "
                                + "'scan.startup.mode' = 'timestamp', not with "
                                + "'scan.startup.mode' = 'latest-offset'");
        assertThatThrownBy(() -> plan("c4", "'scan.startup.mode' = 'timestamp'"))
                .hasStackTraceContaining(
                        "Option 'scan.startup.timestamp-millis' is required with "
                                + "'scan.startup.mode' = 'timestamp'");
        assertThatThrownBy(
                        () ->
                                plan(
                                        "c5",
                                        "'scan.startup.mode' = 'latest-offset', "
                                                + "'scan.bounded.mode' = 'unbounded', "
                                                + "'scan.bounded.timestamp-millis' = '5'"))
                .hasStackTraceContaining(
                        "Contradicting options: 'scan.bounded.mode' = 'unbounded' and "
                                + "'scan.bounded.timestamp-millis' = '5'");
        assertThatThrownBy(
                        () ->
                                plan(
                                        "c6",
                                        "'scan.startup.mode' = 'latest-offset', "
                                                + "'scan.bounded.mode' = 'timestamp'"))
                .hasStackTraceContaining(
                        "Option 'scan.bounded.timestamp-millis' is required with "
                                + "'scan.bounded.mode' = 'timestamp'");
        assertThatThrownBy(
                        () ->
                                plan(
                                        "c7",
                                        "'scan.startup.mode' = 'initial', "
                                                + "'scan.bounded.timestamp-millis' = '5'"))
                .hasStackTraceContaining(
                        "Option 'scan.bounded.timestamp-millis' ends a changes-only read")
                .hasStackTraceContaining("'scan.startup.mode' = 'initial'");
        assertThatThrownBy(
                        () ->
                                plan(
                                        "c8",
                                        "'scan.startup.mode' = 'timestamp', "
                                                + "'scan.startup.timestamp-millis' = '2000', "
                                                + "'scan.bounded.timestamp-millis' = '1000'"))
                .hasStackTraceContaining(
                        "Option 'scan.bounded.timestamp-millis' (1000) must be after "
                                + "'scan.startup.timestamp-millis' (2000)");
        assertThatThrownBy(() -> plan("c9", "'scan.startup.mode' = 'sideways'"))
                .hasStackTraceContaining("scan.startup.mode");
    }

    @Test
    void aStartTimeMustLieWithinTheStreamsRetention() {
        long tooOld = System.currentTimeMillis() - Duration.ofDays(8).toMillis();
        assertThatThrownBy(
                        () ->
                                plan(
                                        "r1",
                                        "'scan.startup.mode' = 'timestamp', "
                                                + "'scan.startup.timestamp-millis' = '"
                                                + tooOld
                                                + "'"))
                .hasStackTraceContaining(
                        "Option 'scan.startup.timestamp-millis' (" + tooOld + ") is older than")
                .hasStackTraceContaining("'earliest-offset'");
        long retainedHours;
        try (TunnelClient client = client()) {
            retainedHours = client.describeTable("orders").streamExpirationHours();
        }
        // Retained, but within the 5 minutes at the retention's old end CreateTunnel refuses.
        long inTheMargin =
                System.currentTimeMillis()
                        - Duration.ofHours(retainedHours).minusMinutes(4).toMillis();
        assertThatThrownBy(
                        () ->
                                plan(
                                        "r3",
                                        "'scan.startup.mode' = 'timestamp', "
                                                + "'scan.startup.timestamp-millis' = '"
                                                + inTheMargin
                                                + "'"))
                .hasStackTraceContaining(
                        "Option 'scan.startup.timestamp-millis' ("
                                + inTheMargin
                                + ") is older than");
        long future = System.currentTimeMillis() + Duration.ofHours(1).toMillis();
        assertThatThrownBy(
                        () ->
                                plan(
                                        "r2",
                                        "'scan.startup.mode' = 'timestamp', "
                                                + "'scan.startup.timestamp-millis' = '"
                                                + future
                                                + "'"))
                .hasStackTraceContaining("is in the future");
    }

    @Test
    void anExistingTunnelWithAnotherStartOrEndFailsThePlanning() {
        long start = System.currentTimeMillis() - 60_000;
        try (TunnelClient client = client()) {
            client.createTunnel(
                    CreateTunnelRequest.builder("orders", "earliest", TunnelType.STREAM)
                            .streamStart(CreateTunnelRequest.StreamStart.EARLIEST)
                            .build());
            client.createTunnel(
                    CreateTunnelRequest.builder("orders", "window", TunnelType.STREAM)
                            .streamStartMillis(start)
                            .streamEndMillis(start + 10_000)
                            .build());
        }
        assertThatThrownBy(() -> plan("earliest", "'scan.startup.mode' = 'latest-offset'"))
                .hasStackTraceContaining(
                        "exists with stream start EARLIEST and no end, but the source is "
                                + "configured for start LATEST and no end")
                .hasStackTraceContaining("Choose another 'tunnel-name', drop the tunnel");
        // The same start, or none configured, fits.
        assertThat(config("earliest", "'scan.startup.mode' = 'earliest-offset'").tunnelType())
                .isEqualTo(TunnelType.STREAM);
        assertThat(config("earliest", "").tunnelType()).isEqualTo(TunnelType.STREAM);

        String window =
                "'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = '"
                        + start
                        + "', 'scan.bounded.timestamp-millis' = '";
        assertThat(config("window", window + (start + 10_000) + "'").streamEndMillis())
                .isEqualTo(start + 10_000);
        assertThatThrownBy(() -> plan("window", window + (start + 20_000) + "'"))
                .hasStackTraceContaining(
                        "exists with stream start timestamp "
                                + start
                                + " ms and end "
                                + (start + 10_000)
                                + " ms, but the source is configured for start timestamp "
                                + start
                                + " ms and end "
                                + (start + 20_000)
                                + " ms");
        // An end alone does not say where the read starts.
        assertThatThrownBy(
                        () -> plan("earliest", "'scan.bounded.timestamp-millis' = '" + start + "'"))
                .hasStackTraceContaining(
                        "Option 'scan.bounded.timestamp-millis' needs 'scan.startup.mode'");
    }
}

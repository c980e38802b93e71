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

import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.config.ClientSettings;
import io.github.tablestore.flink.tunnel.source.config.TunnelConnectionConfig;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * VVR's tuning options at planning time: each one reaches the client (timeouts, retries,
 * compression) or the readers, or is rejected with what to use instead.
 */
class VvrTuningOptionsTest {
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

    private static TunnelSourceConfig config(String extra) {
        return PlanningSupport.config(emulator(), COLUMNS, "vvr", extra);
    }

    private static ClientSettings client(TunnelSourceConfig config) {
        return ((TunnelConnectionConfig) config.clientFactory()).settings();
    }

    @Test
    void timeoutsCompressionAndChannelsReachTheClientAndReaders() {
        TunnelSourceConfig c =
                config(
                        "'connectTimeout' = '1500', 'socketTimeout' = '45000', "
                                + "'enableRequestCompression' = 'true', "
                                + "'callbackThreadPoolSize' = '3'");
        ClientSettings s = client(c);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.socketTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.requestCompression()).isTrue();
        assertThat(c.maxParallelChannels()).isEqualTo(3);

        ClientSettings defaults = client(config(""));
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.socketTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.retryMaxAttempts()).isEqualTo(10);
        assertThat(defaults.retryTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.requestCompression()).isFalse();
    }

    @Test
    void retryStrategiesSetAttemptsAndTimeLimit() {
        ClientSettings count = client(config("'retryStrategy' = 'COUNT', 'retryCount' = '5'"));
        assertThat(count.retryMaxAttempts()).isEqualTo(6);
        assertThat(count.retryTimeout()).isEqualTo(Duration.ofDays(1));
        assertThat(client(config("'retryStrategy' = 'count'")).retryMaxAttempts()).isEqualTo(4);
        assertThat(client(config("'retryCount' = '0'")).retryMaxAttempts()).isEqualTo(1);

        ClientSettings time =
                client(config("'retryStrategy' = 'TIME', 'retryTimeoutMs' = '20000'"));
        assertThat(time.retryTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(time.retryMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(client(config("'retryStrategy' = 'TIME'")).retryTimeout())
                .isEqualTo(Duration.ofMillis(180_000));
        assertThat(client(config("'retryTimeoutMs' = '5000'")).retryTimeout())
                .isEqualTo(Duration.ofSeconds(5));

        // The connector's own keys work alike.
        ClientSettings own =
                client(
                        config(
                                "'tunnel.client.retry.max-attempts' = '2', "
                                        + "'tunnel.client.retry.timeout' = '7 s'"));
        assertThat(own.retryMaxAttempts()).isEqualTo(2);
        assertThat(own.retryTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void contradictionsAndRefusedOptionsAreNamed() {
        assertThatThrownBy(() -> config("'retryStrategy' = 'TIME', 'retryCount' = '2'"))
                .hasStackTraceContaining(
                        "Option 'retryCount' does not apply with 'retryStrategy' = 'TIME'");
        assertThatThrownBy(() -> config("'retryStrategy' = 'COUNT', 'retryTimeoutMs' = '2'"))
                .hasStackTraceContaining(
                        "Option 'retryTimeoutMs' does not apply with 'retryStrategy' = 'COUNT'");
        assertThatThrownBy(() -> config("'retryCount' = '2', 'retryTimeoutMs' = '2'"))
                .hasStackTraceContaining("belong to different retry strategies");
        assertThatThrownBy(() -> config("'retryStrategy' = 'FOREVER'"))
                .hasStackTraceContaining("'retryStrategy': TIME or COUNT");
        assertThatThrownBy(() -> config("'connectTimeout' = '0'"))
                .hasStackTraceContaining("'connectTimeout': a positive number of milliseconds");
        assertThatThrownBy(
                        () ->
                                config(
                                        "'connectTimeout' = '100', "
                                                + "'tunnel.client.connect-timeout' = '1 s'"))
                .hasStackTraceContaining(
                        "Options 'connectTimeout' (VVR) and 'tunnel.client.connect-timeout' both "
                                + "set the same setting");
        assertThatThrownBy(() -> config("'ioThreadCount' = '4'"))
                .hasStackTraceContaining("Option 'ioThreadCount' (VVR) is not supported")
                .hasStackTraceContaining("tunnel.read.max-parallel-channels");
        assertThatThrownBy(() -> config("'dataFetchTimeoutMs' = '10000'"))
                .hasStackTraceContaining("Option 'dataFetchTimeoutMs' (VVR) is not supported")
                .hasStackTraceContaining("tunnel.read.max-backoff");
    }
}

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

package io.github.tablestore.flink.tunnel.source.it;

import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures: a task failure mid-stream (checkpoints every 100 ms) gives exactly-once output; a lost
 * tunnel lease is survived; an expired tunnel fails the job with advice.
 */
class FailoverITCase {
    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().readLimits(10).build();

    private static final String TABLE = "orders";
    private static final int KEYS = 300;
    private static final AtomicInteger SEEN = new AtomicInteger();
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = IT.emulator();
        TestTables.create(emulator, TABLE, 2);
        TestTables.putRange(emulator, TABLE, 0, KEYS, "v0");
        SEEN.set(0);
        FAILED.set(false);
    }

    /** Fails its task once, when the {@code at}-th record passes. */
    private static final class FailOnce implements MapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private final int at;

        FailOnce(int at) {
            this.at = at;
        }

        @Override
        public String map(String value) {
            if (SEEN.incrementAndGet() >= at && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("Injected task failure");
            }
            return value;
        }
    }

    private static boolean complete(List<String> lines) {
        Map<Long, List<String>> stream = ItSupport.streamHistoryByKey(lines);
        for (long k = 0; k < KEYS; k++) {
            if (!stream.getOrDefault(k, List.of()).contains("v2")) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aTaskFailureGivesExactlyOnceOutput() throws Exception {
        StreamExecutionEnvironment env = ItSupport.env(2, 3, new Configuration());
        TunnelSource<String> source =
                TestSources.builder(
                                emulator,
                                TABLE,
                                "t",
                                TunnelType.BASE_AND_STREAM,
                                new KeyValueSchema())
                        .build();
        List<String> got = new ArrayList<>();
        try (CloseableIterator<String> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                        .map(new FailOnce(KEYS / 2))
                        .executeAndCollect()) {
            ItSupport.waitFor(() -> !emulator.tunnels().isEmpty(), "the tunnel");
            TestTables.putRange(emulator, TABLE, 0, KEYS, "v1");
            TestTables.putRange(emulator, TABLE, 0, KEYS, "v2");
            ItSupport.take(it, got, FailoverITCase::complete);
        }
        assertThat(FAILED).isTrue();
        Map<Long, List<String>> history = ItSupport.historyByKey(got);
        Map<Long, List<String>> stream = ItSupport.streamHistoryByKey(got);
        for (long k = 0; k < KEYS; k++) {
            assertThat(history.get(k)).as("records of key %d", k).hasSize(3);
            assertThat(stream.get(k)).as("changes of key %d", k).containsExactly("v1", "v2");
        }
    }

    @Test
    void aLostLeaseIsSurvivedWithoutLosingOrRepeatingData() throws Exception {
        StreamExecutionEnvironment env = ItSupport.env(2, 0, new Configuration());
        TunnelSource<String> source =
                TestSources.builder(emulator, TABLE, "t", TunnelType.STREAM, new KeyValueSchema())
                        .build();
        List<String> got = new ArrayList<>();
        try (CloseableIterator<String> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                        .executeAndCollect()) {
            ItSupport.waitFor(
                    () ->
                            !emulator.tunnels().isEmpty()
                                    && emulator.tunnels().get(0).clients().size() == 1,
                    "the session");
            TestTables.putRange(emulator, TABLE, 0, KEYS, "v1");
            ItSupport.take(it, got, lines -> lines.size() >= KEYS / 2);
            String first = emulator.tunnels().get(0).clients().get(0).clientId();
            emulator.expireClient(first);
            TestTables.putRange(emulator, TABLE, 0, KEYS, "v2");
            ItSupport.take(it, got, FailoverITCase::complete);
            assertThat(emulator.tunnels().get(0).clients())
                    .hasSize(1)
                    .allSatisfy(c -> assertThat(c.clientId()).isNotEqualTo(first));
        }
        Map<Long, List<String>> stream = ItSupport.streamHistoryByKey(got);
        for (long k = 0; k < KEYS; k++) {
            assertThat(stream.get(k)).as("changes of key %d", k).containsExactly("v1", "v2");
        }
    }

    @Test
    void anExpiredTunnelFailsTheJobWithAdvice() throws Exception {
        StreamExecutionEnvironment env = ItSupport.env(1, 0, new Configuration());
        TunnelSource<String> source =
                TestSources.builder(emulator, TABLE, "t", TunnelType.STREAM, new KeyValueSchema())
                        .build();
        Throwable failure = null;
        try (CloseableIterator<String> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                        .executeAndCollect()) {
            ItSupport.waitFor(() -> !emulator.tunnels().isEmpty(), "the tunnel");
            emulator.expireTunnel(emulator.tunnels().get(0).tunnelId());
            TestTables.putRange(emulator, TABLE, 0, 10, "v1");
            while (it.hasNext()) {
                it.next();
            }
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        assertThat(ExceptionUtils.findThrowable(failure, TunnelSourceException.class))
                .hasValueSatisfying(
                        e ->
                                assertThat(e)
                                        .hasMessageContaining("tunnel 't' of table 'orders'")
                                        .hasMessageContaining("has expired")
                                        .hasMessageContaining("start the job without state"));
    }
}

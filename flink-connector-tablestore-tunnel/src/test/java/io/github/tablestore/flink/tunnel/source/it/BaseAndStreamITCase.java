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
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A BaseAndStream tunnel with writes while the full scan runs: every row of the scan arrives once,
 * then every change made after the tunnel was created, in order per key.
 */
class BaseAndStreamITCase {
    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().readLimits(10).build();

    private static final String TABLE = "orders";
    private static final int KEYS = 200;

    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = IT.emulator();
        TestTables.create(emulator, TABLE, 3);
        TestTables.putRange(emulator, TABLE, 0, KEYS, "v0");
    }

    @Test
    void fullDataThenEveryLaterChangeInOrder() throws Exception {
        StreamExecutionEnvironment env = ItSupport.env(2, 0, new Configuration());
        TunnelSource<String> source =
                TestSources.builder(
                                emulator,
                                TABLE,
                                "full-and-changes",
                                TunnelType.BASE_AND_STREAM,
                                new KeyValueSchema())
                        .build();
        List<String> got = new ArrayList<>();
        try (CloseableIterator<String> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                        .executeAndCollect()) {
            got.add(it.next()); // the tunnel exists and the scan has begun
            for (int round = 1; round <= 3; round++) {
                TestTables.putRange(emulator, TABLE, 0, KEYS, "v" + round);
            }
            for (long k = 0; k < 10; k++) {
                TestTables.delete(emulator, TABLE, k);
            }
            ItSupport.take(
                    it,
                    got,
                    lines -> {
                        Map<Long, List<String>> h = ItSupport.historyByKey(lines);
                        for (long k = 0; k < KEYS; k++) {
                            List<String> values = h.get(k);
                            String last = k < 10 ? "DELETE" : "v3";
                            if (values == null
                                    || !values.get(values.size() - 1).equals(last)
                                    || ItSupport.streamHistoryByKey(lines)
                                                    .getOrDefault(k, List.of())
                                                    .size()
                                            < (k < 10 ? 4 : 3)) {
                                return false;
                            }
                        }
                        return true;
                    });
        }
        // The scan: each key at most once (deleted ones may be gone already), live ones exactly
        // once.
        Map<Long, List<String>> base =
                ItSupport.historyByKey(
                        got.stream()
                                .filter(l -> KeyValueSchema.channel(l).startsWith("BaseData_"))
                                .collect(java.util.stream.Collectors.toList()));
        for (long k = 0; k < KEYS; k++) {
            assertThat(base.getOrDefault(k, List.of())).hasSizeBetween(k < 10 ? 0 : 1, 1);
        }
        // The changes: exactly those made after the tunnel was created, in order, once.
        Map<Long, List<String>> stream = ItSupport.streamHistoryByKey(got);
        for (long k = 0; k < KEYS; k++) {
            List<String> expected =
                    k < 10 ? List.of("v1", "v2", "v3", "DELETE") : List.of("v1", "v2", "v3");
            assertThat(stream.get(k)).as("changes of key %d", k).isEqualTo(expected);
        }
        // The scan of a key comes before its changes.
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (String line : got) {
            long k = KeyValueSchema.id(line);
            if (seen.add(k) && k >= 10) {
                assertThat(KeyValueSchema.channel(line))
                        .as("first record of key %d", k)
                        .startsWith("BaseData_");
            }
        }
    }
}

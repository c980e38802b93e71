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
import io.github.tablestore.flink.tunnel.emulator.PartitionInfo;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.tunnel.ChannelView;
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

/** Partitions split and merge while the job reads: every key's changes arrive once, in order. */
class SplitAndMergeITCase {
    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().readLimits(10).build();

    private static final String TABLE = "orders";
    private static final int KEYS = 100;

    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = IT.emulator();
        TestTables.create(emulator, TABLE, 2);
    }

    private static boolean allHave(List<String> lines, String value) {
        Map<Long, List<String>> h = ItSupport.historyByKey(lines);
        for (long k = 0; k < KEYS; k++) {
            List<String> values = h.get(k);
            if (values == null || !values.contains(value)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void childrenAreReadAfterTheirParents() throws Exception {
        StreamExecutionEnvironment env = ItSupport.env(2, 0, new Configuration());
        TunnelSource<String> source =
                TestSources.builder(
                                emulator, TABLE, "changes", TunnelType.STREAM, new KeyValueSchema())
                        .build();
        List<String> got = new ArrayList<>();
        try (CloseableIterator<String> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                        .executeAndCollect()) {
            ItSupport.waitFor(
                    () ->
                            !emulator.tunnels().isEmpty()
                                    && emulator.tunnels().get(0).clients().size() == 1,
                    "the job's tunnel session");
            // All at once, so the job meets parents with unread records and children with
            // records already waiting: only the ordering rule keeps each key's changes in order.
            TestTables.putRange(emulator, TABLE, 0, KEYS, "r1");
            String parent = emulator.partitions(TABLE).get(0).id();
            List<PartitionInfo> children = emulator.splitPartition(TABLE, parent);
            TestTables.putRange(emulator, TABLE, 0, KEYS, "r2");
            PartitionInfo merged =
                    emulator.mergePartitions(TABLE, children.get(0).id(), children.get(1).id());
            TestTables.putRange(emulator, TABLE, 0, KEYS, "r3");
            ItSupport.take(it, got, lines -> allHave(lines, "r3") && lines.size() >= 3 * KEYS);

            assertThat(channel(parent).status().toString()).isEqualTo("TERMINATED");
            for (PartitionInfo child : children) {
                assertThat(channel(child.id()).status().toString()).isEqualTo("TERMINATED");
            }
            assertThat(channel(merged.id()).status().toString()).isEqualTo("OPEN");
        }
        Map<Long, List<String>> history = ItSupport.historyByKey(got);
        for (long k = 0; k < KEYS; k++) {
            assertThat(history.get(k)).as("changes of key %d", k).containsExactly("r1", "r2", "r3");
        }
    }

    private ChannelView channel(String id) {
        return emulator.tunnels().get(0).channel(id);
    }
}

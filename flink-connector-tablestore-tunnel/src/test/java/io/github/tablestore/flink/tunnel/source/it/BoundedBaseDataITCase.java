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
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A BaseData tunnel is bounded: the job reads every row once and finishes, also with idle readers. */
class BoundedBaseDataITCase {
    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().readLimits(10).build();

    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = IT.emulator();
        TestTables.create(emulator, "orders", 2);
        TestTables.putRange(emulator, "orders", 0, 100, "base");
    }

    @Test
    void readsTheFullTableOnceAndFinishesWithMoreReadersThanChannels() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(3);
        env.enableCheckpointing(100);
        TunnelSource<String> source =
                TestSources.builder(
                                emulator,
                                "orders",
                                "full",
                                TunnelType.BASE_DATA,
                                new KeyValueSchema())
                        .build();
        List<String> out =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                        .executeAndCollect(1000);
        assertThat(out.stream().map(KeyValueSchema::id).sorted().collect(Collectors.toList()))
                .isEqualTo(LongStream.range(0, 100).boxed().collect(Collectors.toList()));
        assertThat(emulator.tunnels().get(0).channels())
                .allSatisfy(c -> assertThat(c.status().toString()).isEqualTo("TERMINATED"));
    }

    @Test
    void finishesWithoutCheckpointing() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        TunnelSource<String> source =
                TestSources.builder(
                                emulator,
                                "orders",
                                "full",
                                TunnelType.BASE_DATA,
                                new KeyValueSchema())
                        .build();
        List<String> out =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                        .executeAndCollect(1000);
        assertThat(out).hasSize(100);
    }
}

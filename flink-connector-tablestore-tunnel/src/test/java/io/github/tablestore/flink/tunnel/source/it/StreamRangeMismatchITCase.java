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

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DataStream job whose Stream tunnel exists with another start or end than the source is
 * configured for fails when its enumerator resolves the tunnel, saying what differs and what to
 * do; with the same start it reads the tunnel.
 */
class StreamRangeMismatchITCase {
    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().readLimits(10).build();

    private static final String TABLE = "orders";

    private TablestoreEmulator emulator;

    @BeforeEach
    void setUp() {
        emulator = IT.emulator();
        TestTables.create(emulator, TABLE, 1);
        try (TunnelClient client = emulator.client()) {
            client.createTunnel(
                    CreateTunnelRequest.builder(TABLE, "t", TunnelType.STREAM)
                            .streamStart(CreateTunnelRequest.StreamStart.EARLIEST)
                            .build());
        }
    }

    @Test
    void anotherStartFailsTheJobNamingWhatDiffers() throws Exception {
        StreamExecutionEnvironment env = ItSupport.env(1, 0, new Configuration());
        TunnelSource<String> source =
                TestSources.builder(emulator, TABLE, "t", TunnelType.STREAM, new KeyValueSchema())
                        .setStreamStartLatest()
                        .build();
        Throwable failure = null;
        try (CloseableIterator<String> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                        .executeAndCollect()) {
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
                                        .hasMessageContaining(
                                                "tunnel 't' of table 'orders' (instance")
                                        .hasMessageContaining(
                                                "exists with stream start EARLIEST and no end, "
                                                        + "but the source is configured for "
                                                        + "start LATEST and no end")
                                        .hasMessageContaining("Use a different tunnel name"));
    }

    @Test
    void theSameStartReadsTheTunnel() throws Exception {
        TestTables.putRange(emulator, TABLE, 0, 3, "v1");
        StreamExecutionEnvironment env = ItSupport.env(1, 0, new Configuration());
        TunnelSource<String> source =
                TestSources.builder(emulator, TABLE, "t", TunnelType.STREAM, new KeyValueSchema())
                        .setStreamStartEarliest()
                        .build();
        List<String> got = new ArrayList<>();
        try (CloseableIterator<String> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                        .executeAndCollect()) {
            ItSupport.take(it, got, lines -> lines.size() == 3);
        }
        assertThat(got).hasSize(3);
    }
}

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
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.tunnel.ChannelView;
import io.github.tablestore.flink.tunnel.emulator.tunnel.TunnelView;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;
import io.github.tablestore.flink.tunnel.source.testing.OtherTunnelClient;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-driven rebalancing: while the job reads a stream tunnel, a second client connects to the
 * same tunnel (e.g. an upgraded job running side by side). The service moves half the channels to
 * it; the job hands them back at its positions, which the other client starts from; when the
 * other client leaves, the job takes the channels back and reads them from its own positions.
 * The job's output is every change exactly once, in order per key.
 */
class RebalanceITCase {
    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder()
                    .taskManagers(1, 2)
                    .reportingTo(REPORTER)
                    .readLimits(20)
                    .build();

    private static final String TABLE = "orders";
    private static final int KEYS = 200;

    private static long count(List<String> lines, String value) {
        return lines.stream().filter(l -> KeyValueSchema.value(l).equals(value)).count();
    }

    private static long sumOf(JobID job, String suffix) {
        return JobMetrics.sum(REPORTER, job, suffix);
    }

    @Test
    void channelsMovedToAnotherClientComeBackAtTheJobsPositionsAndNothingIsLostOrRepeated()
            throws Exception {
        TablestoreEmulator emulator = IT.emulator();
        TestTables.create(emulator, TABLE, 4);
        StreamExecutionEnvironment env = ItSupport.env(2, 0, new Configuration());
        TunnelSource<String> source =
                TestSources.builder(emulator, TABLE, "t", TunnelType.STREAM, new KeyValueSchema())
                        .build();
        CollectingSink sink = new CollectingSink();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel").sinkTo(sink);
        JobClient job = env.executeAsync("rebalance");
        List<String> out = sink.records();
        try (TunnelClient admin = source.config().clientFactory().createClient()) {
            ItSupport.waitFor(
                    () ->
                            !emulator.tunnels().isEmpty()
                                    && emulator.tunnels().get(0).channels().stream()
                                                    .filter(c -> c.owner() != null)
                                                    .count()
                                            == 4,
                    "the job holding every channel");
            TunnelView tunnel = emulator.tunnels().get(0);
            String jobClient = tunnel.clients().get(0).clientId();
            TestTables.putRange(emulator, TABLE, 0, KEYS, "v1");
            ItSupport.waitFor(() -> count(out, "v1") == KEYS, "v1");

            // Another client joins: the service moves two channels to it.
            List<String> moved;
            try (OtherTunnelClient other = new OtherTunnelClient(admin, tunnel.tunnelId())) {
                ItSupport.waitFor(
                        () -> other.openChannels().size() == 2,
                        "two channels moved to the other client");
                moved = other.openChannels();
                TunnelView now = emulator.tunnel(tunnel.tunnelId());
                assertThat(now.channels())
                        .filteredOn(c -> !moved.contains(c.channelId()))
                        .extracting(ChannelView::owner)
                        .containsOnly(jobClient);
                // The job stored its positions before letting go: the other client starts after v1.
                TestTables.putRange(emulator, TABLE, 0, KEYS, "v2");
                long v2OfMoved = moved.stream().mapToLong(c -> keysOf(c, out)).sum();
                ItSupport.waitFor(
                        () ->
                                other.records().size() == v2OfMoved
                                        && count(out, "v2") == KEYS - v2OfMoved,
                        "v2 split between the job and the other client");
                assertThat(other.records()).allSatisfy(l -> assertThat(l).endsWith("|v2"));
                assertThat(out)
                        .noneMatch(
                                l ->
                                        KeyValueSchema.value(l).equals("v2")
                                                && moved.contains(KeyValueSchema.channel(l)));
            }
            // The other client leaves: the job takes the channels back, from its own positions.
            ItSupport.waitFor(() -> count(out, "v2") == KEYS, "v2 of the returned channels");
            TestTables.putRange(emulator, TABLE, 0, KEYS, "v3");
            ItSupport.waitFor(() -> count(out, "v3") == KEYS, "v3");
            assertThat(emulator.tunnel(tunnel.tunnelId()).channels())
                    .extracting(ChannelView::owner)
                    .containsOnly(jobClient);
            assertThat(sumOf(job.getJobID(), "tunnel.channelHandBacks")).isEqualTo(2);
            assertThat(sumOf(job.getJobID(), "tunnel.handedBackChannels")).isEqualTo(2);
        } finally {
            job.cancel().get();
        }
        Map<Long, List<String>> history = ItSupport.historyByKey(out);
        assertThat(history).hasSize(KEYS);
        for (long k = 0; k < KEYS; k++) {
            assertThat(history.get(k)).as("changes of key %d", k).containsExactly("v1", "v2", "v3");
        }
    }

    /**
     * How many keys route to a channel: every key changes once per round and always routes to the
     * same channel, so the v1 round the job read tells.
     */
    private static long keysOf(String channel, List<String> jobOutput) {
        return jobOutput.stream()
                .filter(
                        l ->
                                KeyValueSchema.value(l).equals("v1")
                                        && KeyValueSchema.channel(l).equals(channel))
                .count();
    }
}

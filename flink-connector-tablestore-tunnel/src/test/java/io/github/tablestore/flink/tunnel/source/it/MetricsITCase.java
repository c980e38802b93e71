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

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source's metrics in a running job, read from a metric reporter: Flink's standard source
 * metrics, the per-channel ones, the enumerator's and the commit counters are registered and
 * follow what happens.
 */
class MetricsITCase {
    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder()
                    .taskManagers(1, 2)
                    .reportingTo(REPORTER)
                    .readLimits(10)
                    .build();

    private static final String TABLE = "orders";
    private static final int KEYS = 100;

    private static List<Long> values(JobID job, String suffix) {
        return JobMetrics.values(REPORTER, job, suffix);
    }

    private static long sum(JobID job, String suffix) {
        return JobMetrics.sum(REPORTER, job, suffix);
    }

    @Test
    void metricsAreRegisteredAndFollowTheJob() throws Exception {
        TablestoreEmulator emulator = IT.emulator();
        TestTables.create(emulator, TABLE, 2);
        StreamExecutionEnvironment env = ItSupport.env(2, 0, new Configuration());
        TunnelSource<String> source =
                TestSources.builder(emulator, TABLE, "t", TunnelType.STREAM, new KeyValueSchema())
                        .build();
        CollectingSink sink = new CollectingSink();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel").sinkTo(sink);
        JobClient job = env.executeAsync("metrics");
        JobID id = job.getJobID();
        try {
            ItSupport.waitFor(
                    () -> sum(id, "enumerator.tunnel.assignedChannels") == 2,
                    "both channels assigned");
            assertThat(sum(id, "enumerator.tunnel.pendingChannels")).isZero();
            assertThat(sum(id, "enumerator.tunnel.sessions")).isEqualTo(1);
            assertThat(sum(id, "enumerator.tunnel.reconnects")).isZero();
            long heartbeats = sum(id, "enumerator.tunnel.heartbeatsSucceeded");
            assertThat(heartbeats).isPositive();
            ItSupport.waitFor(
                    () -> sum(id, "enumerator.tunnel.heartbeatsSucceeded") > heartbeats,
                    "more heartbeats");
            assertThat(sum(id, "enumerator.tunnel.heartbeatsFailed")).isZero();

            long before = System.currentTimeMillis();
            TestTables.putRange(emulator, TABLE, 0, KEYS, "v1");
            ItSupport.waitFor(() -> sink.records().size() == KEYS, "every record");

            // Flink's standard source metrics (numRecordsIn counts records, not batches).
            ItSupport.waitFor(
                    () ->
                            sum(id, "Source: tunnel.0.numRecordsIn")
                                            + sum(id, "Source: tunnel.1.numRecordsIn")
                                    == KEYS,
                    "numRecordsIn");
            assertThat(values(id, ".numBytesIn")).anySatisfy(v -> assertThat(v).isPositive());
            assertThat(values(id, ".currentFetchEventTimeLag"))
                    .hasSize(2)
                    .allSatisfy(v -> assertThat(v).isNotNegative());
            assertThat(values(id, ".currentEmitEventTimeLag")).hasSize(2);
            assertThat(values(id, ".sourceIdleTime")).hasSize(2);
            ItSupport.waitFor(
                    () -> values(id, ".sourceIdleTime").stream().allMatch(v -> v > 0),
                    "idle readers");

            // Per channel: records, position, lag (caught up), not finished.
            assertThat(sum(id, ".recordsRead")).isEqualTo(KEYS);
            assertThat(values(id, ".positionTimestamp"))
                    .hasSize(2)
                    .allSatisfy(ts -> assertThat(ts).isBetween(before, System.currentTimeMillis()));
            assertThat(values(id, ".lagMillis")).containsExactly(0L, 0L);
            assertThat(values(id, ".tunnel.channel.shard-0.finished")).containsExactly(0L);

            // Positions are stored in the tunnel as checkpoints complete.
            ItSupport.waitFor(() -> sum(id, "tunnel.commitsSucceeded") >= 2, "commits");
            assertThat(sum(id, "tunnel.commitsFailed")).isZero();

            // The tunnel's recovery points from DescribeTunnel (stored positions), per heartbeat.
            ItSupport.waitFor(
                    () ->
                            values(id, "enumerator.tunnel.channel.shard-0.rpoTimestamp").stream()
                                            .allMatch(ts -> ts >= before)
                                    && values(id, "enumerator.tunnel.channel.shard-1.rpoTimestamp")
                                            .stream()
                                            .allMatch(ts -> ts >= before)
                                    && values(id, "enumerator.tunnel.rpoTimestamp").stream()
                                            .allMatch(ts -> ts >= before),
                    "recovery points after the writes");
            long now = System.currentTimeMillis();
            assertThat(values(id, "enumerator.tunnel.rpoTimestamp"))
                    .singleElement()
                    .satisfies(ts -> assertThat(ts).isBetween(before, now));
            assertThat(values(id, "enumerator.tunnel.rpoLagMillis"))
                    .singleElement()
                    .satisfies(lag -> assertThat(lag).isNotNegative());
            assertThat(values(id, "enumerator.tunnel.channel.shard-0.rpoLagMillis"))
                    .singleElement()
                    .satisfies(lag -> assertThat(lag).isNotNegative());
            assertThat(values(id, "enumerator.tunnel.channel.shard-1.rpoLagMillis"))
                    .singleElement()
                    .satisfies(lag -> assertThat(lag).isNotNegative());
        } finally {
            job.cancel().get();
        }
    }
}

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

import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.emulator.PartitionInfo;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.testing.FaultInjectingClientFactory;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BATCH runtime mode on a cluster with a single slot: subtasks run one after the other, there are
 * no checkpoints, and a failed reader's output is produced again from scratch.
 */
class BatchModeITCase {
    /** One slot: with parallelism 2 the two readers cannot run at the same time. */
    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().taskManagers(1, 1).readLimits(10).build();

    private static final String TABLE = "orders";
    private static final Duration JOB_DEADLINE = Duration.ofSeconds(60);

    /** Opened once every row of the small channel went through the job. */
    private static final CountDownLatch SMALL_CHANNEL_DONE = new CountDownLatch(1);

    private static final Set<Long> SEEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = IT.emulator();
    }

    private static StreamExecutionEnvironment batchEnv(int parallelism, int restarts) {
        StreamExecutionEnvironment env =
                ItSupport.uncheckpointedEnv(parallelism, restarts, new Configuration());
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        return env;
    }

    private static void finish(JobClient job) throws Exception {
        try {
            job.getJobExecutionResult().get(JOB_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            job.cancel();
            throw new AssertionError("The batch job did not finish within " + JOB_DEADLINE, e);
        }
    }

    private static List<Long> sortedIds(List<String> lines) {
        return lines.stream().map(KeyValueSchema::id).sorted().collect(Collectors.toList());
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().collect(Collectors.toList());
    }

    @Test
    void aBatchJobWithFewerSlotsThanReadersFinishes() throws Exception {
        TestTables.create(emulator, TABLE, 2);
        TestTables.putRange(emulator, TABLE, 0, 100, "base");
        CollectingSink sink = new CollectingSink();
        TunnelSource<String> source =
                TestSources.builder(
                                emulator, TABLE, "full", TunnelType.BASE_DATA, new KeyValueSchema())
                        .build();
        StreamExecutionEnvironment env = batchEnv(2, 0);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel").sinkTo(sink);

        finish(env.executeAsync("batch with one slot"));

        assertThat(sortedIds(sink.records())).isEqualTo(range(0, 100));
    }

    /** Fails its task once, at the first row of the big channel; opens its reads when the small one is through. */
    private static final class FailOnTheBigChannel implements MapFunction<String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map(String line) {
            long id = KeyValueSchema.id(line);
            if (id < 3) {
                SEEN.add(id);
                if (SEEN.size() == 3) {
                    SMALL_CHANNEL_DONE.countDown();
                }
            } else if (FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("Injected task failure");
            }
            return line;
        }
    }

    @Test
    void aBatchFailoverReadsAFailedReadersFinishedChannelsAgain() throws Exception {
        // Two base channels: ids 0..2 (finishes with its first batch) and 3..103. The reader
        // finishes the small one and reports it, then fails at the first row of the big one.
        // Its output is lost with it (the next stage reads it only once the source finished),
        // so both channels must be read again, the finished one included.
        emulator.createTable(
                TableSpec.builder(TABLE)
                        .primaryKey("id", PrimaryKeyType.INTEGER)
                        .splitPoints(List.of(ColumnValue.ofLong(3)))
                        .stream(24, List.of())
                        .build());
        TestTables.putRange(emulator, TABLE, 0, 104, "base");
        List<PartitionInfo> partitions = emulator.partitions(TABLE);
        assertThat(partitions).hasSize(2);
        String big = "BaseData_" + partitions.get(1).id();
        FaultInjectingClientFactory[] faults = new FaultInjectingClientFactory[1];
        TunnelSource<String> source =
                TestSources.builder(
                                emulator,
                                TABLE,
                                "full",
                                TunnelType.BASE_DATA,
                                new KeyValueSchema(),
                                Duration.ofMillis(200),
                                f -> faults[0] = new FaultInjectingClientFactory(f))
                        .build();
        // The big channel's reads wait until the small channel went through, so its rows come in
        // a later batch than the small channel's finish.
        faults[0].hooks().blockedReads.put(big, SMALL_CHANNEL_DONE);
        CollectingSink sink = new CollectingSink();
        StreamExecutionEnvironment env = batchEnv(1, 1);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                .map(new FailOnTheBigChannel())
                .rebalance() // a blocking exchange: the sink reads only what a finished source
                // produced
                .sinkTo(sink);

        finish(env.executeAsync("batch with a failover"));

        assertThat(FAILED).isTrue();
        assertThat(sortedIds(sink.records())).isEqualTo(range(0, 104));
        // Batch mode leaves the tunnel's progress alone: a failover could still need the channels.
        assertThat(emulator.tunnels().get(0).channels())
                .allSatisfy(c -> assertThat(c.status()).isNotEqualTo(ChannelStatus.TERMINATED))
                .allSatisfy(c -> assertThat(c.checkpoint()).isNotEqualTo("finished"));
    }
}

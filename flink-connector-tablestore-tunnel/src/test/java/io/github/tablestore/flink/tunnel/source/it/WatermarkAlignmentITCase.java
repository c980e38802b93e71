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
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.testing.FaultInjectingClientFactory;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watermark alignment across the channels of one reader: a fast and a slow channel with the same
 * event times (the change time, one second apart, 5 records per read). The slow channel's reads
 * take ten times longer (after a quick first one, so both channels have a watermark early). With
 * an aligned watermark strategy the reader pauses the fast channel whenever it runs more than the
 * allowed drift ahead, so its output leads the slow one by at most the drift plus the batches
 * read while the pause took effect; without alignment it runs far ahead.
 */
class WatermarkAlignmentITCase {
    private static final Logger LOG = LoggerFactory.getLogger(WatermarkAlignmentITCase.class);

    /** A fresh emulator for every test; 5 records per read. */
    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().readLimits(5).build();

    private static final String TABLE = "events";
    private static final int RECORDS = 50;
    private static final Duration DRIFT = Duration.ofSeconds(10);

    /** Below this the alignment held; the unaligned run must exceed it. */
    private static final long BOUND_MS = 25_000;

    private TablestoreEmulator emulator;
    private String fast;
    private String slow;

    @BeforeEach
    void writeTwoChannelsWithTheSameEventTimes() {
        emulator = IT.emulator();
        TestTables.create(emulator, TABLE, 1);
        fast = emulator.partitions(TABLE).get(0).id(); // the table's own partition
        slow = emulator.addPartition(TABLE).id();
        for (int i = 0; i < RECORDS; i++) {
            emulator.advanceClock(Duration.ofSeconds(1)); // change times one second apart
            emulator.putRow(TABLE, row(i));
            emulator.writeToPartition(TABLE, slow, List.of(row(RECORDS + i)));
        }
    }

    private static Row row(long id) {
        return Row.of(TestTables.key(id), List.of(Cell.put("v", ColumnValue.ofString("x"))));
    }

    /** Appends each record's timestamp (the watermark strategy's event time). */
    private static final class WithTimestamp extends ProcessFunction<String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value + "|" + ctx.timestamp());
        }
    }

    /** Runs the job until both channels are read; returns the largest lead of the fast channel (ms). */
    private long maxLeadOfTheFastChannel(WatermarkStrategy<String> strategy) throws Exception {
        StreamExecutionEnvironment env = ItSupport.env(1, 0, new Configuration());
        env.getConfig().setAutoWatermarkInterval(50);
        String slowChannel = slow;
        String fastChannel = fast;
        TunnelSource<String> source =
                TestSources.builder(
                                emulator,
                                TABLE,
                                "aligned",
                                TunnelType.STREAM,
                                new KeyValueSchema(),
                                Duration.ofMillis(200),
                                f -> {
                                    FaultInjectingClientFactory latency =
                                            new FaultInjectingClientFactory(f);
                                    latency.hooks().readLatencyMillis =
                                            (channel, nth) ->
                                                    channel.equals(slowChannel)
                                                            ? (nth == 1 ? 0 : 600)
                                                            : channel.equals(fastChannel) ? 60 : 0;
                                    return latency;
                                })
                        .setStreamStartEarliest()
                        .build();
        CollectingSink sink = new CollectingSink();
        env.fromSource(source, strategy, "tunnel").process(new WithTimestamp()).sinkTo(sink);
        JobClient job = env.executeAsync("alignment");
        try {
            ItSupport.waitFor(() -> sink.records().size() >= 2 * RECORDS, "both channels");
        } finally {
            job.cancel().get();
        }
        List<String> lines = sink.records();
        assertThat(lines).hasSize(2 * RECORDS);
        long slowProgress = Long.MIN_VALUE;
        long firstTimestamp = Long.MAX_VALUE;
        for (String line : lines) {
            firstTimestamp = Math.min(firstTimestamp, timestamp(line));
        }
        long maxLead = Long.MIN_VALUE;
        for (String line : lines) {
            long ts = timestamp(line);
            if (KeyValueSchema.channel(line).equals(slow)) {
                slowProgress = Math.max(slowProgress, ts);
            } else {
                long behind = slowProgress == Long.MIN_VALUE ? firstTimestamp : slowProgress;
                maxLead = Math.max(maxLead, ts - behind);
            }
        }
        LOG.info("Largest lead of the fast channel over the slow one: {} ms", maxLead);
        return maxLead;
    }

    private static long timestamp(String line) {
        return Long.parseLong(line.substring(line.lastIndexOf('|') + 1));
    }

    @Test
    void anAlignedStrategyHoldsTheFastChannelNearTheSlowOne() throws Exception {
        long lead =
                maxLeadOfTheFastChannel(
                        WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ZERO)
                                .withWatermarkAlignment("tunnel", DRIFT, Duration.ofMillis(50)));
        // Drift, plus the batches (5 s each) read before a pause took effect.
        assertThat(lead).isLessThan(BOUND_MS);
    }

    @Test
    void withoutAlignmentTheFastChannelRunsAhead() throws Exception {
        long lead =
                maxLeadOfTheFastChannel(WatermarkStrategy.forBoundedOutOfOrderness(Duration.ZERO));
        assertThat(lead).isGreaterThan(BOUND_MS);
    }
}

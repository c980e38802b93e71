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

package io.github.tablestore.flink.tunnel.benchmarks.memory;

import io.github.tablestore.flink.tunnel.benchmarks.BenchSettings;
import io.github.tablestore.flink.tunnel.benchmarks.emulator.EmulatorProcess;
import io.github.tablestore.flink.tunnel.benchmarks.flink.LocalJobs;
import io.github.tablestore.flink.tunnel.benchmarks.flink.Probe;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.TunnelSource;

import org.apache.flink.core.execution.JobClient;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Part 3: reader memory under backpressure. A BaseData tunnel over a table with many partitions
 * (one channel each) is read by TunnelSource (parallelism 1) into a sink that pauses after every
 * record, so the reader is throttled by its consumer for the whole run. Every two seconds the
 * driver's live heap is measured (used heap right after a full GC); the job runs in the driver
 * JVM, the emulator does not.
 */
public final class MemoryBenchmark {
    public static final String TABLE = "wide";
    private static final long SAMPLE_MILLIS = 2_000;

    private final BenchSettings settings;
    private final EmulatorProcess emulator;

    public MemoryBenchmark(BenchSettings settings, EmulatorProcess emulator) {
        this.settings = settings;
        this.emulator = emulator;
    }

    /** One run's live-heap samples. */
    public static final class Result {
        public final int maxParallelChannels;
        public final long baselineBytes;
        public final List<long[]> samples =
                new ArrayList<>(); // {millis since start, live bytes, records}
        public long tableRecordBytes;

        Result(int maxParallelChannels, long baselineBytes) {
            this.maxParallelChannels = maxParallelChannels;
            this.baselineBytes = baselineBytes;
        }

        public long maxLiveBytes() {
            long max = 0;
            for (long[] s : samples) {
                max = Math.max(max, s[1]);
            }
            return max;
        }

        /** Largest live heap in the first and the second half of the run. */
        public long[] maxByHalf() {
            long[] out = new long[2];
            int half = samples.size() / 2;
            for (int i = 0; i < samples.size(); i++) {
                out[i < half ? 0 : 1] = Math.max(out[i < half ? 0 : 1], samples.get(i)[1]);
            }
            return out;
        }

        public long records() {
            return samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[2];
        }
    }

    /** Runs once per setting of {@code tunnel.read.max-parallel-channels}. */
    public List<Result> run(int... maxParallelChannels) throws Exception {
        List<Result> out = new ArrayList<>();
        for (int parallel : maxParallelChannels) {
            out.add(runOnce(parallel));
        }
        return out;
    }

    private Result runOnce(int maxParallel) throws Exception {
        String tunnel = "memory-" + maxParallel;
        try (TunnelClient client = emulator.client()) {
            client.createTunnel(
                    CreateTunnelRequest.builder(TABLE, tunnel, TunnelType.BASE_DATA).build());
        }
        progress(
                settings.memoryChannels
                        + " channels, max-parallel-channels "
                        + maxParallel
                        + ", sink pause "
                        + settings.memorySinkDelayMicros
                        + " µs/record, "
                        + settings.memorySeconds
                        + " s");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Result result = new Result(maxParallel, settledHeap(memory));
        String runId = "memory-" + maxParallel;
        Probe probe = Probe.create(runId);
        TunnelSource<TunnelRecord> source =
                LocalJobs.source(emulator, TABLE, tunnel, TunnelType.BASE_DATA)
                        .setMaxParallelChannels(maxParallel)
                        .build();
        JobClient job = LocalJobs.start(source, 1, runId, settings.memorySinkDelayMicros);
        try {
            // Sample from the first record on: the job's start-up is not what is measured.
            LocalJobs.awaitRecords(
                    probe, 1, java.time.Duration.ofMinutes(3), "TunnelSource (memory)");
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(settings.memorySeconds);
            while (System.nanoTime() < end) {
                Thread.sleep(SAMPLE_MILLIS); // a sampler: one live-heap reading per period
                long live = liveHeap(memory);
                result.samples.add(
                        new long[] {
                            (System.nanoTime() - start) / 1_000_000, live, probe.records()
                        });
            }
        } finally {
            LocalJobs.cancel(job);
            Probe.remove(runId);
        }
        return result;
    }

    /**
     * The live heap once the previous part's jobs are torn down (their clusters stop in the
     * background): collected until two readings a second apart agree within 2 MB (at most 15 s).
     */
    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        long previous = liveHeap(memory);
        for (int i = 0; i < 15; i++) {
            Thread.sleep(1_000); // readings a second apart: settled means stable over time
            long now = liveHeap(memory);
            if (Math.abs(now - previous) < 2L * 1024 * 1024) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    /** Heap in use right after a full collection: what is actually retained. */
    private static long liveHeap(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void progress(String what) {
        System.err.println("[memory] " + what);
    }
}

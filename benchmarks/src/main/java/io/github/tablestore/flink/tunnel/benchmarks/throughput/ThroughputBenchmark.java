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

package io.github.tablestore.flink.tunnel.benchmarks.throughput;

import io.github.tablestore.flink.tunnel.benchmarks.BenchSettings;
import io.github.tablestore.flink.tunnel.benchmarks.emulator.EmulatorProcess;
import io.github.tablestore.flink.tunnel.benchmarks.flink.LocalJobs;
import io.github.tablestore.flink.tunnel.benchmarks.flink.Probe;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.StreamRecordOptions;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.TunnelSourceBuilder;

import org.apache.flink.core.execution.JobClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Part 1: every contender reads the same table twice, as a base-data scan (a BaseData tunnel)
 * and as a stream backlog (a Stream tunnel from the oldest change: one change per row), each
 * through its own, fresh tunnel, one contender at a time.
 */
public final class ThroughputBenchmark {
    public static final String TABLE = "orders";

    /** A smaller table every contender reads once before the measured runs (JIT warm-up). */
    public static final String WARMUP_TABLE = "warmup";

    private static final int[] RAW_THREADS = {1, 2, 8};
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final BenchSettings settings;
    private final EmulatorProcess emulator;
    private final List<SqlContender> sqlContenders;
    private final Plan plan;

    /** A TunnelSource run: its parallelism and max-parallel-channels (0: the default). */
    public static final class SourceRun {
        final int parallelism;
        final int maxParallelChannels;

        public SourceRun(int parallelism, int maxParallelChannels) {
            this.parallelism = parallelism;
            this.maxParallelChannels = maxParallelChannels;
        }

        String name() {
            return "TunnelSource p="
                    + parallelism
                    + (maxParallelChannels > 0
                            ? ", max-parallel-channels " + maxParallelChannels
                            : "");
        }
    }

    /** Which contenders run, on how many rows. */
    public static final class Plan {
        final long rows;
        final int[] rawThreads;
        final boolean rawDecode;
        final boolean sdk;
        final List<SourceRun> sources;
        final boolean sql;

        public Plan(
                long rows,
                int[] rawThreads,
                boolean rawDecode,
                boolean sdk,
                List<SourceRun> sources,
                boolean sql) {
            this.rows = rows;
            this.rawThreads = rawThreads.clone();
            this.rawDecode = rawDecode;
            this.sdk = sdk;
            this.sources = List.copyOf(sources);
            this.sql = sql;
        }

        /**
         * The read-latency part: how far read concurrency hides a slow answer — the raw loop on 1
         * and 8 threads, the SDK, and TunnelSource reading 1 or (the default) 8 channels at a time.
         */
        public static Plan readLatency(BenchSettings settings) {
            return new Plan(
                    settings.readLatencyRows,
                    new int[] {1, 8},
                    false,
                    true,
                    List.of(new SourceRun(1, 1), new SourceRun(1, 0)),
                    false);
        }

        /** The throughput part: the contenders {@code bench.contenders} names. */
        public static Plan of(BenchSettings settings) {
            List<SourceRun> sources = new ArrayList<>();
            if (settings.contenders.contains("source")) {
                for (int p : settings.sourceParallelism) {
                    sources.add(new SourceRun(p, 0));
                }
            }
            return new Plan(
                    settings.rows,
                    settings.contenders.contains("raw") ? RAW_THREADS : new int[0],
                    settings.contenders.contains("raw-decode"),
                    settings.contenders.contains("sdk"),
                    sources,
                    settings.contenders.contains("sql"));
        }
    }

    private int tunnelCount;
    private CpuMeter cpu;

    /** One data set's results, contender by contender (raw first). */
    public static final class DataSetResult {
        public final String dataSet;
        public final long recordBytes;
        public final List<Measurement> measurements = new ArrayList<>();

        /** The raw loop's rate at each concurrency tried. */
        public String rawRates = "";

        DataSetResult(String dataSet, long recordBytes) {
            this.dataSet = dataSet;
            this.recordBytes = recordBytes;
        }

        public Measurement of(String contender) {
            for (Measurement m : measurements) {
                if (m.contender.equals(contender)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** An SQL contender (added by the SQL layer): reads a tunnel of a type and reports its measurement. */
    public interface SqlContender {
        String name();

        /** The stream record options of the tunnel it reads (null: none). */
        default StreamRecordOptions streamRecordOptions() {
            return null;
        }

        /** Whether it reads tunnels of this type (e.g. one that differs only on streams). */
        default boolean reads(TunnelType type) {
            return true;
        }

        Measurement run(
                EmulatorProcess emulator,
                String table,
                String tunnel,
                TunnelType type,
                long expected)
                throws Exception;
    }

    public ThroughputBenchmark(
            BenchSettings settings, EmulatorProcess emulator, List<SqlContender> sqlContenders) {
        this(settings, emulator, sqlContenders, Plan.of(settings));
    }

    public ThroughputBenchmark(
            BenchSettings settings,
            EmulatorProcess emulator,
            List<SqlContender> sqlContenders,
            Plan plan) {
        this.settings = settings;
        this.emulator = emulator;
        this.sqlContenders = sqlContenders;
        this.plan = plan;
    }

    public List<DataSetResult> run() throws Exception {
        try (CpuMeter meter = new CpuMeter(emulator::cpuNanos)) {
            this.cpu = meter;
            return runAll();
        }
    }

    private List<DataSetResult> runAll() throws Exception {
        if (settings.warmupRows > 0) {
            // The emulator encodes a row's base-data record on its first scan and caches it, and
            // both JVMs compile their hot paths during the first reads: pay both before measuring.
            // Both data sets: a stream record takes branches a base-data one does not (sequence
            // info, change timestamps), and code compiled without them is recompiled — on the
            // clock of the first measured stream run — once they are taken.
            progress(
                    "warm-up: raw reads of the measured table, then every contender on a small table");
            try (TunnelClient client = emulator.client()) {
                RawReadLoop.run(client, newTunnel(TABLE, TunnelType.BASE_DATA).id, 2);
                RawReadLoop.run(client, newTunnel(TABLE, TunnelType.STREAM).id, 2);
            }
            runDataSet("warm-up", WARMUP_TABLE, settings.warmupRows, TunnelType.BASE_DATA);
            runDataSet("warm-up", WARMUP_TABLE, settings.warmupRows, TunnelType.STREAM);
        }
        List<DataSetResult> out = new ArrayList<>();
        out.add(runDataSet("base scan", TABLE, plan.rows, TunnelType.BASE_DATA));
        out.add(runDataSet("stream backlog", TABLE, plan.rows, TunnelType.STREAM));
        return out;
    }

    /**
     * Every contender reads the data set {@code bench.repeats} times, in turns (raw, SDK, sources,
     * SQL, then again), each time through a fresh tunnel; the best run of each counts. On a shared
     * machine interference only ever slows a run down, so the best run is the least disturbed one.
     */
    private DataSetResult runDataSet(String name, String table, long expected, TunnelType type)
            throws Exception {
        int repeats = table.equals(WARMUP_TABLE) ? 1 : settings.repeats;
        DataSetResult result = null;
        Map<String, Measurement> best = new LinkedHashMap<>();
        Map<String, StringBuilder> rawRates = new LinkedHashMap<>();
        for (int round = 1; round <= repeats; round++) {
            String of = repeats > 1 ? " (round " + round + " of " + repeats + ")" : "";
            // The serving rate depends on how many reads are in flight (2 cores shared by client
            // and server): the upper bound is the best of a few concurrencies.
            if (plan.rawThreads.length > 0) {
                for (int threads : plan.rawThreads) {
                    progress(name + ": raw ReadRecords loop, " + threads + " thread(s)" + of);
                    RawReadLoop.Result r;
                    try (TunnelClient client = emulator.client()) {
                        r = RawReadLoop.run(client, newTunnel(table, type).id, threads);
                    }
                    check(r.measurement, expected);
                    if (result == null) {
                        result = new DataSetResult(name, r.recordBytes);
                    }
                    rawRates.computeIfAbsent(threads + " thread(s)", k -> new StringBuilder())
                            .append(rawRates.get(threads + " thread(s)").length() == 0 ? "" : " / ")
                            .append(
                                    String.format(
                                            Locale.ROOT,
                                            "%,.0f",
                                            r.measurement.recordsPerSecond()));
                    keepBest(best, withCpu(r.measurement));
                }
            }
            if (plan.rawDecode) {
                // What a reader cannot avoid: the reads plus verified decoding, on as many threads
                // as there are cores.
                progress(name + ": raw ReadRecords loop + decoding, 2 thread(s)" + of);
                RawReadLoop.Result r;
                try (TunnelClient client = emulator.client()) {
                    r = RawReadLoop.run(client, newTunnel(table, type).id, 2, true);
                }
                check(r.measurement, expected);
                if (result == null) {
                    result = new DataSetResult(name, r.recordBytes);
                }
                keepBest(best, withCpu(r.measurement));
            }
            if (result == null) {
                result = new DataSetResult(name, 0);
            }

            if (plan.sdk) {
                progress(name + ": SDK TunnelWorker" + of);
                try (SdkWorkerRun sdk =
                        SdkWorkerRun.start(
                                emulator.sdkTunnelClient(), newTunnel(table, type).id, null)) {
                    keepBest(best, withCpu(sdk.awaitRecords(expected, TIMEOUT)));
                }
            }

            for (SourceRun run : plan.sources) {
                progress(name + ": " + run.name() + of);
                keepBest(best, withCpu(runSource(table, type, run, expected)));
            }
            if (plan.sql) {
                for (SqlContender sql : sqlContenders) {
                    if (!sql.reads(type)) {
                        continue;
                    }
                    progress(name + ": " + sql.name() + of);
                    String tunnel = newTunnel(table, type, sql.streamRecordOptions()).name;
                    Measurement m = sql.run(emulator, table, tunnel, type, expected);
                    check(m, expected);
                    keepBest(best, withCpu(m));
                }
            }
        }
        result.measurements.addAll(best.values());
        StringBuilder rates = new StringBuilder();
        for (Map.Entry<String, StringBuilder> e : rawRates.entrySet()) {
            rates.append(rates.length() == 0 ? "" : "; ")
                    .append(e.getKey())
                    .append(": ")
                    .append(e.getValue());
        }
        result.rawRates = rates.toString();
        return result;
    }

    private static void keepBest(Map<String, Measurement> best, Measurement m) {
        progress(
                String.format(
                        Locale.ROOT,
                        "  %s: %,.0f records/s, client CPU %.2f µs/record, server CPU %.2f µs/record",
                        m.contender,
                        m.recordsPerSecond(),
                        m.clientCpuMicrosPerRecord(),
                        m.serverCpuMicrosPerRecord()));
        best.merge(m.contender, m, (a, b) -> b.recordsPerSecond() > a.recordsPerSecond() ? b : a);
    }

    private Measurement runSource(String table, TunnelType type, SourceRun run, long expected)
            throws Exception {
        String tunnel = newTunnel(table, type).name;
        String runId = "source-p" + run.parallelism + "-" + tunnel;
        Probe probe = Probe.create(runId);
        TunnelSourceBuilder<TunnelRecord> builder = LocalJobs.source(emulator, table, tunnel, type);
        if (run.maxParallelChannels > 0) {
            builder.setMaxParallelChannels(run.maxParallelChannels);
        }
        TunnelSource<TunnelRecord> source = builder.build();
        long start = System.nanoTime();
        JobClient job = LocalJobs.start(source, run.parallelism, runId, 0);
        try {
            LocalJobs.awaitRecords(probe, expected, TIMEOUT, run.name());
        } finally {
            LocalJobs.cancel(job);
            Probe.remove(runId);
        }
        Measurement m =
                new Measurement(
                        run.name(), probe.records(), start, probe.firstNanos(), probe.lastNanos());
        check(m, expected);
        return m;
    }

    private Measurement withCpu(Measurement m) throws InterruptedException {
        cpu.awaitSampleAfter(m.lastNanos);
        double[] c = cpu.between(m.firstNanos, m.lastNanos);
        m.clientCpuNanos = c[0];
        m.serverCpuNanos = c[1];
        return m;
    }

    /** A tunnel created for one contender. */
    private static final class Tunnel {
        final String name;
        final String id;

        Tunnel(String name, String id) {
            this.name = name;
            this.id = id;
        }
    }

    /** Creates a fresh tunnel of the type; a Stream tunnel starts at the oldest change. */
    private Tunnel newTunnel(String table, TunnelType type) {
        return newTunnel(table, type, null);
    }

    private Tunnel newTunnel(String table, TunnelType type, StreamRecordOptions options) {
        String name = "bench-" + type.name().toLowerCase(Locale.ROOT) + "-" + (++tunnelCount);
        try (TunnelClient client = emulator.client()) {
            CreateTunnelRequest.Builder b =
                    CreateTunnelRequest.builder(table, name, type).streamRecordOptions(options);
            if (type == TunnelType.STREAM) {
                b.streamStart(CreateTunnelRequest.StreamStart.EARLIEST);
            }
            return new Tunnel(name, client.createTunnel(b.build()));
        }
    }

    private static void check(Measurement m, long expected) {
        if (m.records < expected) {
            throw new IllegalStateException(
                    m.contender + " delivered " + m.records + " of " + expected + " records");
        }
    }

    private static void progress(String what) {
        // The wall-clock time lines a phase up with a profile (JFR) of the same run.
        System.err.println("[throughput] " + java.time.Instant.now() + " " + what);
    }
}

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

package io.github.tablestore.flink.tunnel.benchmarks;

import io.github.tablestore.flink.tunnel.benchmarks.decode.DecodeBenchmark;
import io.github.tablestore.flink.tunnel.benchmarks.decode.DecodeRunner;
import io.github.tablestore.flink.tunnel.benchmarks.emulator.EmulatorProcess;
import io.github.tablestore.flink.tunnel.benchmarks.latency.LatencyBenchmark;
import io.github.tablestore.flink.tunnel.benchmarks.lookup.LookupBenchmark;
import io.github.tablestore.flink.tunnel.benchmarks.memory.MemoryBenchmark;
import io.github.tablestore.flink.tunnel.benchmarks.report.Report;
import io.github.tablestore.flink.tunnel.benchmarks.throughput.SqlRun;
import io.github.tablestore.flink.tunnel.benchmarks.throughput.ThroughputBenchmark;

import java.nio.file.Files;
import java.util.List;

/**
 * Runs the benchmark suite and prints the results table (also written to {@code bench.output}).
 * See docs/performance.md for the command, the settings and how to read the results.
 */
public final class BenchmarkSuite {
    private BenchmarkSuite() {}

    /**
     * Pins every thread of this JVM (the contenders, Flink, JIT, GC) to {@code cpus}; threads
     * started later inherit it.
     */
    private static void pinThisProcess(String cpus) throws Exception {
        Process p =
                new ProcessBuilder(
                                "taskset",
                                "-a",
                                "-p",
                                "-c",
                                cpus,
                                Long.toString(ProcessHandle.current().pid()))
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("taskset -a -p -c " + cpus + " failed: " + out);
        }
        System.err.println("[bench] driver pinned to CPUs " + cpus);
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Report report = new Report(settings);
        if (!settings.clientCpus.isEmpty()) {
            pinThisProcess(settings.clientCpus);
        }
        if (settings.runs("throughput")) {
            try (EmulatorProcess emulator =
                    EmulatorProcess.start(
                            settings.emulatorCommandPrefix(),
                            settings.readRecords,
                            settings.readBytes,
                            "4g",
                            EmulatorProcess.table(
                                    ThroughputBenchmark.TABLE, settings.partitions, settings.rows),
                            EmulatorProcess.table(
                                    ThroughputBenchmark.WARMUP_TABLE,
                                    settings.partitions,
                                    settings.warmupRows))) {
                report.throughput(
                        new ThroughputBenchmark(settings, emulator, SqlRun.contenders()).run());
            }
        }
        if (settings.runs("readlatency")) {
            try (EmulatorProcess emulator =
                    EmulatorProcess.start(
                            settings.emulatorCommandPrefix(),
                            settings.readRecords,
                            settings.readBytes,
                            "2g",
                            EmulatorProcess.table(
                                    ThroughputBenchmark.TABLE,
                                    settings.partitions,
                                    settings.readLatencyRows),
                            EmulatorProcess.table(
                                    ThroughputBenchmark.WARMUP_TABLE,
                                    settings.partitions,
                                    settings.warmupRows))) {
                emulator.delayReadRecords(settings.readLatencyMillis);
                report.readLatency(
                        new ThroughputBenchmark(
                                        settings,
                                        emulator,
                                        List.of(),
                                        ThroughputBenchmark.Plan.readLatency(settings))
                                .run());
            }
        }
        if (settings.runs("latency")) {
            try (EmulatorProcess emulator =
                    EmulatorProcess.start(
                            settings.emulatorCommandPrefix(),
                            settings.readRecords,
                            settings.readBytes,
                            "1g",
                            EmulatorProcess.table(
                                    LatencyBenchmark.TABLE, settings.latencyPartitions, 0))) {
                report.latency(new LatencyBenchmark(settings, emulator).run());
            }
        }
        if (settings.runs("memory")) {
            try (EmulatorProcess emulator =
                    EmulatorProcess.start(
                            settings.emulatorCommandPrefix(),
                            settings.readRecords,
                            settings.readBytes,
                            "4g",
                            EmulatorProcess.table(
                                    MemoryBenchmark.TABLE,
                                    settings.memoryChannels,
                                    (long) settings.memoryChannels
                                            * settings.memoryRowsPerChannel))) {
                report.memory(
                        new MemoryBenchmark(settings, emulator).run(settings.memoryMaxParallel));
            }
        }
        if (settings.runs("lookup")) {
            try (EmulatorProcess emulator =
                    EmulatorProcess.start(
                            settings.readRecords,
                            settings.readBytes,
                            "2g",
                            EmulatorProcess.table(
                                    LookupBenchmark.TABLE,
                                    settings.partitions,
                                    settings.lookupRows))) {
                report.lookup(new LookupBenchmark(settings, emulator).run());
            }
        }
        if (settings.runs("decode")) {
            System.err.println("[decode] JMH");
            report.decode(
                    DecodeRunner.run(settings.jmhForks, settings.jmhSeconds),
                    DecodeBenchmark.encodedRecord(0).length);
        }
        String text = report.render();
        System.out.println(text);
        if (settings.output.getParent() != null) {
            Files.createDirectories(settings.output.getParent());
        }
        Files.writeString(settings.output, text);
        System.out.println("Results written to " + settings.output.toAbsolutePath());
        System.exit(0);
    }
}

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

package io.github.tablestore.flink.tunnel.benchmarks.report;

import io.github.tablestore.flink.tunnel.benchmarks.BenchSettings;
import io.github.tablestore.flink.tunnel.benchmarks.latency.LatencyBenchmark;
import io.github.tablestore.flink.tunnel.benchmarks.latency.LatencyRecorder;
import io.github.tablestore.flink.tunnel.benchmarks.memory.MemoryBenchmark;
import io.github.tablestore.flink.tunnel.benchmarks.throughput.Measurement;
import io.github.tablestore.flink.tunnel.benchmarks.throughput.ThroughputBenchmark.DataSetResult;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the parts' results and renders them as one Markdown report. */
public final class Report {
    private final BenchSettings settings;
    private final String startedAt =
            ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    private final double loadAtStart = load();
    private final List<String> sections = new ArrayList<>();

    public Report(BenchSettings settings) {
        this.settings = settings;
    }

    public void throughput(List<DataSetResult> dataSets) {
        throughput("Throughput", "", settings.rows, dataSets);
    }

    /** The read-latency part: the throughput table of a slow server. */
    public void readLatency(List<DataSetResult> dataSets) {
        throughput(
                "Throughput with slow answers",
                String.format(
                        Locale.ROOT,
                        "The emulator delays every ReadRecords answer by %d ms (a fixed latency, as of "
                                + "a service in another zone). What hides the latency is read "
                                + "concurrency: the raw loop with 1 and 8 threads, the SDK's TunnelWorker "
                                + "(defaults), TunnelSource reading 1 channel at a time and the default 8. ",
                        settings.readLatencyMillis,
                        settings.readLatencyRows),
                settings.readLatencyRows,
                dataSets);
    }

    private void throughput(String title, String intro, int rows, List<DataSetResult> dataSets) {
        StringBuilder b = new StringBuilder();
        b.append("### ").append(title).append("\n\n").append(intro);
        b.append(String.format(Locale.ROOT, "Best of %d rounds per contender. ", settings.repeats));
        b.append(
                String.format(
                        Locale.ROOT,
                        "%d rows in %d partitions; ReadRecords answers at most %d records / %d bytes "
                                + "(the same for every contender). Rates and CPU from the first record to the last; start-up "
                                + "(connect, first heartbeat, Flink job deployment) is listed separately. Client CPU = the driver "
                                + "JVM (contender, Flink, JIT, GC), server CPU = the emulator process.%s%n%n",
                        rows,
                        settings.partitions,
                        settings.readRecords,
                        settings.readBytes,
                        pinning()));
        for (DataSetResult d : dataSets) {
            Measurement raw = d.of("raw");
            Measurement rawDecode = d.of("raw+decode");
            Measurement sdk = d.of("sdk");
            Measurement sized = raw != null ? raw : rawDecode;
            double bytesPerRecord =
                    sized == null || sized.records == 0
                            ? Double.NaN
                            : (double) d.recordBytes / sized.records;
            b.append(
                    String.format(
                            Locale.ROOT,
                            "**%s** (%.0f bytes/record)%n%n",
                            d.dataSet,
                            bytesPerRecord));
            b.append(
                    "| Contender | records/s | MB/s | × raw | × SDK | client CPU µs/record | server CPU µs/record "
                            + "| start-up (ms) |\n");
            b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Measurement m : d.measurements) {
                double rps = m.recordsPerSecond();
                b.append(
                        String.format(
                                Locale.ROOT,
                                "| %s | %,.0f | %.1f | %.2f | %.2f | %.2f | %.2f | %,d |%n",
                                label(m.contender),
                                rps,
                                rps * bytesPerRecord / 1e6,
                                raw == null ? Double.NaN : rps / raw.recordsPerSecond(),
                                sdk == null ? Double.NaN : rps / sdk.recordsPerSecond(),
                                m.clientCpuMicrosPerRecord(),
                                m.serverCpuMicrosPerRecord(),
                                m.startupMillis()));
            }
            b.append("\nRaw loop records/s by concurrency, per round (the best is row 1): ")
                    .append(d.rawRates)
                    .append("\n\n");
            String scaling = scaling(d);
            if (scaling != null) {
                b.append(scaling).append("\n\n");
            }
            if (rawDecode != null) {
                // The reader's overhead over what it cannot avoid (reads + verified decoding).
                List<String> ratios = new ArrayList<>();
                for (Measurement m : d.measurements) {
                    if (m.contender.startsWith("TunnelSource")) {
                        ratios.add(
                                String.format(
                                        Locale.ROOT,
                                        "%s %.2f µs = %.2f×",
                                        m.contender,
                                        m.clientCpuMicrosPerRecord(),
                                        m.clientCpuMicrosPerRecord()
                                                / rawDecode.clientCpuMicrosPerRecord()));
                    }
                }
                b.append(
                                String.format(
                                        Locale.ROOT,
                                        "Reader client CPU against the raw loop + decoding (%.2f µs/record): ",
                                        rawDecode.clientCpuMicrosPerRecord()))
                        .append(
                                ratios.isEmpty()
                                        ? "no TunnelSource run"
                                        : String.join("; ", ratios))
                        .append("\n\n");
            }
        }
        sections.add(b.toString());
    }

    public void latency(LatencyBenchmark.Result r) {
        StringBuilder b = new StringBuilder();
        b.append("### Change latency\n\n");
        b.append(
                String.format(
                        Locale.ROOT,
                        "Write→emit latency (writer's clock before the PutRow/BatchWriteRow is sent → "
                                + "the record reaches the sink / callback, same JVM) on a %d-partition table; both consumers run "
                                + "side by side on the same writes. Steady: %.1f rows/s for %d s (%d rows, one PutRow each). "
                                + "Bursts: %d × %d rows every %d s (BatchWriteRow, 200 rows per request). Idle: %d s without writes. "
                                + "Requests = ReadRecords calls per channel per second, counted by the emulator.%n%n",
                        settings.latencyPartitions,
                        settings.steadyRate,
                        settings.steadySeconds,
                        r.steadyRows,
                        settings.bursts,
                        settings.burstRows,
                        settings.burstIntervalSeconds,
                        settings.idleSeconds));
        b.append("| Consumer | phase | p50 ms | p90 ms | p99 ms | max ms | requests/channel/s |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (LatencyBenchmark.ContenderResult c : r.contenders) {
            row(b, c.name, "steady", c.steady(), c.steadyRequestsPerChannelSecond);
            row(b, c.name, "bursts", c.bursts(), c.burstRequestsPerChannelSecond);
            b.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | idle | | | | | %.2f |%n",
                            c.name,
                            c.idleRequestsPerChannelSecond));
        }
        b.append('\n');
        sections.add(b.toString());
    }

    private static void row(
            StringBuilder b, String name, String phase, LatencyRecorder.Stats s, double requests) {
        b.append(
                String.format(
                        Locale.ROOT,
                        "| %s | %s | %.0f | %.0f | %.0f | %.0f | %.2f |%n",
                        name,
                        phase,
                        s.percentileMillis(0.5),
                        s.percentileMillis(0.9),
                        s.percentileMillis(0.99),
                        s.maxMillis(),
                        requests));
    }

    public void memory(List<MemoryBenchmark.Result> results) {
        StringBuilder b = new StringBuilder();
        b.append("### Reader memory under backpressure\n\n");
        b.append(
                String.format(
                        Locale.ROOT,
                        "TunnelSource p=1 reads a BaseData tunnel of %d channels (%d rows each, "
                                + "≈ %.0f MB of records in all) into a sink that pauses %d µs after every record, for %d s. "
                                + "Live heap = heap used right after a full GC, sampled every 2 s in the driver JVM (Flink "
                                + "MiniCluster included, emulator not). Baseline = before the job started.%n%n",
                        settings.memoryChannels,
                        settings.memoryRowsPerChannel,
                        settings.memoryChannels
                                * (double) settings.memoryRowsPerChannel
                                * 520
                                / 1e6,
                        settings.memorySinkDelayMicros,
                        settings.memorySeconds));
        b.append(
                "| max-parallel-channels | baseline MB | max live MB, 1st half | max live MB, 2nd half | "
                        + "records consumed | live MB over time |\n");
        b.append("|---:|---:|---:|---:|---:|---|\n");
        for (MemoryBenchmark.Result r : results) {
            long[] halves = r.maxByHalf();
            List<String> series = new ArrayList<>();
            for (long[] sample : r.samples) {
                series.add(Long.toString(sample[1] / (1024 * 1024)));
            }
            b.append(
                    String.format(
                            Locale.ROOT,
                            "| %d | %d | %d | %d | %,d | %s |%n",
                            r.maxParallelChannels,
                            r.baselineBytes / (1024 * 1024),
                            halves[0] / (1024 * 1024),
                            halves[1] / (1024 * 1024),
                            r.records(),
                            String.join(" ", series)));
        }
        b.append('\n');
        sections.add(b.toString());
    }

    public void decode(Map<String, double[]> nanosPerRecord, double bytesPerRecord) {
        StringBuilder b = new StringBuilder();
        b.append("### PlainBuffer decoding (JMH)\n\n");
        b.append(
                String.format(
                        Locale.ROOT,
                        "One stream record of the benchmark table (%.0f bytes: 3 key columns, "
                                + "10 attributes, sequence info), decoded from the same bytes on one thread; JMH average time, "
                                + "%d fork(s), 3 warm-up and 5 measured iterations of %d s.%n%n",
                        bytesPerRecord,
                        settings.jmhForks,
                        settings.jmhSeconds));
        b.append("| Decoder | ns/record | ± | records/s | MB/s | × SDK |\n");
        b.append("|---|---:|---:|---:|---:|---:|\n");
        double[] sdk = nanosPerRecord.get("sdk");
        String[][] rows = {
            {"sdk", "SDK: PlainBuffer reader + StreamRecord (eager values)"},
            {"ours", "ours: decodeRecord (lazy strings)"},
            {"oursAllValues", "ours: decodeRecord + read every value"},
            {"oursTwoColumns", "ours: decodeRecord, 2 of 10 columns (projection)"},
        };
        for (String[] row : rows) {
            double[] v = nanosPerRecord.get(row[0]);
            if (v == null) {
                continue;
            }
            b.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %.0f | %.0f | %,.0f | %.0f | %.2f |%n",
                            row[1],
                            v[0],
                            v[1],
                            1e9 / v[0],
                            bytesPerRecord * 1e3 / v[0],
                            sdk == null ? Double.NaN : sdk[0] / v[0]));
        }
        b.append('\n');
        sections.add(b.toString());
    }

    private String pinning() {
        if (settings.emulatorCpus.isEmpty() && settings.clientCpus.isEmpty()) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                " Pinned: emulator to CPUs %s, driver (contenders, Flink) to CPUs %s.",
                settings.emulatorCpus.isEmpty() ? "any" : settings.emulatorCpus,
                settings.clientCpus.isEmpty() ? "any" : settings.clientCpus);
    }

    /** TunnelSource p=2 ÷ p=1 rate, for the report's scaling line; NaN without both. */
    private static String scaling(DataSetResult d) {
        Measurement p1 = d.of("TunnelSource p=1");
        Measurement p2 = d.of("TunnelSource p=2");
        if (p1 == null || p2 == null) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "Scaling: TunnelSource p=2 reads %.2f× the rate of p=1 (client CPU %.2f vs %.2f µs/record).",
                p2.recordsPerSecond() / p1.recordsPerSecond(),
                p2.clientCpuMicrosPerRecord(),
                p1.clientCpuMicrosPerRecord());
    }

    private static String label(String contender) {
        switch (contender) {
            case "raw":
                return "1. raw ReadRecords loop (our client, no decoding, best concurrency)";
            case "sdk":
                return "2. SDK TunnelWorker (default config, no-op callback)";
            case "raw+decode":
                return "raw ReadRecords loop + decoding (readBatch, all columns, 2 threads)";
            default:
                return contender;
        }
    }

    public void lookup(List<Measurement> results) {
        StringBuilder b = new StringBuilder();
        b.append("### Lookup joins\n\n");
        b.append(
                "Keys looked up per second, from the first joined row to the last (SQL) or over "
                        + "the whole loop (SDK); every key has a row; status and amount are read.\n\n");
        b.append("| Contender | Keys | Seconds | Keys/s |\n|---|---:|---:|---:|\n");
        for (Measurement m : results) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %d | %.2f | %.0f |%n",
                            m.contender,
                            m.records,
                            m.seconds(),
                            m.recordsPerSecond()));
        }
        sections.add(b.toString());
    }

    public void section(String markdown) {
        sections.add(markdown);
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("## Benchmark results\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| Date | ").append(startedAt).append(" |\n");
        b.append("| Machine | ").append(machine()).append(" |\n");
        b.append("| JVM | ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.version"))
                .append(", driver heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MiB |\n");
        b.append(
                String.format(
                        Locale.ROOT,
                        "| Load average | %.2f at start, %.2f at end |%n",
                        loadAtStart,
                        load()));
        b.append("| Settings | ");
        List<String> kv = new ArrayList<>();
        for (Map.Entry<String, String> e : settings.effective().entrySet()) {
            kv.add("`" + e.getKey() + "=" + e.getValue() + "`");
        }
        b.append(String.join(" ", kv)).append(" |\n\n");
        for (String s : sections) {
            b.append(s).append('\n');
        }
        return b.toString();
    }

    private static double load() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os.getSystemLoadAverage();
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors()
                + " cores, "
                + System.getProperty("os.name")
                + " "
                + System.getProperty("os.arch")
                + ", "
                + cpuModel();
    }

    private static String cpuModel() {
        try {
            for (String line :
                    java.nio.file.Files.readAllLines(java.nio.file.Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not Linux: the core count says enough.
        }
        return "CPU model unknown";
    }
}

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

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every size and duration of a run, from {@code bench.*} system properties (an empty value means
 * the default). Defaults keep a full run at about ten minutes on a 2-core machine.
 */
public final class BenchSettings {
    /** The parts of the suite, in running order. */
    public static final Set<String> ALL_PARTS =
            Set.of("throughput", "readlatency", "latency", "memory", "decode", "lookup");

    public final Set<String> parts;

    /** The throughput contenders, in running order. */
    public static final Set<String> ALL_CONTENDERS =
            new LinkedHashSet<>(List.of("raw", "raw-decode", "sdk", "source", "sql"));

    public final Set<String> contenders;
    public final int[] sourceParallelism;
    // Core pinning (taskset -c lists; empty: no pinning).
    public final String emulatorCpus;
    public final String clientCpus;
    // Read latency: the emulator delays every ReadRecords answer.
    public final int readLatencyMillis;
    public final int readLatencyRows;
    // Throughput: one table, read as base data and as a stream backlog.
    public final int rows;
    public final int partitions;
    public final int warmupRows;
    public final int repeats;
    // The emulator's bounds of one ReadRecords answer, the same for every contender.
    public final int readRecords;
    public final int readBytes;
    // Latency.
    public final int latencyPartitions;
    public final double steadyRate;
    public final int steadySeconds;
    public final int burstRows;
    public final int bursts;
    public final int burstIntervalSeconds;
    public final int idleSeconds;
    // Memory.
    public final int memoryChannels;
    public final int memoryRowsPerChannel;
    public final int memorySeconds;
    public final int memorySinkDelayMicros;
    public final int[] memoryMaxParallel;
    // Lookup joins.
    public final int lookupRows;
    public final long lookupKeys;
    public final int lookupHotKeys;
    // JMH.
    public final int jmhForks;
    public final int jmhSeconds;
    public final Path output;

    private final Map<String, String> effective = new LinkedHashMap<>();

    private BenchSettings() {
        String partList =
                text("bench.parts", "throughput,readlatency,latency,memory,decode,lookup");
        Set<String> p = new LinkedHashSet<>();
        for (String part : partList.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!ALL_PARTS.contains(name)) {
                throw new IllegalArgumentException(
                        "bench.parts: unknown part '" + name + "', expected any of " + ALL_PARTS);
            }
            p.add(name);
        }
        this.parts = p;
        this.contenders =
                names("bench.contenders", String.join(",", ALL_CONTENDERS), ALL_CONTENDERS);
        this.sourceParallelism = integers("bench.sourceParallelism", "1,2");
        this.emulatorCpus = text("bench.emulatorCpus", "");
        this.clientCpus = text("bench.clientCpus", "");
        this.readLatencyMillis = integer("bench.readLatency.millis", 10, 1);
        this.readLatencyRows = integer("bench.readLatency.rows", 300_000, 1);
        this.rows = integer("bench.rows", 500_000, 1);
        this.partitions = integer("bench.partitions", 8, 1);
        this.warmupRows = integer("bench.warmupRows", 20_000, 0);
        this.repeats = integer("bench.repeats", 2, 1);
        this.readRecords = integer("bench.readRecords", 1000, 1);
        this.readBytes = integer("bench.readBytes", 2 * 1024 * 1024, 1024);
        this.latencyPartitions = integer("bench.latency.partitions", 4, 1);
        this.steadyRate = Double.parseDouble(text("bench.latency.steadyRate", "20"));
        this.steadySeconds = integer("bench.latency.steadySeconds", 60, 1);
        this.burstRows = integer("bench.latency.burstRows", 2000, 1);
        this.bursts = integer("bench.latency.bursts", 5, 1);
        this.burstIntervalSeconds = integer("bench.latency.burstIntervalSeconds", 10, 1);
        this.idleSeconds = integer("bench.latency.idleSeconds", 30, 5);
        this.memoryChannels = integer("bench.memory.channels", 256, 1);
        this.memoryRowsPerChannel = integer("bench.memory.rowsPerChannel", 1000, 1);
        this.memorySeconds = integer("bench.memory.seconds", 60, 5);
        this.memorySinkDelayMicros = integer("bench.memory.sinkDelayMicros", 500, 0);
        this.memoryMaxParallel = integers("bench.memory.maxParallel", "8,256");
        this.lookupRows = integer("bench.lookup.rows", 100_000, 1);
        this.lookupKeys = integer("bench.lookup.keys", 200_000, 1);
        this.lookupHotKeys = integer("bench.lookup.hotKeys", 1000, 1);
        this.jmhForks = integer("bench.jmh.forks", 1, 1);
        this.jmhSeconds = integer("bench.jmh.seconds", 5, 1);
        this.output = Paths.get(text("bench.output", "target/benchmark-results.md"));
        if (steadyRate <= 0) {
            throw new IllegalArgumentException(
                    "bench.latency.steadyRate must be positive, got " + steadyRate);
        }
    }

    public static BenchSettings fromSystemProperties() {
        return new BenchSettings();
    }

    /** The command prefix that pins the emulator process to {@code bench.emulatorCpus}, if set. */
    public List<String> emulatorCommandPrefix() {
        return emulatorCpus.isEmpty() ? List.of() : List.of("taskset", "-c", emulatorCpus);
    }

    public boolean runs(String part) {
        return parts.contains(part);
    }

    /** Every setting with its effective value, for the report. */
    public Map<String, String> effective() {
        return effective;
    }

    private String text(String key, String defaultValue) {
        String v = System.getProperty(key);
        String value = v == null || v.trim().isEmpty() ? defaultValue : v.trim();
        effective.put(key, value);
        return value;
    }

    private Set<String> names(String key, String defaultValue, Set<String> allowed) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : text(key, defaultValue).split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(
                        key + ": unknown name '" + name + "', expected any of " + allowed);
            }
            out.add(name);
        }
        return out;
    }

    private int[] integers(String key, String defaultValue) {
        String[] parts = text(key, defaultValue).split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        key
                                + " must be a comma-separated list of integers, got '"
                                + parts[i]
                                + "'");
            }
            if (out[i] < 1) {
                throw new IllegalArgumentException(
                        key + " values must be at least 1, got " + out[i]);
            }
        }
        return out;
    }

    private int integer(String key, int defaultValue, int min) {
        String v = text(key, Integer.toString(defaultValue));
        int value;
        try {
            value = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'");
        }
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", got " + value);
        }
        return value;
    }
}

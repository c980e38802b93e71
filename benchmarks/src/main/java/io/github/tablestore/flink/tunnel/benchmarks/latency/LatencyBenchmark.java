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

package io.github.tablestore.flink.tunnel.benchmarks.latency;

import io.github.tablestore.flink.tunnel.benchmarks.BenchSettings;
import io.github.tablestore.flink.tunnel.benchmarks.Waits;
import io.github.tablestore.flink.tunnel.benchmarks.data.BenchRows;
import io.github.tablestore.flink.tunnel.benchmarks.emulator.EmulatorProcess;
import io.github.tablestore.flink.tunnel.benchmarks.flink.LocalJobs;
import io.github.tablestore.flink.tunnel.benchmarks.flink.Probe;
import io.github.tablestore.flink.tunnel.benchmarks.throughput.SdkWorkerRun;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import org.apache.flink.core.execution.JobClient;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.RecordColumn;
import com.alicloud.openservices.tablestore.model.StreamRecord;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;

/**
 * Part 2: change latency. One writer, two consumers at their default settings, each on its own
 * Stream tunnel of the same table, running side by side on the same writes: the SDK's
 * TunnelWorker and TunnelSource (parallelism 1). Phases: a steady low rate (one PutRow at a
 * time), bursts (BatchWriteRow as fast as it goes), then an idle period in which only the
 * ReadRecords calls per channel are counted (on the emulator).
 */
public final class LatencyBenchmark {
    public static final String TABLE = "latency";
    static final int WARMUP = 0;
    static final int STEADY = 1;
    static final int BURST = 2;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private final BenchSettings settings;
    private final EmulatorProcess emulator;

    public LatencyBenchmark(BenchSettings settings, EmulatorProcess emulator) {
        this.settings = settings;
        this.emulator = emulator;
    }

    /** One consumer's results. */
    public static final class ContenderResult {
        public final String name;
        final LatencyRecorder[] phases = {
            new LatencyRecorder(), new LatencyRecorder(), new LatencyRecorder()
        };
        final AtomicLongArray received = new AtomicLongArray(3);
        String tunnelId;
        public double steadyRequestsPerChannelSecond;
        public double burstRequestsPerChannelSecond;
        public double idleRequestsPerChannelSecond;

        ContenderResult(String name) {
            this.name = name;
        }

        void onRecord(long orderId, long writtenNanos, long now) {
            int phase = LatencyWriter.phaseOf(orderId);
            received.incrementAndGet(phase);
            phases[phase].add(now - writtenNanos);
        }

        public LatencyRecorder.Stats steady() {
            return phases[STEADY].stats();
        }

        public LatencyRecorder.Stats bursts() {
            return phases[BURST].stats();
        }
    }

    /** Both consumers' results, SDK first. */
    public static final class Result {
        public final List<ContenderResult> contenders;
        public final long steadyRows;
        public final long burstRows;

        Result(List<ContenderResult> contenders, long steadyRows, long burstRows) {
            this.contenders = contenders;
            this.steadyRows = steadyRows;
            this.burstRows = burstRows;
        }
    }

    public Result run() throws Exception {
        ContenderResult sdk = new ContenderResult("SDK TunnelWorker (defaults)");
        ContenderResult source = new ContenderResult("TunnelSource p=1 (defaults)");
        sdk.tunnelId = createTunnel("latency-sdk");
        source.tunnelId = createTunnel("latency-source");

        String runId = "latency-source";
        Probe probe =
                Probe.create(runId)
                        .onRecord(
                                (value, now) -> {
                                    TunnelRecord r = (TunnelRecord) value;
                                    Cell written = r.column(BenchRows.WRITTEN_NANOS);
                                    source.onRecord(
                                            r.primaryKey().value("order_id").asLong(),
                                            written.value().asLong(),
                                            now);
                                });
        long steadyRows = Math.round(settings.steadyRate * settings.steadySeconds);
        long burstRows = (long) settings.burstRows * settings.bursts;
        SyncClient sync = emulator.syncClient();
        try (SdkWorkerRun worker =
                SdkWorkerRun.start(
                        emulator.sdkTunnelClient(),
                        sdk.tunnelId,
                        (record, now) -> onSdkRecord(sdk, record, now))) {
            JobClient job =
                    LocalJobs.start(
                            LocalJobs.source(emulator, TABLE, "latency-source", TunnelType.STREAM)
                                    .build(),
                            1,
                            runId,
                            0);
            try {
                LatencyWriter writer = new LatencyWriter(sync, TABLE);
                warmUp(writer, sdk, source);

                progress(
                        "steady: "
                                + settings.steadyRate
                                + " rows/s for "
                                + settings.steadySeconds
                                + " s");
                Map<String, Long> sdkBefore = emulator.readRequests(sdk.tunnelId);
                Map<String, Long> sourceBefore = emulator.readRequests(source.tunnelId);
                long start = System.nanoTime();
                for (long i = 0; i < steadyRows; i++) {
                    sleepUntil(start + (long) (i * 1e9 / settings.steadyRate));
                    writer.put(STEADY, i);
                }
                sleepUntil(start + TimeUnit.SECONDS.toNanos(settings.steadySeconds));
                double seconds = (System.nanoTime() - start) / 1e9;
                sdk.steadyRequestsPerChannelSecond =
                        rate(sdkBefore, emulator.readRequests(sdk.tunnelId), seconds);
                source.steadyRequestsPerChannelSecond =
                        rate(sourceBefore, emulator.readRequests(source.tunnelId), seconds);
                awaitAll(sdk, source, STEADY, steadyRows);

                progress(
                        "bursts: "
                                + settings.bursts
                                + " × "
                                + settings.burstRows
                                + " rows every "
                                + settings.burstIntervalSeconds
                                + " s");
                sdkBefore = emulator.readRequests(sdk.tunnelId);
                sourceBefore = emulator.readRequests(source.tunnelId);
                start = System.nanoTime();
                for (int b = 0; b < settings.bursts; b++) {
                    sleepUntil(
                            start
                                    + TimeUnit.SECONDS.toNanos(
                                            (long) b * settings.burstIntervalSeconds));
                    writer.burst(BURST, (long) b * settings.burstRows, settings.burstRows);
                }
                sleepUntil(
                        start
                                + TimeUnit.SECONDS.toNanos(
                                        (long) settings.bursts * settings.burstIntervalSeconds));
                seconds = (System.nanoTime() - start) / 1e9;
                sdk.burstRequestsPerChannelSecond =
                        rate(sdkBefore, emulator.readRequests(sdk.tunnelId), seconds);
                source.burstRequestsPerChannelSecond =
                        rate(sourceBefore, emulator.readRequests(source.tunnelId), seconds);
                awaitAll(sdk, source, BURST, burstRows);

                // Let both back off to their idle pace before counting.
                progress("idle: " + settings.idleSeconds + " s without writes");
                sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
                sdkBefore = emulator.readRequests(sdk.tunnelId);
                sourceBefore = emulator.readRequests(source.tunnelId);
                start = System.nanoTime();
                sleepUntil(start + TimeUnit.SECONDS.toNanos(settings.idleSeconds));
                seconds = (System.nanoTime() - start) / 1e9;
                sdk.idleRequestsPerChannelSecond =
                        rate(sdkBefore, emulator.readRequests(sdk.tunnelId), seconds);
                source.idleRequestsPerChannelSecond =
                        rate(sourceBefore, emulator.readRequests(source.tunnelId), seconds);
            } finally {
                LocalJobs.cancel(job);
                Probe.remove(runId);
            }
        } finally {
            sync.shutdown();
        }
        return new Result(List.of(sdk, source), steadyRows, burstRows);
    }

    private static void onSdkRecord(ContenderResult sdk, StreamRecord record, long now) {
        long orderId = record.getPrimaryKey().getPrimaryKeyColumn("order_id").getValue().asLong();
        for (RecordColumn c : record.getColumns()) {
            if (BenchRows.WRITTEN_NANOS.equals(c.getColumn().getName())) {
                sdk.onRecord(orderId, c.getColumn().getValue().asLong(), now);
                return;
            }
        }
    }

    /** Writes a row every 250 ms until both consumers deliver (the SDK needs a heartbeat or two). */
    private void warmUp(LatencyWriter writer, ContenderResult sdk, ContenderResult source)
            throws InterruptedException {
        progress("warm-up: waiting until both consumers deliver");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long n = 0;
        while (sdk.received.get(WARMUP) == 0 || source.received.get(WARMUP) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Consumers did not start within 120 s (SDK: "
                                + sdk.received.get(WARMUP)
                                + ", source: "
                                + source.received.get(WARMUP)
                                + " records)");
            }
            writer.put(WARMUP, n++);
            Thread.sleep(250); // the warm-up's write schedule: a row every 250 ms, not a wait for
            // anything
        }
        long written = n;
        await(
                () -> sdk.received.get(WARMUP) >= written && source.received.get(WARMUP) >= written,
                "warm-up rows");
    }

    private static void awaitAll(ContenderResult a, ContenderResult b, int phase, long rows)
            throws InterruptedException {
        await(
                () -> a.received.get(phase) >= rows && b.received.get(phase) >= rows,
                "phase " + phase + " rows");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        if (!Waits.until(condition, DRAIN_TIMEOUT)) {
            throw new IllegalStateException("Not all " + what + " arrived within " + DRAIN_TIMEOUT);
        }
    }

    private static double rate(Map<String, Long> before, Map<String, Long> after, double seconds) {
        long calls = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            calls += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return after.isEmpty() ? 0 : calls / (after.size() * seconds);
    }

    private String createTunnel(String name) throws IOException {
        try (TunnelClient client = emulator.client()) {
            return client.createTunnel(
                    CreateTunnelRequest.builder(TABLE, name, TunnelType.STREAM).build());
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static void progress(String what) {
        System.err.println("[latency] " + what);
    }
}

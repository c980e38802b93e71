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

import io.github.tablestore.flink.tunnel.benchmarks.Waits;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Samples, every 20 ms, the CPU time used so far by the driver JVM (the contenders) and by the
 * emulator process (the server), so a run's CPU between its first and last record can be split
 * into client and server shares. On 2 cores shared by both, that split explains most rate gaps.
 */
public final class CpuMeter implements AutoCloseable {
    private static final long PERIOD_MILLIS = 20;

    private final LongSupplier server;
    private final List<long[]> samples =
            new ArrayList<>(); // {nanoTime, client cpu ns, server cpu ns}
    private final Thread sampler;
    private volatile boolean running = true;

    /** @param serverCpuNanos the server's CPU time so far, or a negative value when unknown */
    public CpuMeter(LongSupplier serverCpuNanos) {
        this.server = serverCpuNanos;
        this.sampler = new Thread(this::loop, "bench-cpu-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void loop() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        while (running) {
            long[] s = {System.nanoTime(), os.getProcessCpuTime(), server.getAsLong()};
            synchronized (samples) {
                samples.add(s);
            }
            try {
                Thread.sleep(PERIOD_MILLIS); // a sampler: one reading per period is the point
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits until a sample later than {@code nanoTime} exists (at most a second). */
    public void awaitSampleAfter(long nanoTime) throws InterruptedException {
        Waits.until(
                () -> {
                    synchronized (samples) {
                        return !samples.isEmpty() && samples.get(samples.size() - 1)[0] > nanoTime;
                    }
                },
                Duration.ofSeconds(1));
    }

    /** CPU nanoseconds {client, server} used between two {@link System#nanoTime()} instants. */
    public double[] between(long fromNanos, long toNanos) {
        synchronized (samples) {
            return new double[] {at(fromNanos, toNanos, 1), at(fromNanos, toNanos, 2)};
        }
    }

    private double at(long from, long to, int column) {
        double a = interpolate(from, column);
        double b = interpolate(to, column);
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : b - a;
    }

    /** Linear interpolation between the samples around {@code t}. */
    private double interpolate(long t, int column) {
        long[] before = null;
        long[] after = null;
        for (long[] s : samples) {
            if (s[0] <= t) {
                before = s;
            } else {
                after = s;
                break;
            }
        }
        if (before == null || after == null || before[column] < 0 || after[column] < 0) {
            return Double.NaN;
        }
        double f = (double) (t - before[0]) / (after[0] - before[0]);
        return before[column] + f * (after[column] - before[column]);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}

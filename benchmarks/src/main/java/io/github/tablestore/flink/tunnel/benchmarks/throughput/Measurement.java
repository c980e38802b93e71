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

/**
 * What one contender did on one data set: how many records it delivered, and when the first and
 * the last arrived. Rates are taken from the first record to the last, so start-up (a Flink
 * job's deployment, the SDK worker's first heartbeats) does not count; {@link #startupMillis}
 * says how long that start-up took.
 */
public final class Measurement {
    public final String contender;
    public final long records;
    public final long startNanos;
    public final long firstNanos;
    public final long lastNanos;

    /** CPU ns of the driver (client) and the emulator (server) from first to last record; NaN if unknown. */
    public double clientCpuNanos = Double.NaN;

    public double serverCpuNanos = Double.NaN;

    public Measurement(
            String contender, long records, long startNanos, long firstNanos, long lastNanos) {
        this.contender = contender;
        this.records = records;
        this.startNanos = startNanos;
        this.firstNanos = firstNanos;
        this.lastNanos = lastNanos;
    }

    public double seconds() {
        return Math.max(1, lastNanos - firstNanos) / 1e9;
    }

    public double recordsPerSecond() {
        return records / seconds();
    }

    public double clientCpuMicrosPerRecord() {
        return clientCpuNanos / 1000 / records;
    }

    public double serverCpuMicrosPerRecord() {
        return serverCpuNanos / 1000 / records;
    }

    public long startupMillis() {
        return (firstNanos - startNanos) / 1_000_000;
    }
}

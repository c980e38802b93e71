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

package io.github.tablestore.flink.tunnel.benchmarks.flink;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a benchmark job's sink reports to the driver. Jobs run on a local MiniCluster in the
 * driver's JVM, so a registry keyed by a run id is shared by the sink copies and the driver.
 */
public final class Probe {
    private static final Map<String, Probe> PROBES = new ConcurrentHashMap<>();

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private volatile RecordListener listener;

    private Probe() {}

    /** A fresh probe for a run. */
    public static Probe create(String runId) {
        Probe p = new Probe();
        PROBES.put(runId, p);
        return p;
    }

    static Probe get(String runId) {
        Probe p = PROBES.get(runId);
        if (p == null) {
            throw new IllegalStateException(
                    "no probe " + runId + ": jobs must run in the driver's JVM");
        }
        return p;
    }

    public static void remove(String runId) {
        PROBES.remove(runId);
    }

    /** Called for every record a sink sees (latency runs). */
    public Probe onRecord(RecordListener l) {
        this.listener = l;
        return this;
    }

    void record(Object value, long now) {
        firstNanos.compareAndSet(0, now);
        lastNanos.set(now);
        records.incrementAndGet();
        RecordListener l = listener;
        if (l != null) {
            l.onRecord(value, now);
        }
    }

    public long records() {
        return records.get();
    }

    public long firstNanos() {
        return firstNanos.get();
    }

    public long lastNanos() {
        return lastNanos.get();
    }

    /** Sees each record as the sink receives it. */
    public interface RecordListener {
        void onRecord(Object value, long nanoTime);
    }
}

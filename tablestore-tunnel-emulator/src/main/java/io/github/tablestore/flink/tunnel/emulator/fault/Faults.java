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

package io.github.tablestore.flink.tunnel.emulator.fault;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault injector: rules added by tests, consulted once per API call. Rules are evaluated in
 * the order they were added; every matching latency rule adds its delay, the first matching
 * error or drop rule replaces the answer. A rule limited to N firings is removed after the last.
 * Thread-safe. Random draws come from a seeded generator, so a seeded run is repeatable when the
 * calls arrive in the same order.
 */
public final class Faults {
    private final Map<String, Entry> rules = new LinkedHashMap<>();
    private final Random random;
    private final AtomicLong ids = new AtomicLong();
    private long totalFired;

    private static final class Entry {
        final FaultSpec spec;
        int remaining;
        long fired;

        Entry(FaultSpec spec) {
            this.spec = spec;
            this.remaining = spec.times();
        }
    }

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    /** Adds a rule and returns its id (for {@link #remove(String)}). */
    public synchronized String add(FaultSpec spec) {
        String id = "fault-" + ids.incrementAndGet();
        rules.put(id, new Entry(spec));
        return id;
    }

    /** Removes a rule; returns whether it existed. */
    public synchronized boolean remove(String id) {
        return rules.remove(id) != null;
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
    }

    /** The active rules, in evaluation order. */
    public synchronized List<FaultRule> rules() {
        List<FaultRule> out = new ArrayList<>(rules.size());
        for (Map.Entry<String, Entry> e : rules.entrySet()) {
            out.add(
                    new FaultRule(
                            e.getKey(),
                            e.getValue().spec,
                            e.getValue().remaining,
                            e.getValue().fired));
        }
        return out;
    }

    /** How many faults have fired since start (rules removed since included). */
    public synchronized long totalFired() {
        return totalFired;
    }

    /** Decides the fate of one call to {@code action} (request path without leading slash). */
    public synchronized FaultDecision decide(String action) {
        if (rules.isEmpty()) {
            return FaultDecision.NONE;
        }
        long delay = 0;
        FaultSpec replacing = null;
        Iterator<Entry> it = rules.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            FaultSpec spec = e.spec;
            if (!spec.matches(action)) {
                continue;
            }
            boolean isLatency = spec.kind() == FaultKind.LATENCY;
            if (!isLatency && replacing != null) {
                continue; // the answer is already replaced; later error rules keep their budget
            }
            if (spec.probability() < 1.0 && random.nextDouble() >= spec.probability()) {
                continue;
            }
            e.fired++;
            totalFired++;
            if (isLatency) {
                delay += spec.latency().toMillis();
            } else {
                replacing = spec;
            }
            if (e.remaining != FaultSpec.UNLIMITED && --e.remaining == 0) {
                it.remove();
            }
        }
        return delay == 0 && replacing == null
                ? FaultDecision.NONE
                : new FaultDecision(delay, replacing);
    }
}

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

package io.github.tablestore.flink.tunnel.e2e.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a BaseAndStream job over a {@link ChangeTable} must have output, and the check of an output
 * against it. The output is the jobs' {@code <id>|<n>|<B|S>|<action>|<v>} lines, {@code n} being the
 * key's arrival number.
 *
 * <p>Per key, sorted by arrival number, the output must be: the numbers 0, 1, 2, … each once (a
 * repeat means a change was committed twice, a gap that one was lost); then at most one row of the
 * scan, first, showing a value the row had while the scan ran (exactly one if the row existed when
 * the tunnel was created and was not deleted during the scan); then exactly the changes made after
 * the tunnel's creation, in the order they were made.
 */
public final class ExpectedChangeLog {
    private final Map<Long, Set<String>> scanMayShow;
    private final Set<Long> scanMustShow;
    private final Map<Long, List<String>> changes;

    ExpectedChangeLog(
            Map<Long, Set<String>> scanMayShow,
            Set<Long> scanMustShow,
            Map<Long, List<String>> changes) {
        this.scanMayShow = new HashMap<>();
        scanMayShow.forEach((k, v) -> this.scanMayShow.put(k, new LinkedHashSet<>(v)));
        this.scanMustShow = new HashSet<>(scanMustShow);
        this.changes = new HashMap<>();
        changes.forEach((k, v) -> this.changes.put(k, new ArrayList<>(v)));
    }

    /** Number of stream changes expected in total. */
    public int changeCount() {
        int n = 0;
        for (List<String> c : changes.values()) {
            n += c.size();
        }
        return n;
    }

    /**
     * Whether {@code lines} hold at least every expected change and every must-show scan row: the
     * job has caught up (it may still have output too much, which {@link #mismatches} tells).
     */
    public boolean isCaughtUpBy(List<String> lines) {
        Map<Long, int[]> counts = new HashMap<>(); // [scan rows, changes]
        for (String line : lines) {
            String[] f = line.split("\\|", -1);
            int[] c = counts.computeIfAbsent(Long.parseLong(f[0]), k -> new int[2]);
            c[f[2].equals("B") ? 0 : 1]++;
        }
        for (Long key : scanMustShow) {
            if (counts.getOrDefault(key, new int[2])[0] < 1) {
                return false;
            }
        }
        for (Map.Entry<Long, List<String>> e : changes.entrySet()) {
            if (counts.getOrDefault(e.getKey(), new int[2])[1] < e.getValue().size()) {
                return false;
            }
        }
        return true;
    }

    /** Every way {@code lines} differ from the expected change log, per key; empty when they match exactly. */
    public List<String> mismatches(List<String> lines) {
        Map<Long, TreeMap<Long, List<String>>> byKey = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.split("\\|", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("Not an output line: '" + line + "'");
            }
            byKey.computeIfAbsent(Long.parseLong(f[0]), k -> new TreeMap<>())
                    .computeIfAbsent(Long.parseLong(f[1]), n -> new ArrayList<>())
                    .add(f[2] + "|" + f[3] + "|" + f[4]);
        }
        Set<Long> keys = new TreeSet<>(byKey.keySet());
        keys.addAll(changes.keySet());
        keys.addAll(scanMustShow);
        List<String> problems = new ArrayList<>();
        for (Long key : keys) {
            String problem = check(key, byKey.getOrDefault(key, new TreeMap<>()));
            if (problem != null) {
                problems.add("key " + key + ": " + problem);
            }
        }
        return problems;
    }

    private String check(long key, TreeMap<Long, List<String>> arrivals) {
        List<String> got = new ArrayList<>();
        long expectedNumber = 0;
        for (Map.Entry<Long, List<String>> a : arrivals.entrySet()) {
            if (a.getKey() != expectedNumber) {
                return "arrival numbers "
                        + arrivals.keySet()
                        + " have a gap before "
                        + a.getKey()
                        + " (lost): "
                        + arrivals;
            }
            if (a.getValue().size() > 1) {
                return "arrival "
                        + a.getKey()
                        + " committed "
                        + a.getValue().size()
                        + " times "
                        + a.getValue()
                        + ": "
                        + arrivals;
            }
            got.add(a.getValue().get(0));
            expectedNumber++;
        }
        List<String> stream = new ArrayList<>(got);
        if (!stream.isEmpty() && stream.get(0).startsWith("B|")) {
            String scanned = stream.remove(0);
            Set<String> may = scanMayShow.getOrDefault(key, Set.of());
            String value = scanned.substring(scanned.lastIndexOf('|') + 1);
            if (!scanned.startsWith("B|PUT_ROW|") || !may.contains(value)) {
                return "the scan showed "
                        + scanned
                        + ", but the row only had the values "
                        + may
                        + " while it ran; got "
                        + got;
            }
        } else if (scanMustShow.contains(key)) {
            return "no row from the scan first; got " + got;
        }
        List<String> changesGot = new ArrayList<>();
        for (String s : stream) {
            if (!s.startsWith("S|")) {
                return "a scan row after the first record: " + got;
            }
            changesGot.add(s.substring(2));
        }
        List<String> want = changes.getOrDefault(key, List.of());
        if (!changesGot.equals(want)) {
            return "changes " + changesGot + " but expected " + want;
        }
        return null;
    }
}

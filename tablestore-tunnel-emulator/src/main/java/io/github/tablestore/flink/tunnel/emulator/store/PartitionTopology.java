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

package io.github.tablestore.flink.tunnel.emulator.store;

import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.emulator.EmulatorClock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * A table's partitions and their stream shards: which partition a key routes to, and splits,
 * merges and pinned partitions. Mutated only under the owning {@link Table}'s monitor (so a write
 * never sees a topology change half done); the routed list and the version are published for
 * lock-free readers.
 */
final class PartitionTopology {
    private final String tableName;
    private final PartitionScheme scheme;
    private final EmulatorClock clock;

    /** Every partition ever, in creation order (retired ones too: their shards stay readable). */
    private final LinkedHashMap<String, Partition> partitions = new LinkedHashMap<>();

    /** Routed, not retired partitions ordered by span start; replaced on topology changes. */
    private volatile List<Partition> routed = List.of();

    private volatile long version;
    private int nextShardNumber;

    PartitionTopology(
            String tableName, PartitionScheme scheme, List<KeySpan> spans, EmulatorClock clock) {
        this.tableName = tableName;
        this.scheme = scheme;
        this.clock = clock;
        for (KeySpan span : spans) {
            newPartition(span, List.of());
        }
        rebuildRouting();
    }

    long version() {
        return version;
    }

    List<Partition> all() {
        return new ArrayList<>(partitions.values());
    }

    List<Partition> routed() {
        return routed;
    }

    Partition get(String id) {
        Partition p = partitions.get(id);
        if (p == null) {
            throw new IllegalArgumentException("table " + tableName + " has no partition " + id);
        }
        return p;
    }

    /** The partition with that id, or null. */
    Partition find(String id) {
        return partitions.get(id);
    }

    /**
     * Splits an active routed partition (see {@link Table#split}) where {@code pointFor} says for
     * its span; its shard closes and each half's shard has it as parent.
     */
    List<Partition> split(String partitionId, Function<KeySpan, Object> pointFor) {
        Partition p = activeRouted(partitionId);
        Object at = pointFor.apply(p.span());
        KeySpan[] halves = p.span().splitAt(at);
        retire(p);
        List<Partition> children =
                List.of(
                        newPartition(halves[0], List.of(p.id())),
                        newPartition(halves[1], List.of(p.id())));
        rebuildRouting();
        return children;
    }

    /** Merges two adjacent active routed partitions; both shards close, the child has both as parents. */
    Partition merge(String firstId, String secondId) {
        Partition a = activeRouted(firstId);
        Partition b = activeRouted(secondId);
        if (b.span().isFollowedBy(a.span())) {
            Partition t = a;
            a = b;
            b = t;
        }
        if (!a.span().isFollowedBy(b.span())) {
            throw new IllegalArgumentException(
                    "partitions "
                            + firstId
                            + " "
                            + a.span()
                            + " and "
                            + secondId
                            + " "
                            + b.span()
                            + " are not adjacent");
        }
        KeySpan merged = a.span().mergeWith(b.span());
        retire(a);
        retire(b);
        Partition child = newPartition(merged, List.of(a.id(), b.id()));
        rebuildRouting();
        return child;
    }

    /** A new root shard that no key routes to (see {@link Table#addPinnedPartition}). */
    Partition addPinned() {
        Partition p = newPartition(null, List.of());
        rebuildRouting();
        return p;
    }

    /** The routed partition covering a routing key. */
    Partition route(Object routingKey) {
        for (Partition p : routed) {
            if (p.span().contains(routingKey)) {
                return p;
            }
        }
        throw new IllegalStateException("no partition of " + tableName + " covers " + routingKey);
    }

    /** Split points of the routed partitions (RANGE only; a hash table reports none). */
    List<ColumnValue> splitPoints() {
        List<ColumnValue> points = new ArrayList<>();
        if (scheme == PartitionScheme.RANGE) {
            List<Partition> r = routed;
            for (int i = 1; i < r.size(); i++) {
                points.add(r.get(i).span().lo());
            }
        }
        return points;
    }

    private Partition activeRouted(String id) {
        Partition p = get(id);
        if (p.isPinned() || p.isRetired()) {
            throw new IllegalArgumentException(
                    "partition "
                            + id
                            + " of table "
                            + tableName
                            + (p.isPinned()
                                    ? " is pinned (no key span)"
                                    : " was already split or merged"));
        }
        return p;
    }

    private Partition newPartition(KeySpan span, List<String> parents) {
        String id = "shard-" + nextShardNumber++;
        Partition p = new Partition(id, span, new StreamShard(id, parents, clock.millis()));
        partitions.put(id, p);
        return p;
    }

    private void retire(Partition p) {
        p.retire();
        p.shard().close(clock.millis());
    }

    private void rebuildRouting() {
        List<Partition> active = new ArrayList<>();
        for (Partition p : partitions.values()) {
            if (!p.isPinned() && !p.isRetired()) {
                active.add(p);
            }
        }
        active.sort(Comparator.comparing(Partition::span, KeySpan::compareStart));
        routed = Collections.unmodifiableList(active);
        version++;
    }
}

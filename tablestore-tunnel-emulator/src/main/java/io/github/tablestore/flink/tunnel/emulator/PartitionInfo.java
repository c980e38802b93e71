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

package io.github.tablestore.flink.tunnel.emulator;

import io.github.tablestore.flink.tunnel.emulator.store.Partition;

import java.util.List;

/**
 * A partition of a table and its stream shard (they share the id, which is also the id of the
 * tunnels' stream channel for it). Snapshot, immutable.
 */
public final class PartitionInfo {
    private final String id;
    private final List<String> parents;
    private final String span;
    private final boolean pinned;
    private final boolean retired;
    private final long firstLogIndex;
    private final long endLogIndex;

    PartitionInfo(Partition p) {
        this.id = p.id();
        this.parents = p.shard().parentIds();
        this.span = p.isPinned() ? "pinned" : p.span().toString();
        this.pinned = p.isPinned();
        this.retired = p.isRetired();
        this.firstLogIndex = p.shard().firstIndex();
        this.endLogIndex = p.shard().endIndex();
    }

    /** Partition id = stream shard id = stream channel id. */
    public String id() {
        return id;
    }

    /** Parent shards: one after a split, two after a merge, none otherwise. */
    public List<String> parents() {
        return parents;
    }

    /** The key span as text ({@code [lo, hi)} or {@code hash[lo, hi)}), or {@code pinned}. */
    public String span() {
        return span;
    }

    /** Added by {@link TablestoreEmulator#addPartition}: no key routes here, only addressed writes. */
    public boolean pinned() {
        return pinned;
    }

    /** Split or merged away: its shard is closed. */
    public boolean retired() {
        return retired;
    }

    /** Index of the oldest change still kept in the shard's log. */
    public long firstLogIndex() {
        return firstLogIndex;
    }

    /** Index the next change of the shard's log gets (= changes ever logged). */
    public long endLogIndex() {
        return endLogIndex;
    }

    @Override
    public String toString() {
        return id
                + " "
                + span
                + (parents.isEmpty() ? "" : " <- " + parents)
                + (retired ? " (retired)" : "");
    }
}

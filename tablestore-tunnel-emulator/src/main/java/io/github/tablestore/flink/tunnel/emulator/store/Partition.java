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

import java.util.Objects;

/**
 * A partition of a table and its stream shard (same id). A routed partition owns a {@link KeySpan}
 * of the partition key; a pinned partition (added for tests) owns none and only receives writes
 * addressed to it. A split or merge retires a partition: its shard closes and children take over
 * its span.
 */
public final class Partition {
    private final String id;
    private final KeySpan span;
    private final StreamShard shard;
    private volatile boolean retired;

    Partition(String id, KeySpan span, StreamShard shard) {
        this.id = Objects.requireNonNull(id, "id");
        this.span = span;
        this.shard = Objects.requireNonNull(shard, "shard");
    }

    public String id() {
        return id;
    }

    /** The key span, or {@code null} for a pinned partition. */
    public KeySpan span() {
        return span;
    }

    public boolean isPinned() {
        return span == null;
    }

    public StreamShard shard() {
        return shard;
    }

    /** Split or merged away: takes no more writes. */
    public boolean isRetired() {
        return retired;
    }

    void retire() {
        retired = true;
    }

    @Override
    public String toString() {
        return "Partition{"
                + id
                + (span == null ? " pinned" : " " + span)
                + (retired ? ", retired" : "")
                + "}";
    }
}

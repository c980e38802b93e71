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
        return "Partition{" + id + (span == null ? " pinned" : " " + span) + (retired ? ", retired" : "") + "}";
    }
}

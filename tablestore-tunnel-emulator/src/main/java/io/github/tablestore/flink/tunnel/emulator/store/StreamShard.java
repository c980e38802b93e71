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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A partition's stream shard: an append-only log of changes with absolute indexes. A shard is
 * open while its partition takes writes; a split or merge closes it (its children then continue
 * the key range). Entries older than the retention are trimmed from the front; indexes stay
 * stable, and reading below {@link #firstIndex()} means the log needed has expired.
 *
 * <p>Appends happen under the owning table's lock; reads come from any thread, so the log itself
 * is guarded by this object's monitor (held only to copy references).
 */
public final class StreamShard {
    private final String id;
    private final List<String> parentIds;
    private final long createdMillis;

    private final ArrayList<ChangeLogEntry> entries = new ArrayList<>();

    /** Absolute index of entries.get(0). */
    private long baseIndex;

    private long lastTimestampMicros;
    private boolean closed;
    private long closedMillis;

    StreamShard(String id, List<String> parentIds, long createdMillis) {
        this.id = Objects.requireNonNull(id, "id");
        this.parentIds = List.copyOf(parentIds);
        this.createdMillis = createdMillis;
    }

    public String id() {
        return id;
    }

    /** Parent shards: none for an original shard, one after a split, two after a merge. */
    public List<String> parentIds() {
        return parentIds;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** When the shard was closed, ms since the epoch; 0 while open. */
    public synchronized long closedMillis() {
        return closedMillis;
    }

    /** Index of the oldest retained entry. */
    public synchronized long firstIndex() {
        return baseIndex;
    }

    /** Index the next appended entry gets. */
    public synchronized long endIndex() {
        return baseIndex + entries.size();
    }

    /** Timestamp of the newest entry ever appended, µs (0 when none). */
    public synchronized long lastTimestampMicros() {
        return lastTimestampMicros;
    }

    /**
     * The timestamp for a change logged now: strictly after every earlier entry, so the log
     * order and the sequence-info order agree.
     */
    synchronized long nextTimestampMicros(long nowMicros) {
        return Math.max(nowMicros, lastTimestampMicros + 1);
    }

    synchronized void append(ChangeLogEntry entry) {
        if (closed) {
            throw new IllegalStateException("shard " + id + " is closed");
        }
        if (entry.timestampMicros() <= lastTimestampMicros) {
            throw new IllegalStateException("shard " + id + ": timestamps must increase");
        }
        entries.add(entry);
        lastTimestampMicros = entry.timestampMicros();
    }

    synchronized void close(long nowMillis) {
        if (!closed) {
            closed = true;
            closedMillis = nowMillis;
        }
    }

    /** Drops entries older than {@code cutoffMicros}; returns how many were dropped. */
    synchronized int trimBefore(long cutoffMicros) {
        int n = 0;
        while (n < entries.size() && entries.get(n).timestampMicros() < cutoffMicros) {
            n++;
        }
        if (n > 0) {
            entries.subList(0, n).clear();
            baseIndex += n;
        }
        return n;
    }

    /** Index of the first retained entry with a timestamp at or after {@code micros}. */
    public synchronized long indexAtOrAfter(long micros) {
        int lo = 0;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).timestampMicros() < micros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return baseIndex + lo;
    }

    /**
     * Reads entries from {@code fromIndex}, skipping those before {@code minMicros} and stopping
     * before the first at or after {@code endMicros} (exclusive end offset; {@link Long#MAX_VALUE}
     * for none), bounded by a record count and a byte size (at least one record is served even
     * when it alone is larger).
     *
     * @throws IllegalArgumentException when {@code fromIndex} is beyond the log's end
     * @throws LogExpiredException when {@code fromIndex} has been trimmed
     */
    public ShardRead read(
            long fromIndex, long minMicros, long endMicros, int maxRecords, int maxBytes) {
        return read(fromIndex, minMicros, endMicros, maxRecords, maxBytes, null);
    }

    /**
     * As {@link #read(long, long, long, int, int)}, with the frames a tunnel with these stream
     * record options gets ({@code null}: none, the pre-encoded frames).
     */
    public ShardRead read(
            long fromIndex,
            long minMicros,
            long endMicros,
            int maxRecords,
            int maxBytes,
            RecordImages images) {
        if (images != null) {
            return readWithImages(fromIndex, minMicros, endMicros, maxRecords, maxBytes, images);
        }
        List<byte[]> frames = new ArrayList<>();
        int bytes = 0;
        long last = 0;
        boolean endOffsetReached = false;
        long next;
        long end;
        boolean isClosed;
        synchronized (this) {
            end = baseIndex + entries.size();
            isClosed = closed;
            if (fromIndex < baseIndex) {
                throw new LogExpiredException(id, fromIndex, baseIndex);
            }
            if (fromIndex > end) {
                throw new IllegalArgumentException(
                        "position " + fromIndex + " is beyond the end " + end + " of shard " + id);
            }
            next = fromIndex;
            while (next < end) {
                ChangeLogEntry e = entries.get((int) (next - baseIndex));
                if (e.timestampMicros() >= endMicros) {
                    endOffsetReached = true;
                    break;
                }
                if (e.timestampMicros() < minMicros) {
                    next++;
                    continue;
                }
                if (frames.size() >= maxRecords
                        || (!frames.isEmpty() && bytes + e.frame().length > maxBytes)) {
                    break;
                }
                frames.add(e.frame());
                bytes += e.frame().length;
                last = e.timestampMicros();
                next++;
            }
        }
        boolean drained = endOffsetReached || next == end;
        boolean endReached = endOffsetReached || (isClosed && next == end);
        return new ShardRead(frames, bytes, next, last, drained, endReached);
    }

    /**
     * Picks the entries under the lock and builds their frames outside it (building may encode
     * images), then applies the byte limit. Retained entries are in timestamp order, so the
     * entries served are contiguous from the first at or after {@code minMicros}.
     */
    private ShardRead readWithImages(
            long fromIndex,
            long minMicros,
            long endMicros,
            int maxRecords,
            int maxBytes,
            RecordImages images) {
        List<ChangeLogEntry> picked = new ArrayList<>();
        boolean endOffsetReached = false;
        long next;
        long end;
        boolean isClosed;
        synchronized (this) {
            end = baseIndex + entries.size();
            isClosed = closed;
            if (fromIndex < baseIndex) {
                throw new LogExpiredException(id, fromIndex, baseIndex);
            }
            if (fromIndex > end) {
                throw new IllegalArgumentException(
                        "position " + fromIndex + " is beyond the end " + end + " of shard " + id);
            }
            next = fromIndex;
            while (next < end) {
                ChangeLogEntry e = entries.get((int) (next - baseIndex));
                if (e.timestampMicros() >= endMicros) {
                    endOffsetReached = true;
                    break;
                }
                if (e.timestampMicros() < minMicros) {
                    next++;
                    continue;
                }
                if (picked.size() >= maxRecords) {
                    break;
                }
                picked.add(e);
                next++;
            }
        }
        List<byte[]> frames = new ArrayList<>(picked.size());
        int bytes = 0;
        long last = 0;
        for (int i = 0; i < picked.size(); i++) {
            ChangeLogEntry e = picked.get(i);
            byte[] frame = e.frame(images);
            if (!frames.isEmpty() && bytes + frame.length > maxBytes) {
                next -= picked.size() - i;
                endOffsetReached = false;
                break;
            }
            frames.add(frame);
            bytes += frame.length;
            last = e.timestampMicros();
        }
        boolean drained = endOffsetReached || next == end;
        boolean endReached = endOffsetReached || (isClosed && next == end);
        return new ShardRead(frames, bytes, next, last, drained, endReached);
    }

    /** Number of retained entries. */
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized String toString() {
        return "StreamShard{"
                + id
                + (parentIds.isEmpty() ? "" : " <- " + parentIds)
                + (closed ? ", closed" : "")
                + ", ["
                + baseIndex
                + ", "
                + (baseIndex + entries.size())
                + ")}";
    }
}

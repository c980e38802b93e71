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
import io.github.tablestore.flink.tunnel.client.record.ValueType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The part of the partition-key space a partition owns: {@code [lo, hi)} of the key's value
 * ({@link PartitionScheme#RANGE}, bounds may be INF_MIN/INF_MAX) or of its hash
 * ({@link PartitionScheme#HASH}, {@code [0, 2^32)} in total). Immutable.
 */
public final class KeySpan {
    /** Size of the hash space. */
    public static final long HASH_SPACE = 1L << 32;

    private final PartitionScheme scheme;
    private final ColumnValue lo;
    private final ColumnValue hi;
    private final long hashLo;
    private final long hashHi;

    private KeySpan(
            PartitionScheme scheme, ColumnValue lo, ColumnValue hi, long hashLo, long hashHi) {
        this.scheme = scheme;
        this.lo = lo;
        this.hi = hi;
        this.hashLo = hashLo;
        this.hashHi = hashHi;
    }

    public static KeySpan range(ColumnValue lo, ColumnValue hi) {
        Objects.requireNonNull(lo, "lo");
        Objects.requireNonNull(hi, "hi");
        if (lo.compareTo(hi) >= 0) {
            throw new IllegalArgumentException("empty key range [" + lo + ", " + hi + ")");
        }
        return new KeySpan(PartitionScheme.RANGE, lo, hi, 0, 0);
    }

    public static KeySpan hash(long lo, long hi) {
        if (lo < 0 || hi > HASH_SPACE || lo >= hi) {
            throw new IllegalArgumentException("bad hash range [" + lo + ", " + hi + ")");
        }
        return new KeySpan(PartitionScheme.HASH, null, null, lo, hi);
    }

    /** Routing key of a partition-key value under a scheme: the value itself, or its hash. */
    public static Object routingKey(PartitionScheme scheme, ColumnValue partitionKey) {
        return scheme == PartitionScheme.RANGE ? partitionKey : (Object) hashOf(partitionKey);
    }

    /**
     * A stable 32-bit hash of a partition-key value: CRC32 of its type and bytes, mixed so that
     * neighbouring integers land far apart. Same value, same hash, across runs and machines.
     */
    public static long hashOf(ColumnValue v) {
        CRC32 crc = new CRC32();
        crc.update(v.type().ordinal());
        if (v.type() == ValueType.INTEGER) {
            crc.update(
                    ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, v.asLong()));
        } else if (v.type() == ValueType.STRING || v.type() == ValueType.BINARY) {
            byte[] b = new byte[v.byteLength()];
            v.copyBytesTo(b, 0);
            crc.update(b);
        }
        int h = (int) crc.getValue();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & 0xFFFFFFFFL;
    }

    public PartitionScheme scheme() {
        return scheme;
    }

    /** Range start (RANGE only). */
    public ColumnValue lo() {
        return lo;
    }

    /** Range end, exclusive (RANGE only). */
    public ColumnValue hi() {
        return hi;
    }

    public long hashLo() {
        return hashLo;
    }

    public long hashHi() {
        return hashHi;
    }

    public boolean contains(Object routingKey) {
        if (scheme == PartitionScheme.RANGE) {
            ColumnValue v = (ColumnValue) routingKey;
            return lo.compareTo(v) <= 0 && v.compareTo(hi) < 0;
        }
        long h = (Long) routingKey;
        return hashLo <= h && h < hashHi;
    }

    /** Whether rows with this routing key sort after the whole span (RANGE), ending a scan. */
    public boolean isPast(Object routingKey) {
        return scheme == PartitionScheme.RANGE && ((ColumnValue) routingKey).compareTo(hi) >= 0;
    }

    /** The two halves of this span around {@code point} (a value or a hash, by scheme). */
    public KeySpan[] splitAt(Object point) {
        if (!contains(point)
                || (scheme == PartitionScheme.RANGE ? lo.equals(point) : hashLo == (Long) point)) {
            throw new IllegalArgumentException("split point " + point + " is not inside " + this);
        }
        if (scheme == PartitionScheme.RANGE) {
            ColumnValue p = (ColumnValue) point;
            return new KeySpan[] {range(lo, p), range(p, hi)};
        }
        long p = (Long) point;
        return new KeySpan[] {hash(hashLo, p), hash(p, hashHi)};
    }

    /** Whether {@code next} starts where this span ends. */
    public boolean isFollowedBy(KeySpan next) {
        if (scheme != next.scheme) {
            return false;
        }
        return scheme == PartitionScheme.RANGE ? hi.equals(next.lo) : hashHi == next.hashLo;
    }

    /** The union of this span and the adjacent {@code next}. */
    public KeySpan mergeWith(KeySpan next) {
        if (!isFollowedBy(next)) {
            throw new IllegalArgumentException(this + " and " + next + " are not adjacent");
        }
        return scheme == PartitionScheme.RANGE ? range(lo, next.hi) : hash(hashLo, next.hashHi);
    }

    /** Start of the span, for ordering spans of one table. */
    int compareStart(KeySpan other) {
        return scheme == PartitionScheme.RANGE
                ? lo.compareTo(other.lo)
                : Long.compare(hashLo, other.hashLo);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KeySpan)) {
            return false;
        }
        KeySpan k = (KeySpan) o;
        return scheme == k.scheme
                && Objects.equals(lo, k.lo)
                && Objects.equals(hi, k.hi)
                && hashLo == k.hashLo
                && hashHi == k.hashHi;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, lo, hi, hashLo, hashHi);
    }

    @Override
    public String toString() {
        return scheme == PartitionScheme.RANGE
                ? "[" + lo + ", " + hi + ")"
                : "hash[" + hashLo + ", " + hashHi + ")";
    }
}

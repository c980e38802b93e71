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

package io.github.tablestore.flink.tunnel.client.record;

/**
 * Position of a stream record in its shard: epoch, log timestamp, and index among records with the
 * same timestamp. Ordered by (epoch, timestamp, rowIndex), each compared as a signed number.
 */
public final class SequenceInfo implements Comparable<SequenceInfo> {
    private final int epoch;
    private final long timestamp;
    private final int rowIndex;

    public SequenceInfo(int epoch, long timestamp, int rowIndex) {
        this.epoch = epoch;
        this.timestamp = timestamp;
        this.rowIndex = rowIndex;
    }

    public int epoch() {
        return epoch;
    }

    /** Log time of the change as the server reports it (not interpreted by this client). */
    public long timestamp() {
        return timestamp;
    }

    public int rowIndex() {
        return rowIndex;
    }

    @Override
    public int compareTo(SequenceInfo other) {
        int c = Integer.compare(epoch, other.epoch);
        if (c == 0) {
            c = Long.compare(timestamp, other.timestamp);
        }
        if (c == 0) {
            c = Integer.compare(rowIndex, other.rowIndex);
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SequenceInfo)) {
            return false;
        }
        SequenceInfo other = (SequenceInfo) o;
        return epoch == other.epoch && timestamp == other.timestamp && rowIndex == other.rowIndex;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * epoch + Long.hashCode(timestamp)) + rowIndex;
    }

    /**
     * {@code epoch:timestamp:rowIndex} in fixed-width hex, which sorts like {@link #compareTo}
     * for non-negative parts.
     */
    @Override
    public String toString() {
        return String.format("%08x:%016x:%08x", epoch, timestamp, rowIndex);
    }
}

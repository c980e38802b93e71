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

import java.util.List;

/** A slice of a stream shard's log, as one ReadRecords batch serves it. */
public final class ShardRead {
    private final List<byte[]> frames;
    private final int bytes;
    private final long nextIndex;
    private final long lastTimestampMicros;
    private final boolean drained;
    private final boolean endReached;

    ShardRead(
            List<byte[]> frames,
            int bytes,
            long nextIndex,
            long lastTimestampMicros,
            boolean drained,
            boolean endReached) {
        this.frames = frames;
        this.bytes = bytes;
        this.nextIndex = nextIndex;
        this.lastTimestampMicros = lastTimestampMicros;
        this.drained = drained;
        this.endReached = endReached;
    }

    /** Pre-encoded record frames, in log order. */
    public List<byte[]> frames() {
        return frames;
    }

    /** Total size of {@link #frames()}. */
    public int bytes() {
        return bytes;
    }

    /** Log index to continue from. */
    public long nextIndex() {
        return nextIndex;
    }

    /** Timestamp of the last frame served, or 0 when none was. */
    public long lastTimestampMicros() {
        return lastTimestampMicros;
    }

    /** No entry was left behind: the read caught up with the log's current end (or the end offset). */
    public boolean drained() {
        return drained;
    }

    /**
     * Nothing more will ever be served from {@link #nextIndex()}: the shard is closed and fully
     * read, or the end offset was reached.
     */
    public boolean endReached() {
        return endReached;
    }
}

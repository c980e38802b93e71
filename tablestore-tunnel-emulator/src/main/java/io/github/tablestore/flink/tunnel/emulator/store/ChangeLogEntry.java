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

import io.github.tablestore.flink.tunnel.client.record.RecordAction;

/**
 * One change in a stream shard's log, encoded once when written: {@link #frame()} is the complete
 * {@code records} field of a ReadRecords response (tag, length and {@code Record} message with
 * PlainBuffer row, sequence info and origin columns), so serving a batch is concatenating frames.
 *
 * <p>For tunnels with stream record options the entry also keeps what their images need: the row
 * before and after the change (immutable row versions, shared with the table and with the
 * neighbouring entries of the same row) and the names the change wrote and removed. Tunnels may
 * be created after the write, so these are kept on every entry; the frame with images is built
 * when it is read, and not kept: a tunnel reads each change about once, and a cached copy per
 * entry would double the log's memory.
 */
public final class ChangeLogEntry {
    static final String[] NO_NAMES = new String[0];

    private final RecordAction action;
    private final long timestampMicros;
    private final byte[] frame;
    private final StoredRow before;
    private final StoredRow after;
    private final String[] written;
    private final String[] removed;

    /**
     * @param before the row before the change, {@code null} when there was none
     * @param after the row after the change, {@code null} for a delete
     * @param written the columns the change put (an increment puts its sum)
     * @param removed the columns the change deleted a version or all versions of
     */
    ChangeLogEntry(
            RecordAction action,
            long timestampMicros,
            byte[] frame,
            StoredRow before,
            StoredRow after,
            String[] written,
            String[] removed) {
        this.action = action;
        this.timestampMicros = timestampMicros;
        this.frame = frame;
        this.before = before;
        this.after = after;
        this.written = written;
        this.removed = removed;
    }

    public RecordAction action() {
        return action;
    }

    /** Log time of the change (the sequence-info timestamp), µs since the epoch. */
    public long timestampMicros() {
        return timestampMicros;
    }

    /** The pre-encoded {@code ReadRecordsResponse.records} field; never modify. */
    public byte[] frame() {
        return frame;
    }

    /**
     * The {@code records} field as a tunnel with these options gets it; never modify.
     *
     * @param images the tunnel's options, {@code null} for none ({@link #frame()})
     */
    public byte[] frame(RecordImages images) {
        if (images == null) {
            return frame;
        }
        return ImageFrames.build(this, images);
    }

    StoredRow before() {
        return before;
    }

    StoredRow after() {
        return after;
    }

    String[] written() {
        return written;
    }

    String[] removed() {
        return removed;
    }
}

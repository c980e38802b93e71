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

package io.github.tablestore.flink.tunnel.client.model;

import io.github.tablestore.flink.tunnel.client.record.RecordAction;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One record of a ReadRecords response, not yet decoded: its action and the PlainBuffer bytes of
 * the row and, when the table's stream keeps them, of the before-image columns. The buffers are
 * read-only views into the response body (no copy); decode them with the PlainBuffer decoder.
 */
public final class RawRecord {
    private final RecordAction action;
    private final ByteBuffer record;
    private final ByteBuffer originRecord;
    private final ByteBuffer latestRecord;

    public RawRecord(RecordAction action, ByteBuffer record, ByteBuffer originRecord) {
        this(action, record, originRecord, null);
    }

    /**
     * @param latestRecord PlainBuffer row of the after-image, {@code null} when the record has
     *     none (the tunnel was created without one)
     */
    public RawRecord(
            RecordAction action,
            ByteBuffer record,
            ByteBuffer originRecord,
            ByteBuffer latestRecord) {
        this.action = Objects.requireNonNull(action, "action");
        this.record = Objects.requireNonNull(record, "record");
        this.originRecord = originRecord;
        this.latestRecord = latestRecord;
    }

    public RecordAction action() {
        return action;
    }

    /** PlainBuffer row; a fresh duplicate each call, so callers may move its position freely. */
    public ByteBuffer record() {
        return record.duplicate();
    }

    /** PlainBuffer origin row, or {@code null} when the record has none. */
    public ByteBuffer originRecord() {
        return originRecord == null ? null : originRecord.duplicate();
    }

    /** PlainBuffer after-image row, or {@code null} when the record has none. */
    public ByteBuffer latestRecord() {
        return latestRecord == null ? null : latestRecord.duplicate();
    }

    /** Size of the encoded row plus origin and latest rows in bytes. */
    public int encodedSize() {
        return record.remaining()
                + (originRecord == null ? 0 : originRecord.remaining())
                + (latestRecord == null ? 0 : latestRecord.remaining());
    }
}

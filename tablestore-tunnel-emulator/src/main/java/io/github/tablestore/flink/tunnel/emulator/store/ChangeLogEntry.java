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
 */
public final class ChangeLogEntry {
    private final RecordAction action;
    private final long timestampMicros;
    private final byte[] frame;

    public ChangeLogEntry(RecordAction action, long timestampMicros, byte[] frame) {
        this.action = action;
        this.timestampMicros = timestampMicros;
        this.frame = frame;
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
}

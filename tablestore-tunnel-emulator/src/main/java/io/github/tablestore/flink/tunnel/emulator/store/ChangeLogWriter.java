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

import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferEncoder;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.CellOperation;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.emulator.EmulatorClock;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends a write to a stream shard as the record ReadRecords will serve: encoded once, at write
 * time, with the sequence info and, when the stream keeps them, the before-image of the origin
 * columns.
 */
final class ChangeLogWriter {
    /** Epoch of the sequence info of every change this emulator logs. */
    static final int SEQUENCE_EPOCH = 1;

    private final EmulatorClock clock;

    ChangeLogWriter(EmulatorClock clock) {
        this.clock = clock;
    }

    /**
     * @param cells the cells as written (empty for a delete)
     * @param old the row before the write (null: none), for the origin columns
     * @param updated the row after the write (null: deleted), kept for after-images
     * @param originColumns the columns whose before-image the stream keeps (empty: none)
     */
    void log(
            StreamShard shard,
            RecordAction action,
            PrimaryKey key,
            List<Cell> cells,
            StoredRow old,
            StoredRow updated,
            List<String> originColumns) {
        long ts = shard.nextTimestampMicros(clock.micros());
        boolean deleteMarker = action == RecordAction.DELETE_ROW;
        Row record =
                new Row(
                        key,
                        deleteMarker ? List.of() : cells,
                        deleteMarker,
                        new SequenceInfo(SEQUENCE_EPOCH, ts, 0));
        byte[] origin = null;
        if (!originColumns.isEmpty()) {
            List<Cell> before = new ArrayList<>();
            if (old != null) {
                for (String name : originColumns) {
                    List<Version> vs = old.versions(name);
                    if (!vs.isEmpty()) {
                        before.add(Cell.put(name, vs.get(0).value, vs.get(0).timestamp));
                    }
                }
            }
            origin = PlainBufferEncoder.encodeImageColumns(before);
        }
        byte[] frame = RecordFrames.frame(action, PlainBufferEncoder.encodeRow(record), origin);
        if (updated != null) {
            // Encoded with the write, as the stream log keeps it, so that serving full images to
            // a tunnel later costs a copy rather than an encoding (and no long-lived allocation
            // while a tunnel reads).
            updated.fullImage();
        }
        int puts = 0;
        for (Cell c : cells) {
            if (c.operation() == CellOperation.PUT) {
                puts++;
            }
        }
        String[] written = puts == 0 ? ChangeLogEntry.NO_NAMES : new String[puts];
        String[] removed =
                puts == cells.size() ? ChangeLogEntry.NO_NAMES : new String[cells.size() - puts];
        int w = 0;
        int r = 0;
        for (Cell c : cells) {
            if (c.operation() == CellOperation.PUT) {
                written[w++] = c.name();
            } else {
                removed[r++] = c.name();
            }
        }
        shard.append(new ChangeLogEntry(action, ts, frame, old, updated, written, removed));
    }
}

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

package io.github.tablestore.flink.tunnel.client.plainbuffer;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.CellOperation;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Encodes rows, primary keys and tunnel records as PlainBuffer, byte-identical to the official
 * Java SDK's writer for the same content. Each method computes the exact size first and writes
 * into one array of that size; the {@code *Size} methods expose that size without encoding.
 * Thread-safe (stateless).
 */
public final class PlainBufferEncoder {
    private static final int HEADER_SIZE = 4;

    private PlainBufferEncoder() {}

    /** Header plus one row (cells, delete marker and sequence-info extension as the row has them). */
    public static byte[] encodeRow(Row row) {
        checkPrimaryKey(row.primaryKey());
        PlainBufferWriter w = new PlainBufferWriter(rowSize(row));
        w.header();
        writeRow(w, row);
        return w.finish();
    }

    /** Encoded size of {@link #encodeRow(Row)}'s result. */
    public static long rowSize(Row row) {
        return HEADER_SIZE + bodySize(row);
    }

    /** One header followed by the rows; no rows encode to an empty array (what GetRange returns). */
    public static byte[] encodeRows(List<Row> rows) {
        if (rows.isEmpty()) {
            return new byte[0];
        }
        for (Row row : rows) {
            checkPrimaryKey(row.primaryKey());
        }
        PlainBufferWriter w = new PlainBufferWriter(rowsSize(rows));
        w.header();
        for (Row row : rows) {
            writeRow(w, row);
        }
        return w.finish();
    }

    /** Encoded size of {@link #encodeRows(List)}'s result. */
    public static long rowsSize(List<Row> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        long size = HEADER_SIZE;
        for (Row row : rows) {
            size += bodySize(row);
        }
        return size;
    }

    /** Header plus a row holding only {@code primaryKey} (as in tokens and GetRange bounds). */
    public static byte[] encodePrimaryKey(PrimaryKey primaryKey) {
        checkPrimaryKey(primaryKey);
        List<Cell> none = Collections.emptyList();
        PlainBufferWriter w =
                new PlainBufferWriter(
                        HEADER_SIZE + PlainBufferWriter.rowSize(primaryKey, none, false, null));
        w.header();
        w.row(primaryKey, none, false, null);
        return w.finish();
    }

    /**
     * The {@code record} bytes of a tunnel record: header plus one row with the primary key and
     * columns, a delete marker for {@link RecordAction#DELETE_ROW}, and the sequence-info
     * extension when the record has sequence info. Origin columns are encoded separately by
     * {@link #encodeImageColumns(List)}.
     */
    public static byte[] encodeRecord(TunnelRecord record) {
        checkPrimaryKey(record.primaryKey());
        PlainBufferWriter w = new PlainBufferWriter(recordSize(record));
        w.header();
        w.row(record.primaryKey(), record.columns(), deletes(record), record.sequenceInfo());
        return w.finish();
    }

    /** Encoded size of {@link #encodeRecord(TunnelRecord)}'s result. */
    public static long recordSize(TunnelRecord record) {
        return HEADER_SIZE
                + PlainBufferWriter.rowSize(
                        record.primaryKey(),
                        record.columns(),
                        deletes(record),
                        record.sequenceInfo());
    }

    /**
     * The {@code origin_record} or {@code latest_record} bytes of a tunnel record's before- or
     * after-image: header plus one row with an empty primary-key section and the given cells, which follow the tunnel rules (a PUT has a
     * timestamp; no INCREMENT).
     */
    public static byte[] encodeImageColumns(List<Cell> columns) {
        for (Cell cell : columns) {
            if (cell.operation() == CellOperation.INCREMENT
                    || (cell.operation() == CellOperation.PUT && !cell.hasTimestamp())) {
                throw new IllegalArgumentException(
                        "Image column '" + cell.name() + "' breaks the tunnel rules: " + cell);
            }
        }
        PlainBufferWriter w = new PlainBufferWriter(imageColumnsSize(columns));
        w.header();
        w.row(PrimaryKey.of(), columns, false, null);
        return w.finish();
    }

    /** Encoded size of {@link #encodeImageColumns(List)}'s result. */
    public static long imageColumnsSize(List<Cell> columns) {
        return HEADER_SIZE + PlainBufferWriter.rowSize(PrimaryKey.of(), columns, false, null);
    }

    private static long bodySize(Row row) {
        return PlainBufferWriter.rowSize(
                row.primaryKey(), row.cells(), row.deleteMarker(), row.sequenceInfo());
    }

    private static boolean deletes(TunnelRecord record) {
        return record.action() == RecordAction.DELETE_ROW;
    }

    private static void writeRow(PlainBufferWriter w, Row row) {
        w.row(row.primaryKey(), row.cells(), row.deleteMarker(), row.sequenceInfo());
    }

    private static void checkPrimaryKey(PrimaryKey primaryKey) {
        Objects.requireNonNull(primaryKey, "primaryKey");
        if (primaryKey.isEmpty()) {
            throw new IllegalArgumentException("A row needs a non-empty primary key");
        }
    }
}

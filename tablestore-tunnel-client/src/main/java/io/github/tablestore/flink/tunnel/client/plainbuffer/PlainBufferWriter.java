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
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;

import java.util.List;

import static io.github.tablestore.flink.tunnel.client.plainbuffer.Wire.*;

/**
 * Writes rows into a byte array sized exactly by the matching {@code size} methods. Cell field
 * order on the wire is name, value, operation, timestamp, checksum; the checksum covers name,
 * value, timestamp, then operation.
 */
final class PlainBufferWriter {
    private final byte[] out;
    private int pos;

    PlainBufferWriter(long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "Encoded size " + size + " exceeds the maximum array size");
        }
        this.out = new byte[(int) size];
    }

    byte[] finish() {
        if (pos != out.length) {
            throw new IllegalStateException(
                    "Encoded " + pos + " bytes into a buffer of " + out.length);
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------
    // Sizes

    /** Encoded size of a row without header; a long because many large cells can exceed 2 GiB. */
    static long rowSize(
            PrimaryKey primaryKey, List<Cell> cells, boolean deleteMarker, SequenceInfo seq) {
        long size = 1; // ROW_PK
        for (int i = 0; i < primaryKey.size(); i++) {
            PrimaryKeyColumn column = primaryKey.get(i);
            size += cellSize(column.name(), column.value(), false, false);
        }
        if (!cells.isEmpty()) {
            size += 1; // ROW_DATA
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                size += cellSize(cell.name(), cell.value(), opByte(cell) >= 0, cell.hasTimestamp());
            }
        }
        if (deleteMarker) {
            size += 1;
        }
        if (seq != null) {
            size += 1 + 4 + EXTENSION_LENGTH;
        }
        return size + 2; // ROW_CHECKSUM + checksum
    }

    private static int cellSize(String name, ColumnValue value, boolean hasOp, boolean hasTs) {
        int size = 1 + 1 + 4 + Utf8.length(name); // CELL, CELL_NAME, length, name
        if (value != null) {
            size += 1 + 4 + valueSize(value); // CELL_VALUE, length, value
        }
        if (hasOp) {
            size += 2;
        }
        if (hasTs) {
            size += 1 + 8;
        }
        return size + 2; // CELL_CHECKSUM + checksum
    }

    /** Bytes of a value after its length prefix: type byte plus payload. */
    private static int valueSize(ColumnValue value) {
        switch (value.type()) {
            case INTEGER:
            case DOUBLE:
                return 1 + 8;
            case BOOLEAN:
                return 2;
            case STRING:
            case BINARY:
                return 1 + 4 + value.byteLength();
            default:
                return 1;
        }
    }

    /** The operation byte a cell carries on the wire, or -1 for PUT (which has none). */
    static int opByte(Cell cell) {
        switch (cell.operation()) {
            case DELETE_ONE_VERSION:
                return OP_DELETE_ONE_VERSION;
            case DELETE_ALL_VERSIONS:
                return OP_DELETE_ALL_VERSIONS;
            case INCREMENT:
                return OP_INCREMENT;
            default:
                return -1;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Writing

    void header() {
        int32(HEADER);
    }

    void row(PrimaryKey primaryKey, List<Cell> cells, boolean deleteMarker, SequenceInfo seq) {
        int rowCrc = 0;
        byte1(TAG_ROW_PK);
        for (int i = 0; i < primaryKey.size(); i++) {
            PrimaryKeyColumn column = primaryKey.get(i);
            rowCrc =
                    Crc8.updateByte(
                            rowCrc, cell(column.name(), column.value(), -1, Cell.NO_TIMESTAMP));
        }
        if (!cells.isEmpty()) {
            byte1(TAG_ROW_DATA);
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                rowCrc =
                        Crc8.updateByte(
                                rowCrc, cell(c.name(), c.value(), opByte(c), c.timestamp()));
            }
        }
        if (deleteMarker) {
            byte1(TAG_DELETE_ROW_MARKER);
        }
        if (seq != null) {
            byte1(TAG_EXTENSION);
            int32(EXTENSION_LENGTH);
            byte1(TAG_SEQ_INFO);
            int32(SEQ_INFO_LENGTH);
            byte1(TAG_SEQ_INFO_EPOCH);
            int32(seq.epoch());
            byte1(TAG_SEQ_INFO_TS);
            int64(seq.timestamp());
            byte1(TAG_SEQ_INFO_ROW_INDEX);
            int32(seq.rowIndex());
        }
        rowCrc = Crc8.updateByte(rowCrc, deleteMarker ? 1 : 0);
        byte1(TAG_ROW_CHECKSUM);
        byte1(rowCrc);
    }

    /** Writes one cell and returns its checksum. */
    private int cell(String name, ColumnValue value, int op, long timestamp) {
        byte1(TAG_CELL);
        byte1(TAG_CELL_NAME);
        int lengthAt = pos;
        pos += 4;
        int nameStart = pos;
        pos = Utf8.encode(name, out, pos);
        putInt32(lengthAt, pos - nameStart);
        int crc = Crc8.update(0, out, nameStart, pos - nameStart);
        if (value != null) {
            byte1(TAG_CELL_VALUE);
            int size = valueSize(value);
            int32(size);
            int valueStart = pos;
            value(value);
            crc = Crc8.update(crc, out, valueStart, size);
        }
        if (op >= 0) {
            byte1(TAG_CELL_TYPE);
            byte1(op);
        }
        if (timestamp != Cell.NO_TIMESTAMP) {
            byte1(TAG_CELL_TIMESTAMP);
            int64(timestamp);
            crc = Crc8.updateLong(crc, timestamp);
        }
        if (op >= 0) {
            crc = Crc8.updateByte(crc, op);
        }
        byte1(TAG_CELL_CHECKSUM);
        byte1(crc);
        return crc;
    }

    private void value(ColumnValue value) {
        switch (value.type()) {
            case INTEGER:
                byte1(VT_INTEGER);
                int64(value.asLong());
                break;
            case DOUBLE:
                byte1(VT_DOUBLE);
                int64(Double.doubleToRawLongBits(value.asDouble()));
                break;
            case BOOLEAN:
                byte1(VT_BOOLEAN);
                byte1(value.asBoolean() ? 1 : 0);
                break;
            case STRING:
                byte1(VT_STRING);
                bytes(value);
                break;
            case BINARY:
                byte1(VT_BLOB);
                bytes(value);
                break;
            case INF_MIN:
                byte1(VT_INF_MIN);
                break;
            case INF_MAX:
                byte1(VT_INF_MAX);
                break;
            case AUTO_INCREMENT:
                byte1(VT_AUTO_INCREMENT);
                break;
            default:
                throw new AssertionError(value.type());
        }
    }

    private void bytes(ColumnValue value) {
        int length = value.byteLength();
        int32(length);
        value.copyBytesTo(out, pos);
        pos += length;
    }

    private void byte1(int b) {
        out[pos++] = (byte) b;
    }

    private void int32(int v) {
        putInt32(pos, v);
        pos += 4;
    }

    private void putInt32(int at, int v) {
        out[at] = (byte) v;
        out[at + 1] = (byte) (v >>> 8);
        out[at + 2] = (byte) (v >>> 16);
        out[at + 3] = (byte) (v >>> 24);
    }

    private void int64(long v) {
        for (int i = 0; i < 8; i++) {
            out[pos++] = (byte) v;
            v >>>= 8;
        }
    }
}

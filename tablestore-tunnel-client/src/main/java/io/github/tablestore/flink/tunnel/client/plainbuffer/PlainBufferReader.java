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
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static io.github.tablestore.flink.tunnel.client.plainbuffer.Wire.*;

/**
 * Cursor over one PlainBuffer and the row grammar. Every read is bounds-checked against the
 * buffer's limit before it happens, and every length field is checked against the bytes that
 * remain, so corrupt input ends in a {@link PlainBufferException} and never in an out-of-bounds
 * read or an allocation sized by the input. Each loop consumes at least one byte per iteration.
 *
 * <p>Parsing runs over a byte array: the buffer's own when it exposes one, otherwise (read-only
 * views of response bodies) a copy in a reused scratch array — one bulk copy is much cheaper than
 * the bounds-checked buffer access per byte it saves. Positions ({@code pos}, value offsets,
 * error offsets) stay in the buffer's coordinates, so values still alias the caller's buffer.
 *
 * <p>A reader is reusable (state is reset per buffer) and not thread-safe. Its scratch lists are
 * reused between rows, so callers copy what they keep (the model's constructors do).
 *
 * <p>It is one class of about 600 lines on purpose: the decoder's hot loop reads fields, checks
 * checksums and materializes cells over one shared cursor, and splitting it would put a call
 * and a bounds check back on every byte (see docs/plainbuffer.md and docs/performance.md).
 */
final class PlainBufferReader {
    /** What the data cells of a row must look like. */
    enum CellRules {
        /** Data-plane rows: PUT [ts], DELETE_ONE_VERSION ts, DELETE_ALL_VERSIONS, INCREMENT int. */
        ROW,
        /** Tunnel records: PUT value+ts, DELETE_ONE_VERSION ts, DELETE_ALL_VERSIONS; nothing else. */
        TUNNEL
    }

    private static final int NO_VALUE = -1;
    private static final int NO_OP = -1;
    private static final int MAX_NAME_CHARS_IN_MESSAGE = 64;

    /** A scratch copy larger than this is dropped after its record, lest one huge row pin it. */
    private static final int MAX_KEPT_SCRATCH = 64 * 1024;

    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final NameCache names;
    private final ArrayList<PrimaryKeyColumn> primaryKey = new ArrayList<>();
    private final ArrayList<Cell> cells = new ArrayList<>();

    private ByteBuffer buf;

    /** The bytes parsed: position {@code p} of {@code buf} is {@code bytes[p + shift]}. */
    private byte[] bytes;

    private int shift;
    private byte[] scratch = new byte[0];
    private int start;
    private int pos;
    private int limit;
    private String context;

    // Fields of the cell parsed last (flat, so parsing a skipped cell allocates nothing).
    private int cellStart;
    private int nameOff;
    private int nameLen;
    private int nameHash;
    private int valueType;
    private long valueBits;
    private int bytesOff;
    private int bytesLen;
    private int op;
    private long timestamp;
    private int cellCrc;

    // Results of the row parsed last.
    private boolean deleteMarker;
    private SequenceInfo sequenceInfo;

    /** @param names a cache for column names, or {@code null} to decode every name afresh. */
    PlainBufferReader(NameCache names) {
        this.names = names;
    }

    /**
     * Starts reading {@code buffer} from its position to its limit. The buffer's byte order is set
     * to little-endian: pass a duplicate you own. {@code context} names the buffer in messages
     * (e.g. "origin record"), or is {@code null}.
     */
    void begin(ByteBuffer buffer, String context) {
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        this.buf = buffer;
        this.start = buffer.position();
        this.pos = start;
        this.limit = buffer.limit();
        this.context = context;
        if (buffer.hasArray()) {
            bytes = buffer.array();
            shift = buffer.arrayOffset();
        } else {
            int length = limit - start;
            if (scratch.length < length) {
                scratch =
                        new byte
                                [Math.max(
                                        length,
                                        Math.min(2 * scratch.length, Integer.MAX_VALUE - 8))];
            }
            ByteBuffer view = buffer.duplicate();
            view.get(scratch, 0, length); // position is start, so scratch[0] is buffer[start]
            bytes = scratch;
            shift = -start;
        }
    }

    /** Lets go of the buffer, of values that alias it and, when it was large, of the scratch copy. */
    void end() {
        buf = null;
        bytes = null;
        primaryKey.clear();
        cells.clear();
        sequenceInfo = null;
        if (scratch.length > MAX_KEPT_SCRATCH) {
            scratch = new byte[0];
        }
    }

    boolean atEnd() {
        return pos >= limit;
    }

    boolean isEmpty() {
        return limit == start;
    }

    void readHeader() {
        need(4, "header");
        int header = intAt(pos);
        if (header != HEADER) {
            throw fail(
                    pos,
                    "Bad header",
                    String.format("expected 0x%08x, found 0x%08x", HEADER, header));
        }
        pos += 4;
    }

    void expectEnd(String what) {
        if (pos < limit) {
            throw fail(pos, (limit - pos) + " trailing bytes after " + what, null);
        }
    }

    List<PrimaryKeyColumn> primaryKey() {
        return primaryKey;
    }

    List<Cell> cells() {
        return cells;
    }

    boolean deleteMarker() {
        return deleteMarker;
    }

    SequenceInfo sequenceInfo() {
        return sequenceInfo;
    }

    /**
     * Parses one row at the cursor into {@link #primaryKey()}, {@link #cells()}, {@link
     * #deleteMarker()} and {@link #sequenceInfo()}.
     *
     * @param withPrimaryKey true: the row must have a non-empty primary key, which is decoded;
     *     false (origin records): the primary-key section is optional and only verified
     * @param filter which data cells to materialize; {@code null} means all
     */
    void readRow(boolean withPrimaryKey, CellRules rules, ColumnFilter filter) {
        primaryKey.clear();
        cells.clear();
        deleteMarker = false;
        sequenceInfo = null;
        int rowStart = pos;
        int rowCrc = 0;

        int tag = peekTag();
        if (tag == TAG_ROW_PK) {
            pos++;
            while (peekTag() == TAG_CELL) {
                readCell();
                rowCrc = Crc8.updateByte(rowCrc, cellCrc);
                checkPrimaryKeyCell();
                if (withPrimaryKey) {
                    primaryKey.add(new PrimaryKeyColumn(name(), value()));
                }
            }
            if (withPrimaryKey && primaryKey.isEmpty()) {
                throw fail(rowStart, "Row has an empty primary key", null);
            }
        } else if (withPrimaryKey) {
            throw unexpectedTag(pos, tag, "ROW_PK");
        }

        if (peekTag() == TAG_ROW_DATA) {
            pos++;
            boolean all = filter == null || filter.includesAll();
            while (peekTag() == TAG_CELL) {
                readCell();
                rowCrc = Crc8.updateByte(rowCrc, cellCrc);
                CellOperation operation = checkDataCell(rules);
                if (all || filter.includes(bytes, nameOff + shift, nameLen, nameHash)) {
                    cells.add(
                            new Cell(
                                    name(),
                                    valueType == NO_VALUE ? null : value(),
                                    operation,
                                    timestamp));
                }
            }
        }

        if (peekTag() == TAG_DELETE_ROW_MARKER) {
            pos++;
            deleteMarker = true;
        }
        if (peekTag() == TAG_EXTENSION) {
            readExtension();
        }

        tag = peekTag();
        if (tag != TAG_ROW_CHECKSUM) {
            throw unexpectedTag(
                    pos,
                    tag,
                    withPrimaryKey && primaryKey.isEmpty()
                            ? "ROW_PK"
                            : "CELL, ROW_DATA, DELETE_ROW_MARKER, EXTENSION or ROW_CHECKSUM");
        }
        pos++;
        rowCrc = Crc8.updateByte(rowCrc, deleteMarker ? 1 : 0);
        need(1, "row checksum");
        int stored = byteAt(pos) & 0xFF;
        if (stored != rowCrc) {
            throw fail(
                    pos,
                    "CRC mismatch in row",
                    "expected " + hex(rowCrc) + ", found " + hex(stored));
        }
        pos++;
    }

    // ---------------------------------------------------------------------------------------
    // Cells

    /** Parses the cell at the cursor into the flat cell fields and verifies its checksum. */
    private void readCell() {
        cellStart = pos;
        pos++; // TAG_CELL, peeked by the caller
        int tag = peekTag();
        if (tag != TAG_CELL_NAME) {
            throw unexpectedTag(pos, tag, "CELL_NAME");
        }
        pos++;
        nameLen = readLength("cell name");
        nameOff = pos;
        int crc = Crc8.update(0, bytes, nameOff + shift, nameLen);
        nameHash = NameHash.of(bytes, nameOff + shift, nameLen);
        pos += nameLen;

        valueType = NO_VALUE;
        op = NO_OP;
        timestamp = Cell.NO_TIMESTAMP;

        if (peekTag() == TAG_CELL_VALUE) {
            pos++;
            int valueLen = readLength("cell value");
            int valueStart = pos;
            int valueEnd = pos + valueLen;
            readValue(valueEnd);
            if (pos != valueEnd) {
                throw fail(
                        valueStart,
                        "Value length mismatch in cell '" + printableName() + "'",
                        "length field says "
                                + valueLen
                                + " bytes, the value takes "
                                + (pos - valueStart));
            }
            crc = Crc8.update(crc, bytes, valueStart + shift, valueLen);
        }
        if (peekTag() == TAG_CELL_TYPE) {
            pos++;
            need(1, "cell operation");
            op = byteAt(pos) & 0xFF;
            pos++;
        }
        if (peekTag() == TAG_CELL_TIMESTAMP) {
            pos++;
            need(8, "cell timestamp");
            long ts = longAt(pos);
            if (ts < 0) {
                throw fail(
                        pos,
                        "Negative timestamp in cell '" + printableName() + "'",
                        Long.toString(ts));
            }
            timestamp = ts;
            pos += 8;
            crc = Crc8.updateLong(crc, ts);
        }
        // The timestamp is hashed before the operation although it is written after it.
        if (op != NO_OP) {
            crc = Crc8.updateByte(crc, op);
        }
        tag = peekTag();
        if (tag != TAG_CELL_CHECKSUM) {
            throw unexpectedTag(pos, tag, "CELL_VALUE, CELL_TYPE, CELL_TIMESTAMP or CELL_CHECKSUM");
        }
        pos++;
        need(1, "cell checksum");
        int stored = byteAt(pos) & 0xFF;
        if (stored != crc) {
            throw fail(
                    pos,
                    "CRC mismatch in cell '" + printableName() + "'",
                    "expected " + hex(crc) + ", found " + hex(stored));
        }
        cellCrc = crc;
        pos++;
    }

    /** Reads a value's type byte and payload, never past {@code end} (already within the buffer). */
    private void readValue(int end) {
        if (pos >= end) {
            throw fail(pos, "Empty value in cell '" + printableName() + "'", null);
        }
        int at = pos;
        valueType = byteAt(pos) & 0xFF;
        pos++;
        switch (valueType) {
            case VT_INTEGER:
            case VT_DOUBLE:
                needWithin(end, 8, "8-byte value");
                valueBits = longAt(pos);
                pos += 8;
                break;
            case VT_BOOLEAN:
                needWithin(end, 1, "boolean value");
                int b = byteAt(pos);
                if (b != 0 && b != 1) {
                    throw fail(
                            pos,
                            "Bad boolean in cell '" + printableName() + "'",
                            "found " + hex(b));
                }
                valueBits = b;
                pos++;
                break;
            case VT_STRING:
            case VT_BLOB:
                needWithin(end, 4, "value length");
                int len = intAt(pos);
                if (len < 0 || len > end - pos - 4) {
                    throw fail(
                            pos,
                            "Bad string/binary length in cell '" + printableName() + "'",
                            len
                                    + " does not fit in the "
                                    + (end - pos - 4)
                                    + " bytes of the value");
                }
                bytesOff = pos + 4;
                bytesLen = len;
                pos += 4 + len;
                break;
            case VT_INF_MIN:
            case VT_INF_MAX:
            case VT_AUTO_INCREMENT:
                break;
            default:
                throw fail(
                        at,
                        "Unknown value type "
                                + hex(valueType)
                                + " in cell '"
                                + printableName()
                                + "'",
                        null);
        }
    }

    private void checkPrimaryKeyCell() {
        if (valueType == NO_VALUE) {
            throw fail(cellStart, "Primary-key cell '" + printableName() + "' has no value", null);
        }
        if (valueType == VT_DOUBLE || valueType == VT_BOOLEAN) {
            throw fail(
                    cellStart,
                    "Primary-key cell '"
                            + printableName()
                            + "' has a "
                            + typeName(valueType)
                            + " value",
                    null);
        }
        if (op != NO_OP || timestamp != Cell.NO_TIMESTAMP) {
            throw fail(
                    cellStart,
                    "Primary-key cell '" + printableName() + "' has an operation or timestamp",
                    null);
        }
    }

    /** Checks the cell against {@code rules} and returns its operation. */
    private CellOperation checkDataCell(CellRules rules) {
        boolean hasValue = valueType != NO_VALUE;
        boolean hasTs = timestamp != Cell.NO_TIMESTAMP;
        if (hasValue
                && (valueType == VT_INF_MIN
                        || valueType == VT_INF_MAX
                        || valueType == VT_AUTO_INCREMENT)) {
            throw fail(
                    cellStart,
                    "Cell '" + printableName() + "' has a " + typeName(valueType) + " value",
                    null);
        }
        switch (op) {
            case NO_OP:
                if (!hasValue) {
                    throw badCell("PUT", "needs a value");
                }
                if (rules == CellRules.TUNNEL && !hasTs) {
                    throw badCell("PUT", "needs a timestamp in a tunnel record");
                }
                return CellOperation.PUT;
            case OP_DELETE_ONE_VERSION:
                if (hasValue || !hasTs) {
                    throw badCell("DELETE_ONE_VERSION", "needs a timestamp and no value");
                }
                return CellOperation.DELETE_ONE_VERSION;
            case OP_DELETE_ALL_VERSIONS:
                if (hasValue || hasTs) {
                    throw badCell("DELETE_ALL_VERSIONS", "takes no value and no timestamp");
                }
                return CellOperation.DELETE_ALL_VERSIONS;
            case OP_INCREMENT:
                if (rules == CellRules.ROW) {
                    if (valueType != VT_INTEGER || hasTs) {
                        throw badCell("INCREMENT", "needs an INTEGER value and no timestamp");
                    }
                    return CellOperation.INCREMENT;
                }
            // fall through: a tunnel record never increments
            default:
                throw fail(
                        cellStart,
                        "Unsupported cell operation "
                                + hex(op)
                                + " in cell '"
                                + printableName()
                                + "'",
                        null);
        }
    }

    private PlainBufferException badCell(String operation, String what) {
        return fail(cellStart, operation + " cell '" + printableName() + "' " + what, null);
    }

    private String name() {
        return names != null
                ? names.get(bytes, nameOff + shift, nameLen, nameHash)
                : NameHash.decode(bytes, nameOff + shift, nameLen);
    }

    private ColumnValue value() {
        switch (valueType) {
            case VT_INTEGER:
                return ColumnValue.ofLong(valueBits);
            case VT_DOUBLE:
                return ColumnValue.ofDouble(Double.longBitsToDouble(valueBits));
            case VT_BOOLEAN:
                return ColumnValue.ofBoolean(valueBits != 0);
            case VT_STRING:
                return ColumnValue.ofUtf8Slice(buf, bytesOff, bytesLen);
            case VT_BLOB:
                return ColumnValue.ofBinarySlice(buf, bytesOff, bytesLen);
            case VT_INF_MIN:
                return ColumnValue.INF_MIN;
            case VT_INF_MAX:
                return ColumnValue.INF_MAX;
            case VT_AUTO_INCREMENT:
                return ColumnValue.AUTO_INCREMENT;
            default:
                throw new AssertionError(valueType);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Extension

    /**
     * Reads the extension. Like both official SDKs, the extension and sequence-info length fields
     * are only checked to fit in the buffer; the sub-fields are found by their tags and unknown
     * sub-fields (tags outside 1..15) are skipped by their own length.
     */
    private void readExtension() {
        pos++; // TAG_EXTENSION
        readLength("extension");
        while (true) {
            int tag = peekTag();
            if (tag == TAG_SEQ_INFO) {
                pos++;
                readLength("sequence info");
                expectTag(TAG_SEQ_INFO_EPOCH);
                need(4, "sequence epoch");
                int epoch = intAt(pos);
                pos += 4;
                expectTag(TAG_SEQ_INFO_TS);
                need(8, "sequence timestamp");
                long ts = longAt(pos);
                pos += 8;
                expectTag(TAG_SEQ_INFO_ROW_INDEX);
                need(4, "sequence row index");
                int rowIndex = intAt(pos);
                pos += 4;
                sequenceInfo = new SequenceInfo(epoch, ts, rowIndex);
            } else if (tag >= 0 && !isKnownTag(tag)) {
                pos++;
                int len = readLength("unknown extension field");
                pos += len;
            } else {
                return;
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Primitives (callers have checked the bounds against limit)

    private byte byteAt(int p) {
        return bytes[p + shift];
    }

    private int intAt(int p) {
        return (int) INT_LE.get(bytes, p + shift);
    }

    private long longAt(int p) {
        return (long) LONG_LE.get(bytes, p + shift);
    }

    /** The next tag without consuming it, or -1 at the end of the buffer. */
    private int peekTag() {
        return pos < limit ? byteAt(pos) & 0xFF : -1;
    }

    private void expectTag(int wanted) {
        int tag = peekTag();
        if (tag != wanted) {
            throw unexpectedTag(pos, tag, tagName(wanted));
        }
        pos++;
    }

    private void need(int bytes, String what) {
        if (limit - pos < bytes) {
            throw fail(
                    pos,
                    "Truncated " + what,
                    "needs " + bytes + " bytes, " + (limit - pos) + " remain");
        }
    }

    private void needWithin(int end, int bytes, String what) {
        if (end - pos < bytes) {
            throw fail(
                    pos,
                    "Truncated " + what + " in cell '" + printableName() + "'",
                    "needs " + bytes + " bytes, the value has " + (end - pos) + " left");
        }
    }

    /** Reads an int32 length and checks that it is not negative and fits in the remaining bytes. */
    private int readLength(String what) {
        need(4, what + " length");
        int at = pos;
        int len = intAt(pos);
        pos += 4;
        if (len < 0) {
            throw fail(at, "Negative length of " + what, Integer.toString(len));
        }
        if (len > limit - pos) {
            throw fail(
                    at,
                    "Length of " + what + " too large",
                    len + " exceeds the " + (limit - pos) + " remaining bytes");
        }
        return len;
    }

    // ---------------------------------------------------------------------------------------
    // Errors

    private PlainBufferException unexpectedTag(int at, int tag, String expected) {
        if (tag < 0) {
            return fail(at, "Truncated buffer", "expected " + expected);
        }
        return fail(
                at,
                "Unexpected tag " + hex(tag) + " (" + tagName(tag) + ")",
                "expected " + expected);
    }

    /** "{what} at offset N[: detail][ in context]". */
    private PlainBufferException fail(int at, String what, String detail) {
        long offset = (long) at - start;
        StringBuilder message = new StringBuilder(what).append(" at offset ").append(offset);
        if (detail != null) {
            message.append(": ").append(detail);
        }
        if (context != null) {
            message.append(" (in ").append(context).append(')');
        }
        return new PlainBufferException(message.toString(), offset);
    }

    private String printableName() {
        int shown = Math.min(nameLen, MAX_NAME_CHARS_IN_MESSAGE * 4);
        String name = NameHash.decode(bytes, nameOff + shift, shown);
        return name.length() > MAX_NAME_CHARS_IN_MESSAGE
                ? name.substring(0, MAX_NAME_CHARS_IN_MESSAGE) + "..."
                : name;
    }

    private static String typeName(int type) {
        switch (type) {
            case VT_INTEGER:
                return "INTEGER";
            case VT_DOUBLE:
                return "DOUBLE";
            case VT_BOOLEAN:
                return "BOOLEAN";
            case VT_STRING:
                return "STRING";
            case VT_BLOB:
                return "BINARY";
            case VT_INF_MIN:
                return "INF_MIN";
            case VT_INF_MAX:
                return "INF_MAX";
            case VT_AUTO_INCREMENT:
                return "AUTO_INCREMENT";
            default:
                return hex(type);
        }
    }

    PrimaryKey toPrimaryKey() {
        return new PrimaryKey(primaryKey);
    }
}

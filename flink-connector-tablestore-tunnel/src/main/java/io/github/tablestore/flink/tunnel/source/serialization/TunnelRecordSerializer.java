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

package io.github.tablestore.flink.tunnel.source.serialization;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.CellOperation;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.client.record.ValueType;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Flink serializer of {@link TunnelRecord} (records are immutable, so copies are the same object).
 *
 * <p>Format: action (byte: ordinal of PUT_ROW, UPDATE_ROW, DELETE_ROW); primary-key column count
 * (int) and per column its name (UTF) and value; column cells; a flags byte (bit 0: sequence
 * info, bit 1: latest cells), then the sequence info's epoch (int), timestamp (long) and row index
 * (int) when present; origin cells; latest cells when present. Records written before latest
 * cells existed have a flags byte of 0 or 1 (it was a presence boolean), so they still read.
 * Cells: count (int), then
 * per cell name (UTF), operation (byte: 0 PUT, 1 DELETE_ONE_VERSION, 2 DELETE_ALL_VERSIONS),
 * timestamp (long, {@link Cell#NO_TIMESTAMP} when none) and, for PUT, the value. Values: type byte
 * (0 integer, 1 double, 2 boolean, 3 string, 4 binary) and payload (long, double bits, boolean,
 * length-prefixed bytes).
 */
public final class TunnelRecordSerializer extends TypeSerializerSingleton<TunnelRecord> {
    private static final long serialVersionUID = 1L;

    public static final TunnelRecordSerializer INSTANCE = new TunnelRecordSerializer();

    private static final RecordAction[] ACTIONS = RecordAction.values();
    private static final int FLAG_SEQUENCE = 1;
    private static final int FLAG_LATEST = 2;
    private static final TunnelRecord EMPTY =
            new TunnelRecord(
                    RecordAction.PUT_ROW, new PrimaryKey(List.of()), List.of(), null, List.of());

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TunnelRecord createInstance() {
        return EMPTY;
    }

    @Override
    public TunnelRecord copy(TunnelRecord from) {
        return from;
    }

    @Override
    public TunnelRecord copy(TunnelRecord from, TunnelRecord reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(TunnelRecord record, DataOutputView out) throws IOException {
        out.writeByte(record.action().ordinal());
        List<PrimaryKeyColumn> pk = record.primaryKey().columns();
        out.writeInt(pk.size());
        for (PrimaryKeyColumn column : pk) {
            out.writeUTF(column.name());
            writeValue(column.value(), out);
        }
        writeCells(record.columns(), out);
        SequenceInfo seq = record.sequenceInfo();
        List<Cell> latest = record.latestColumns();
        out.writeByte((seq != null ? FLAG_SEQUENCE : 0) | (latest != null ? FLAG_LATEST : 0));
        if (seq != null) {
            out.writeInt(seq.epoch());
            out.writeLong(seq.timestamp());
            out.writeInt(seq.rowIndex());
        }
        writeCells(record.originColumns(), out);
        if (latest != null) {
            writeCells(latest, out);
        }
    }

    @Override
    public TunnelRecord deserialize(DataInputView in) throws IOException {
        int action = in.readByte();
        if (action < 0 || action >= ACTIONS.length) {
            throw new IOException("Corrupt tunnel record: action " + action);
        }
        int pkCount = readCount(in);
        List<PrimaryKeyColumn> pk = new ArrayList<>(pkCount);
        for (int i = 0; i < pkCount; i++) {
            String name = in.readUTF();
            pk.add(new PrimaryKeyColumn(name, readValue(in)));
        }
        List<Cell> columns = readCells(in);
        int flags = in.readByte();
        if ((flags & ~(FLAG_SEQUENCE | FLAG_LATEST)) != 0) {
            throw new IOException("Corrupt tunnel record: flags " + flags);
        }
        SequenceInfo seq =
                (flags & FLAG_SEQUENCE) != 0
                        ? new SequenceInfo(in.readInt(), in.readLong(), in.readInt())
                        : null;
        List<Cell> origin = readCells(in);
        List<Cell> latest = (flags & FLAG_LATEST) != 0 ? readCells(in) : null;
        return new TunnelRecord(ACTIONS[action], new PrimaryKey(pk), columns, seq, origin, latest);
    }

    @Override
    public TunnelRecord deserialize(TunnelRecord reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    private static void writeCells(List<Cell> cells, DataOutputView out) throws IOException {
        out.writeInt(cells.size());
        for (Cell cell : cells) {
            out.writeUTF(cell.name());
            out.writeByte(operationCode(cell.operation()));
            out.writeLong(cell.timestamp());
            if (cell.operation() == CellOperation.PUT) {
                writeValue(cell.value(), out);
            }
        }
    }

    private static List<Cell> readCells(DataInputView in) throws IOException {
        int count = readCount(in);
        List<Cell> cells = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int op = in.readByte();
            long timestamp = in.readLong();
            switch (op) {
                case 0:
                    cells.add(new Cell(name, readValue(in), CellOperation.PUT, timestamp));
                    break;
                case 1:
                    cells.add(new Cell(name, null, CellOperation.DELETE_ONE_VERSION, timestamp));
                    break;
                case 2:
                    cells.add(new Cell(name, null, CellOperation.DELETE_ALL_VERSIONS, timestamp));
                    break;
                default:
                    throw new IOException("Corrupt tunnel record: cell operation " + op);
            }
        }
        return cells;
    }

    private static int operationCode(CellOperation op) throws IOException {
        switch (op) {
            case PUT:
                return 0;
            case DELETE_ONE_VERSION:
                return 1;
            case DELETE_ALL_VERSIONS:
                return 2;
            default:
                throw new IOException("A tunnel record cannot hold a " + op + " cell");
        }
    }

    private static void writeValue(ColumnValue v, DataOutputView out) throws IOException {
        ValueType type = v.type();
        switch (type) {
            case INTEGER:
                out.writeByte(0);
                out.writeLong(v.asLong());
                break;
            case DOUBLE:
                out.writeByte(1);
                out.writeLong(Double.doubleToRawLongBits(v.asDouble()));
                break;
            case BOOLEAN:
                out.writeByte(2);
                out.writeBoolean(v.asBoolean());
                break;
            case STRING:
            case BINARY:
                out.writeByte(type == ValueType.STRING ? 3 : 4);
                byte[] bytes = new byte[v.byteLength()];
                v.copyBytesTo(bytes, 0);
                out.writeInt(bytes.length);
                out.write(bytes);
                break;
            default:
                throw new IOException("A tunnel record cannot hold a " + type + " value");
        }
    }

    private static ColumnValue readValue(DataInputView in) throws IOException {
        int type = in.readByte();
        switch (type) {
            case 0:
                return ColumnValue.ofLong(in.readLong());
            case 1:
                return ColumnValue.ofDouble(Double.longBitsToDouble(in.readLong()));
            case 2:
                return ColumnValue.ofBoolean(in.readBoolean());
            case 3:
            case 4:
                int length = in.readInt();
                if (length < 0) {
                    throw new IOException("Corrupt tunnel record: value length " + length);
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                return type == 3
                        ? ColumnValue.ofUtf8Slice(buffer, 0, length)
                        : ColumnValue.ofBinarySlice(buffer, 0, length);
            default:
                throw new IOException("Corrupt tunnel record: value type " + type);
        }
    }

    private static int readCount(DataInputView in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("Corrupt tunnel record: count " + count);
        }
        return count;
    }

    @Override
    public TypeSerializerSnapshot<TunnelRecord> snapshotConfiguration() {
        return new TunnelRecordSerializerSnapshot();
    }

    /** Snapshot of the (configuration-free) serializer, for state compatibility checks. */
    public static final class TunnelRecordSerializerSnapshot
            extends SimpleTypeSerializerSnapshot<TunnelRecord> {
        public TunnelRecordSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}

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
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import com.alicloud.openservices.tablestore.core.protocol.PlainBufferBuilder;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferCell;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferCodedInputStream;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferCodedOutputStream;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferConversion;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferExtension;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferInputStream;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferOutputStream;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferRow;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferSequenceInfo;
import com.alicloud.openservices.tablestore.core.protocol.TunnelServiceApi;
import com.alicloud.openservices.tablestore.model.RecordColumn;
import com.alicloud.openservices.tablestore.model.StreamRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Bridges our model and the official Java SDK's PlainBuffer internals, which serve as the oracle:
 * converts values both ways and runs the SDK's reader and writer. Test-only.
 */
final class SdkOracle {
    private static final byte SDK_DELETE_ALL_VERSIONS = 0x01;
    private static final byte SDK_DELETE_ONE_VERSION = 0x03;
    private static final byte SDK_INCREMENT = 0x04;

    private SdkOracle() {}

    // ---------------------------------------------------------------------------------------
    // Our model -> SDK

    static com.alicloud.openservices.tablestore.model.PrimaryKeyValue toSdkKey(ColumnValue v) {
        switch (v.type()) {
            case INTEGER:
                return com.alicloud.openservices.tablestore.model.PrimaryKeyValue.fromLong(
                        v.asLong());
            case STRING:
                return com.alicloud.openservices.tablestore.model.PrimaryKeyValue.fromString(
                        v.asString());
            case BINARY:
                return com.alicloud.openservices.tablestore.model.PrimaryKeyValue.fromBinary(
                        v.asBinary());
            case INF_MIN:
                return com.alicloud.openservices.tablestore.model.PrimaryKeyValue.INF_MIN;
            case INF_MAX:
                return com.alicloud.openservices.tablestore.model.PrimaryKeyValue.INF_MAX;
            case AUTO_INCREMENT:
                return com.alicloud.openservices.tablestore.model.PrimaryKeyValue.AUTO_INCREMENT;
            default:
                throw new IllegalArgumentException("not a key value: " + v);
        }
    }

    static com.alicloud.openservices.tablestore.model.ColumnValue toSdkValue(ColumnValue v) {
        switch (v.type()) {
            case INTEGER:
                return com.alicloud.openservices.tablestore.model.ColumnValue.fromLong(v.asLong());
            case DOUBLE:
                return com.alicloud.openservices.tablestore.model.ColumnValue.fromDouble(
                        v.asDouble());
            case BOOLEAN:
                return com.alicloud.openservices.tablestore.model.ColumnValue.fromBoolean(
                        v.asBoolean());
            case STRING:
                return com.alicloud.openservices.tablestore.model.ColumnValue.fromString(
                        v.asString());
            case BINARY:
                return com.alicloud.openservices.tablestore.model.ColumnValue.fromBinary(
                        v.asBinary());
            default:
                throw new IllegalArgumentException("not a cell value: " + v);
        }
    }

    static PlainBufferCell toSdkCell(PrimaryKeyColumn column) {
        PlainBufferCell cell = new PlainBufferCell();
        cell.setCellName(column.name());
        cell.setPkCellValue(toSdkKey(column.value()));
        return cell;
    }

    static PlainBufferCell toSdkCell(Cell c) {
        PlainBufferCell cell = new PlainBufferCell();
        cell.setCellName(c.name());
        if (c.value() != null) {
            cell.setCellValue(toSdkValue(c.value()));
        }
        switch (c.operation()) {
            case DELETE_ONE_VERSION:
                cell.setCellType(SDK_DELETE_ONE_VERSION);
                break;
            case DELETE_ALL_VERSIONS:
                cell.setCellType(SDK_DELETE_ALL_VERSIONS);
                break;
            case INCREMENT:
                cell.setCellType(SDK_INCREMENT);
                break;
            default:
                break;
        }
        if (c.hasTimestamp()) {
            cell.setCellTimestamp(c.timestamp());
        }
        return cell;
    }

    static PlainBufferRow toSdkRow(
            PrimaryKey pk, List<Cell> cells, boolean deleteMarker, SequenceInfo seq) {
        List<PlainBufferCell> pkCells = new ArrayList<>();
        for (PrimaryKeyColumn column : pk.columns()) {
            pkCells.add(toSdkCell(column));
        }
        List<PlainBufferCell> dataCells = new ArrayList<>();
        for (Cell cell : cells) {
            dataCells.add(toSdkCell(cell));
        }
        PlainBufferRow row = new PlainBufferRow(pkCells, dataCells, deleteMarker);
        PlainBufferExtension extension = new PlainBufferExtension();
        if (seq != null) {
            extension.setSequenceInfo(sdkSequenceInfo(seq));
        }
        row.setExtension(extension);
        return row;
    }

    static PlainBufferRow toSdkRow(Row row) {
        return toSdkRow(row.primaryKey(), row.cells(), row.deleteMarker(), row.sequenceInfo());
    }

    /** The SDK keeps PlainBufferSequenceInfo's setters package-private; reach them reflectively. */
    private static PlainBufferSequenceInfo sdkSequenceInfo(SequenceInfo seq) {
        try {
            PlainBufferSequenceInfo info = new PlainBufferSequenceInfo();
            invoke(info, "setEpoch", int.class, seq.epoch());
            invoke(info, "setTimestamp", long.class, seq.timestamp());
            invoke(info, "setRowIndex", int.class, seq.rowIndex());
            return info;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void invoke(Object target, String name, Class<?> type, Object arg)
            throws ReflectiveOperationException {
        Method m = target.getClass().getDeclaredMethod(name, type);
        m.setAccessible(true);
        m.invoke(target, arg);
    }

    // ---------------------------------------------------------------------------------------
    // SDK reader and writer

    /** The SDK writer's bytes for header + the given rows. */
    static byte[] sdkWrite(List<PlainBufferRow> rows) {
        try {
            int size = 4;
            for (PlainBufferRow row : rows) {
                size += PlainBufferBuilder.computePlainBufferRow(row);
            }
            PlainBufferOutputStream out = new PlainBufferOutputStream(size);
            PlainBufferCodedOutputStream coded = new PlainBufferCodedOutputStream(out);
            coded.writeHeader();
            for (PlainBufferRow row : rows) {
                coded.writeRow(row);
            }
            if (!out.isFull()) {
                throw new IllegalStateException("SDK size computation disagrees with its writer");
            }
            return out.getBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sdkWrite(PlainBufferRow row) {
        return sdkWrite(List.of(row));
    }

    static List<PlainBufferRow> sdkRead(byte[] bytes) throws IOException {
        return new PlainBufferCodedInputStream(new PlainBufferInputStream(bytes))
                .readRowsWithHeader();
    }

    static List<PlainBufferRow> sdkReadWithoutPk(byte[] bytes) throws IOException {
        return new PlainBufferCodedInputStream(new PlainBufferInputStream(bytes))
                .readRowsWithoutPk();
    }

    /** What the SDK's tunnel worker makes of a record: its StreamRecord, in our model. */
    static TunnelRecord sdkDecodeRecord(RecordAction action, byte[] record, byte[] origin)
            throws IOException {
        List<PlainBufferRow> rows = sdkRead(record);
        if (rows.size() != 1) {
            throw new IllegalStateException("SDK read " + rows.size() + " rows");
        }
        PlainBufferRow originRow = null;
        if (origin != null) {
            List<PlainBufferRow> originRows = sdkReadWithoutPk(origin);
            if (originRows.size() != 1) {
                throw new IllegalStateException("SDK read " + originRows.size() + " origin rows");
            }
            originRow = originRows.get(0);
        }
        StreamRecord sr =
                PlainBufferConversion.toStreamRecord(
                        rows.get(0),
                        originRow,
                        TunnelServiceApi.ActionType.valueOf(action.name()),
                        false);
        SequenceInfo seq = null;
        if (rows.get(0).hasExtension()) {
            seq =
                    new SequenceInfo(
                            sr.getSequenceInfo().getEpoch(),
                            sr.getSequenceInfo().getTimestamp(),
                            sr.getSequenceInfo().getRowIndex());
        } else if (sr.getSequenceInfo().getEpoch() != 0
                || sr.getSequenceInfo().getTimestamp() != 0
                || sr.getSequenceInfo().getRowIndex() != 0) {
            throw new IllegalStateException("SDK reports a sequence without extension");
        }
        return new TunnelRecord(
                fromSdk(sr.getRecordType()),
                fromSdkKey(sr.getPrimaryKey()),
                fromSdkColumns(sr.getColumns()),
                seq,
                sr.getOriginColumns() == null ? List.of() : fromSdkColumns(sr.getOriginColumns()));
    }

    // ---------------------------------------------------------------------------------------
    // SDK -> our model

    static Row fromSdkRow(PlainBufferRow row) throws IOException {
        List<PrimaryKeyColumn> pk = new ArrayList<>();
        for (PlainBufferCell cell : row.getPrimaryKey()) {
            pk.add(new PrimaryKeyColumn(cell.getCellName(), fromSdk(cell.getPkCellValue())));
        }
        List<Cell> cells = new ArrayList<>();
        for (PlainBufferCell cell : row.getCells()) {
            cells.add(fromSdkCell(cell));
        }
        SequenceInfo seq = null;
        if (row.hasExtension()) {
            PlainBufferSequenceInfo info = row.getExtension().getSequenceInfo();
            seq = new SequenceInfo(info.getEpoch(), info.getTimestamp(), info.getRowIndex());
        }
        return new Row(new PrimaryKey(pk), cells, row.hasDeleteMarker(), seq);
    }

    static Cell fromSdkCell(PlainBufferCell cell) {
        CellOperation op = CellOperation.PUT;
        if (cell.hasCellType()) {
            switch (cell.getCellType()) {
                case SDK_DELETE_ONE_VERSION:
                    op = CellOperation.DELETE_ONE_VERSION;
                    break;
                case SDK_DELETE_ALL_VERSIONS:
                    op = CellOperation.DELETE_ALL_VERSIONS;
                    break;
                case SDK_INCREMENT:
                    op = CellOperation.INCREMENT;
                    break;
                default:
                    throw new IllegalStateException("cell type " + cell.getCellType());
            }
        }
        return new Cell(
                cell.getCellName(),
                cell.hasCellValue() ? fromSdk(cell.getCellValue()) : null,
                op,
                cell.hasCellTimestamp() ? cell.getCellTimestamp() : Cell.NO_TIMESTAMP);
    }

    static ColumnValue fromSdk(com.alicloud.openservices.tablestore.model.PrimaryKeyValue v) {
        if (v.isInfMin()) {
            return ColumnValue.INF_MIN;
        }
        if (v.isInfMax()) {
            return ColumnValue.INF_MAX;
        }
        if (v.isPlaceHolderForAutoIncr()) {
            return ColumnValue.AUTO_INCREMENT;
        }
        switch (v.getType()) {
            case INTEGER:
                return ColumnValue.ofLong(v.asLong());
            case STRING:
                return ColumnValue.ofString(v.asString());
            case BINARY:
                return ColumnValue.ofBinary(v.asBinary());
            default:
                throw new IllegalStateException("key type " + v.getType());
        }
    }

    static ColumnValue fromSdk(com.alicloud.openservices.tablestore.model.ColumnValue v) {
        switch (v.getType()) {
            case INTEGER:
                return ColumnValue.ofLong(v.asLong());
            case DOUBLE:
                return ColumnValue.ofDouble(v.asDouble());
            case BOOLEAN:
                return ColumnValue.ofBoolean(v.asBoolean());
            case STRING:
                return ColumnValue.ofString(v.asString());
            case BINARY:
                return ColumnValue.ofBinary(v.asBinary());
            default:
                throw new IllegalStateException("value type " + v.getType());
        }
    }

    static PrimaryKey fromSdkKey(com.alicloud.openservices.tablestore.model.PrimaryKey pk) {
        List<PrimaryKeyColumn> columns = new ArrayList<>();
        for (com.alicloud.openservices.tablestore.model.PrimaryKeyColumn c :
                pk.getPrimaryKeyColumns()) {
            columns.add(new PrimaryKeyColumn(c.getName(), fromSdk(c.getValue())));
        }
        return new PrimaryKey(columns);
    }

    private static RecordAction fromSdk(StreamRecord.RecordType type) {
        switch (type) {
            case PUT:
                return RecordAction.PUT_ROW;
            case UPDATE:
                return RecordAction.UPDATE_ROW;
            case DELETE:
                return RecordAction.DELETE_ROW;
            default:
                throw new IllegalStateException("record type " + type);
        }
    }

    private static List<Cell> fromSdkColumns(List<RecordColumn> columns) {
        List<Cell> cells = new ArrayList<>();
        for (RecordColumn rc : columns) {
            com.alicloud.openservices.tablestore.model.Column c = rc.getColumn();
            long ts = c.hasSetTimestamp() ? c.getTimestamp() : Cell.NO_TIMESTAMP;
            switch (rc.getColumnType()) {
                case PUT:
                    cells.add(Cell.put(c.getName(), fromSdk(c.getValue()), ts));
                    break;
                case DELETE_ONE_VERSION:
                    cells.add(Cell.deleteOneVersion(c.getName(), ts));
                    break;
                case DELETE_ALL_VERSION:
                    if (ts != Cell.NO_TIMESTAMP) {
                        throw new IllegalStateException("DELETE_ALL with timestamp");
                    }
                    cells.add(Cell.deleteAllVersions(c.getName()));
                    break;
                default:
                    throw new IllegalStateException("column type " + rc.getColumnType());
            }
        }
        return cells;
    }
}

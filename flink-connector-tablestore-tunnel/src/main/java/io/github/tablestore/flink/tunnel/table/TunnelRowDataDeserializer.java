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

package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelDeserializationContext;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.table.CellConverter.InvalidCellException;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;

import java.util.Arrays;
import java.util.List;

/**
 * Turns tunnel records into rows of the declared table: the projected physical columns, then the
 * requested metadata. Primary-key columns come from the record's key, attribute columns from its
 * cells (the newest cell of a name wins).
 *
 * <p>Without row images every record becomes one row: a PUT carries the whole row, so columns it
 * lacks are NULL; a DELETE carries only the key. This mode is used only where no UPDATE can leave
 * a projected column untouched (base data, or no attribute column projected). With row images the
 * output is an {@link ImageEnvelope} for {@link RowImageFunction}, which knows the rest of the row.
 *
 * <p>A value that does not fit its column fails the job or skips the record ({@link
 * InvalidDataHandler}). Counts decoded attribute cells in the {@value #DECODED_CELLS} metric (cells
 * of the record and of its before-image that the readers materialized).
 */
final class TunnelRowDataDeserializer implements TunnelRecordDeserializationSchema<RowData> {
    private static final long serialVersionUID = 1L;

    static final String DECODED_CELLS = "decodedCells";

    private final RowShape shape;
    private final CellConverter[] converters;
    private final TunnelMetadata.Reader[] metadata;
    private final boolean images;
    private final boolean ignoreDelete;
    private final boolean skipInvalid;
    private final TypeInformation<RowData> producedType;

    /** Attribute columns by cell name (projected physical indexes). */
    private transient ColumnIndex attributeIndex;

    /** Projected primary-key columns by key column name. */
    private transient ColumnIndex keyIndex;

    private transient int projectedKeyColumns;

    /** Per projected column of the current record: its newest cell / its key value. */
    private transient Cell[] cells;

    private transient ColumnValue[] keyValues;
    private transient LastString channels;
    private transient InvalidDataHandler invalid;
    private transient Counter decodedCells;

    /**
     * @param images true: produce {@link ImageEnvelope}s for {@link RowImageFunction}
     * @param ignoreDelete drop deletions (only without images; the image function drops them
     *     itself, after updating its state)
     */
    TunnelRowDataDeserializer(
            RowShape shape,
            CellConverter[] converters,
            TunnelMetadata.Reader[] metadata,
            boolean images,
            boolean ignoreDelete,
            boolean skipInvalid,
            TypeInformation<RowData> producedType) {
        this.shape = shape;
        this.converters = converters.clone();
        this.metadata = metadata.clone();
        this.images = images;
        this.ignoreDelete = ignoreDelete;
        this.skipInvalid = skipInvalid;
        this.producedType = producedType;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        boolean[] attribute = new boolean[shape.physicalCount()];
        int keys = 0;
        for (int i = 0; i < attribute.length; i++) {
            attribute[i] = !shape.primaryKey[i];
            keys += shape.primaryKey[i] ? 1 : 0;
        }
        projectedKeyColumns = keys;
        attributeIndex = ColumnIndex.of(shape.names, attribute);
        keyIndex = ColumnIndex.of(shape.names, shape.primaryKey);
        cells = new Cell[shape.physicalCount()];
        keyValues = new ColumnValue[shape.physicalCount()];
        channels = new LastString();
        invalid =
                new InvalidDataHandler(
                        skipInvalid,
                        context.getMetricGroup(),
                        context instanceof TunnelDeserializationContext
                                ? ((TunnelDeserializationContext) context).numRecordsInErrors()
                                : null);
        decodedCells = context.getMetricGroup().counter(DECODED_CELLS);
    }

    @Override
    public void deserialize(String channelId, TunnelRecord record, Collector<RowData> out) {
        List<Cell> columns = record.columns();
        decodedCells.inc(columns.size() + record.originColumns().size());
        RecordAction action = record.action();
        if (action == RecordAction.DELETE_ROW && ignoreDelete && !images) {
            return;
        }
        Arrays.fill(cells, null);
        if (action != RecordAction.DELETE_ROW) { // a deletion's cells do not count
            for (int c = 0, size = columns.size(); c < size; c++) {
                Cell cell = columns.get(c);
                int i = attributeIndex.indexOf(cell.name(), c);
                if (i != ColumnIndex.ABSENT && (cells[i] == null || newer(cell, cells[i]))) {
                    cells[i] = cell;
                }
            }
        }
        PrimaryKey primaryKey = record.primaryKey();
        if (projectedKeyColumns > 0) {
            Arrays.fill(keyValues, null);
            for (int k = 0, size = primaryKey.size(); k < size; k++) {
                PrimaryKeyColumn column = primaryKey.get(k);
                int i = keyIndex.indexOf(column.name(), k);
                if (i != ColumnIndex.ABSENT
                        && keyValues[i] == null) { // the first of a name, as PrimaryKey.value
                    keyValues[i] = column.value();
                }
            }
        }
        int offset = images ? ImageEnvelope.HEADER : 0;
        int n = shape.physicalCount();
        GenericRowData row = new GenericRowData(offset + n + shape.metadataCount());
        byte[] changes = images ? ImageEnvelope.newChanges(n) : null;
        int column = -1;
        try {
            for (int i = 0; i < n; i++) {
                column = i;
                if (shape.primaryKey[i]) {
                    ColumnValue key = keyValues[i];
                    if (key == null) {
                        throw new InvalidCellException("is not in the record's primary key");
                    }
                    row.setField(offset + i, converters[i].convert(key));
                    continue;
                }
                Cell cell = cells[i];
                Object value = null;
                if (cell != null) {
                    switch (cell.operation()) {
                        case PUT:
                            value = converters[i].convert(cell.value());
                            setChange(changes, n, i, ImageEnvelope.OP_PUT, cell.timestamp());
                            break;
                        case DELETE_ALL_VERSIONS:
                            setChange(
                                    changes,
                                    n,
                                    i,
                                    ImageEnvelope.OP_DELETE_ALL,
                                    ImageEnvelope.NO_VERSION);
                            break;
                        case DELETE_ONE_VERSION:
                            setChange(changes, n, i, ImageEnvelope.OP_DELETE_ONE, cell.timestamp());
                            break;
                        default:
                            break;
                    }
                } else if (images) {
                    ImageEnvelope.setVersion(changes, n, i, ImageEnvelope.NO_VERSION);
                }
                if (value == null
                        && !images
                        && action == RecordAction.PUT_ROW
                        && shape.notNullAttribute(i)) {
                    throw new InvalidCellException(
                            "is declared NOT NULL but the row has no value for it");
                }
                row.setField(offset + i, value);
            }
            for (int j = 0; j < metadata.length; j++) {
                column = n + j;
                row.setField(offset + n + j, metadata[j].read(channelId, record));
            }
        } catch (InvalidCellException e) {
            String what =
                    column < n
                            ? "column '" + shape.names[column] + "'"
                            : "metadata '" + shape.metadataKeys[column - n] + "'";
            invalid.invalid(
                    "table '"
                            + shape.tableName
                            + "', channel '"
                            + channelId
                            + "', primary key "
                            + primaryKey
                            + ": "
                            + what
                            + " "
                            + e.getMessage());
            return;
        }
        if (images) {
            row.setField(ImageEnvelope.KEY, RowKeys.encode(primaryKey));
            row.setField(ImageEnvelope.ACTION, (byte) action.ordinal());
            row.setField(ImageEnvelope.CHANNEL, channels.of(channelId));
            row.setField(ImageEnvelope.CHANGES, changes);
        }
        out.collect(row);
    }

    private static void setChange(byte[] changes, int n, int i, byte op, long version) {
        if (changes != null) {
            ImageEnvelope.setChange(changes, n, i, op, version);
        }
    }

    private static boolean newer(Cell a, Cell b) {
        return a.timestamp() > b.timestamp();
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return producedType;
    }
}

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
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelDeserializationContext;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.table.CellConverter.InvalidCellException;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns tunnel records into rows of the declared table: the projected physical columns, then the
 * requested metadata. Primary-key columns come from the record's key, attribute columns from its
 * cells (the newest cell of a name wins).
 *
 * <p>Without row images every record becomes one row: a PUT carries the whole row, so columns it
 * lacks are NULL; a DELETE carries only the key. This mode is used only where no UPDATE can leave
 * a projected column untouched (base data, or no attribute column projected). With row images the
 * output is an {@link ImageEnvelope} for {@link RowImageFunction}, which knows the rest of the row.
 * With the tunnel's images ({@code scan.row-images} = tunnel) every stream record brings its full
 * row, so rows (and, in a changelog, the row they replace) are built here, without state.
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
    private final boolean tunnelImages;
    private final boolean changelog;
    private final boolean ignoreDelete;
    private final boolean skipInvalid;
    private final TypeInformation<RowData> producedType;

    /** Attribute columns by cell name (projected physical indexes). */
    private transient ColumnIndex attributeIndex;

    /** Projected primary-key columns by key column name. */
    private transient ColumnIndex keyIndex;

    private transient int projectedKeyColumns;

    /**
     * Per projected column of the current record: the index of its newest cell in the record's
     * columns / of its value in the primary key, or -1. Indexes, not references: storing a new
     * object into a long-lived array per record costs a G1 card mark each time.
     */
    private transient int[] winners;

    private transient int[] keyPositions;
    private transient LastString channels;
    private transient InvalidDataHandler invalid;
    private transient Counter decodedCells;

    /**
     * @param images true: produce {@link ImageEnvelope}s for {@link RowImageFunction}
     * @param tunnelImages true: stream records carry full row images (the tunnel's stream record
     *     options), which give the rows; exclusive with {@code images}
     * @param changelog with {@code tunnelImages}: emit INSERT/UPDATE_BEFORE/UPDATE_AFTER/DELETE
     *     (the records carry before-images too)
     * @param ignoreDelete drop deletions (only without images; the image function drops them
     *     itself, after updating its state)
     */
    TunnelRowDataDeserializer(
            RowShape shape,
            CellConverter[] converters,
            TunnelMetadata.Reader[] metadata,
            boolean images,
            boolean tunnelImages,
            boolean changelog,
            boolean ignoreDelete,
            boolean skipInvalid,
            TypeInformation<RowData> producedType) {
        if (images && tunnelImages) {
            throw new IllegalArgumentException("row images come from Flink state or the tunnel");
        }
        this.shape = shape;
        this.converters = converters.clone();
        this.metadata = metadata.clone();
        this.images = images;
        this.tunnelImages = tunnelImages;
        this.changelog = changelog;
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
        winners = new int[shape.physicalCount()];
        keyPositions = new int[shape.physicalCount()];
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
        List<Cell> latest = record.latestColumns();
        decodedCells.inc(
                record.columns().size()
                        + record.originColumns().size()
                        + (latest == null ? 0 : latest.size()));
        if (tunnelImages && !record.isBaseData()) {
            emitFromTunnelImages(channelId, record, out);
            return;
        }
        RecordAction action = record.action();
        if (action == RecordAction.DELETE_ROW && ignoreDelete && !images) {
            return;
        }
        GenericRowData row =
                toRow(
                        channelId,
                        record,
                        action == RecordAction.DELETE_ROW ? List.of() : record.columns(),
                        !images && action == RecordAction.PUT_ROW);
        if (row == null) {
            return;
        }
        if (images) {
            row.setField(ImageEnvelope.KEY, RowKeys.encode(record.primaryKey()));
            row.setField(ImageEnvelope.ACTION, (byte) action.ordinal());
            row.setField(ImageEnvelope.CHANNEL, channels.of(channelId));
        }
        out.collect(row);
    }

    /**
     * Rows from the images the tunnel's stream records carry: a PUT is the whole row, an UPDATE's
     * after-image ({@link TunnelRecord#latestColumns()}) is; in a changelog the before-image
     * (origin columns, all of them) is the row retracted, and an empty one means the row did not
     * exist.
     */
    private void emitFromTunnelImages(
            String channelId, TunnelRecord record, Collector<RowData> out) {
        List<Cell> after;
        switch (record.action()) {
            case PUT_ROW:
                after = record.columns();
                break;
            case UPDATE_ROW:
                after = record.latestColumns();
                if (after == null) {
                    throw missingAfterImage(channelId, record);
                }
                break;
            default:
                after = null;
                break;
        }
        if (!changelog) {
            if (after == null && ignoreDelete) {
                return;
            }
            GenericRowData row =
                    toRow(channelId, record, after == null ? List.of() : after, after != null);
            if (row != null) {
                out.collect(row);
            }
            return;
        }
        List<Cell> before = record.originColumns();
        GenericRowData beforeRow = null;
        if (!before.isEmpty()) {
            beforeRow = toRow(channelId, record, before, true);
            if (beforeRow == null) {
                return; // invalid, reported
            }
        }
        if (after == null) {
            if (beforeRow != null) {
                beforeRow.setRowKind(RowKind.DELETE);
                out.collect(beforeRow);
            }
            return;
        }
        GenericRowData afterRow = toRow(channelId, record, after, true);
        if (afterRow == null) {
            return;
        }
        if (beforeRow == null) {
            out.collect(afterRow);
            return;
        }
        if (samePhysicalColumns(beforeRow, afterRow)) {
            return; // the change left the projected row as it was
        }
        beforeRow.setRowKind(RowKind.UPDATE_BEFORE);
        afterRow.setRowKind(RowKind.UPDATE_AFTER);
        out.collect(beforeRow);
        out.collect(afterRow);
    }

    private boolean samePhysicalColumns(GenericRowData a, GenericRowData b) {
        for (int i = 0, n = shape.physicalCount(); i < n; i++) {
            if (!Objects.deepEquals(a.getField(i), b.getField(i))) {
                return false;
            }
        }
        return true;
    }

    private TunnelSourceException missingAfterImage(String channelId, TunnelRecord record) {
        return new TunnelSourceException(
                "Table '"
                        + shape.tableName
                        + "', channel '"
                        + channelId
                        + "', primary key "
                        + record.primaryKey()
                        + ": an UPDATE record carries no after-image, but the option '"
                        + TablestoreTunnelTableOptions.SCAN_ROW_IMAGES.key()
                        + "' = 'tunnel' takes the rows from the tunnel's images. The tunnel was "
                        + "created without stream record options (new columns: all); use a new "
                        + "'tunnel-name' so that the job creates one with them, or '"
                        + TablestoreTunnelTableOptions.SCAN_ROW_IMAGES.key()
                        + "' = 'flink-state'.");
    }

    /**
     * The row of {@code record} with the attribute values of {@code columns} (the newest cell of
     * a name wins), or null when a value is invalid (reported to the handler).
     *
     * @param fullRow the columns are the whole row: an absent NOT NULL column is invalid
     */
    private GenericRowData toRow(
            String channelId, TunnelRecord record, List<Cell> columns, boolean fullRow) {
        Arrays.fill(winners, -1);
        for (int c = 0, size = columns.size(); c < size; c++) {
            Cell cell = columns.get(c);
            int i = attributeIndex.indexOf(cell.name(), c);
            if (i != ColumnIndex.ABSENT) {
                int w = winners[i];
                if (w < 0 || newer(cell, columns.get(w))) {
                    winners[i] = c;
                }
            }
        }
        PrimaryKey primaryKey = record.primaryKey();
        if (projectedKeyColumns > 0) {
            Arrays.fill(keyPositions, -1);
            for (int k = 0, size = primaryKey.size(); k < size; k++) {
                PrimaryKeyColumn column = primaryKey.get(k);
                int i = keyIndex.indexOf(column.name(), k);
                if (i != ColumnIndex.ABSENT
                        && keyPositions[i] < 0) { // the first of a name, as PrimaryKey.value
                    keyPositions[i] = k;
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
                    int k = keyPositions[i];
                    if (k < 0) {
                        throw new InvalidCellException("is not in the record's primary key");
                    }
                    row.setField(offset + i, converters[i].convert(primaryKey.get(k).value()));
                    continue;
                }
                int w = winners[i];
                Cell cell = w < 0 ? null : columns.get(w);
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
                if (value == null && fullRow && shape.notNullAttribute(i)) {
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
            return null;
        }
        if (images) {
            row.setField(ImageEnvelope.CHANGES, changes);
        }
        return row;
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

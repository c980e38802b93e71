package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.table.CellConverter.InvalidCellException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.util.Collector;

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

    private transient Map<String, Integer> attributeIndex;
    private transient Cell[] cells;
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
        attributeIndex = new HashMap<>();
        for (int i = 0; i < shape.physicalCount(); i++) {
            if (!shape.primaryKey[i]) {
                attributeIndex.put(shape.names[i], i);
            }
        }
        cells = new Cell[shape.physicalCount()];
        invalid = new InvalidDataHandler(skipInvalid, context.getMetricGroup());
        decodedCells = context.getMetricGroup().counter(DECODED_CELLS);
    }

    @Override
    public void deserialize(String channelId, TunnelRecord record, Collector<RowData> out) {
        decodedCells.inc(record.columns().size() + record.originColumns().size());
        RecordAction action = record.action();
        if (action == RecordAction.DELETE_ROW && ignoreDelete && !images) {
            return;
        }
        Arrays.fill(cells, null);
        for (Cell cell : record.columns()) {
            Integer i = attributeIndex.get(cell.name());
            if (i != null && (cells[i] == null || newer(cell, cells[i]))) {
                cells[i] = cell;
            }
        }
        int offset = images ? ImageEnvelope.HEADER : 0;
        int n = shape.physicalCount();
        GenericRowData row = new GenericRowData(offset + n + shape.metadataCount());
        byte[] ops = images ? new byte[n] : null;
        long[] versions = images ? new long[n] : null;
        int column = -1;
        try {
            for (int i = 0; i < n; i++) {
                column = i;
                if (shape.primaryKey[i]) {
                    ColumnValue key = record.primaryKey().value(shape.names[i]);
                    if (key == null) {
                        throw new InvalidCellException("is not in the record's primary key");
                    }
                    row.setField(offset + i, converters[i].convert(key));
                    continue;
                }
                Cell cell = action == RecordAction.DELETE_ROW ? null : cells[i];
                Object value = null;
                if (cell != null) {
                    switch (cell.operation()) {
                        case PUT:
                            value = converters[i].convert(cell.value());
                            setOp(ops, versions, i, ImageEnvelope.OP_PUT, cell.timestamp());
                            break;
                        case DELETE_ALL_VERSIONS:
                            setOp(ops, versions, i, ImageEnvelope.OP_DELETE_ALL, ImageEnvelope.NO_VERSION);
                            break;
                        case DELETE_ONE_VERSION:
                            setOp(ops, versions, i, ImageEnvelope.OP_DELETE_ONE, cell.timestamp());
                            break;
                        default:
                            break;
                    }
                } else if (images) {
                    versions[i] = ImageEnvelope.NO_VERSION;
                }
                if (value == null && !images && action == RecordAction.PUT_ROW && shape.notNullAttribute(i)) {
                    throw new InvalidCellException("is declared NOT NULL but the row has no value for it");
                }
                row.setField(offset + i, value);
            }
            for (int j = 0; j < metadata.length; j++) {
                column = n + j;
                row.setField(offset + n + j, metadata[j].read(channelId, record));
            }
        } catch (InvalidCellException e) {
            String what = column < n ? "column '" + shape.names[column] + "'"
                    : "metadata '" + shape.metadataKeys[column - n] + "'";
            invalid.invalid("table '" + shape.tableName + "', channel '" + channelId + "', primary key "
                    + record.primaryKey() + ": " + what + " " + e.getMessage());
            return;
        }
        if (images) {
            row.setField(ImageEnvelope.KEY, StringData.fromString(ImageEnvelope.key(record.primaryKey())));
            row.setField(ImageEnvelope.ACTION, (byte) action.ordinal());
            row.setField(ImageEnvelope.CHANNEL, StringData.fromString(channelId));
            row.setField(ImageEnvelope.OPS, ops);
            row.setField(ImageEnvelope.VERSIONS, new GenericArrayData(versions));
        }
        out.collect(row);
    }

    private static void setOp(byte[] ops, long[] versions, int i, byte op, long version) {
        if (ops != null) {
            ops[i] = op;
            versions[i] = version;
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

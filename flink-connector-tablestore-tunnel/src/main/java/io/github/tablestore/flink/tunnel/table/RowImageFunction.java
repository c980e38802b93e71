package io.github.tablestore.flink.tunnel.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * Builds full row images from partial changes, keyed by the row's primary key.
 *
 * <p>An UPDATE_ROW record carries only the cells it changed. To never emit a row that claims an
 * untouched column is NULL, this function keeps, per key, the last row it emitted plus each
 * column's cell version, and applies every change to it: a PUT replaces the row, an UPDATE writes
 * or deletes the cells it names (a write of an older version than the one held does not change
 * the column; deleting the held version makes the column NULL), a DELETE removes it. Base data
 * seeds the state, so for a BaseAndStream tunnel a key the state does not know did not exist.
 * For a STREAM tunnel an unknown key's earlier values are unknown: an UPDATE that leaves a
 * projected column untouched on such a key is invalid data (failed or skipped).
 *
 * <p>Output: append mode emits each change as an INSERT row of the row after the change (for a
 * DELETE: the key, NULL columns and the record's metadata). Changelog mode emits INSERT for a new
 * key, UPDATE_BEFORE with the previously emitted row then UPDATE_AFTER for a change (nothing when
 * the row is unchanged), and DELETE with the previously emitted row; with {@code ignore-delete}
 * the deletion is not emitted and the next change of the key updates the row still shown.
 */
final class RowImageFunction extends KeyedProcessFunction<String, RowData, RowData> {
    private static final long serialVersionUID = 1L;

    private static final byte PUT = 0;
    private static final byte DELETE = 2;

    private final RowShape shape;
    private final boolean changelog;
    private final boolean ignoreDelete;
    private final boolean seededByBaseData;
    private final boolean skipInvalid;
    private final TypeInformation<RowData> stateTypeInfo;

    private transient ValueState<RowData> images;
    private transient TypeSerializer<RowData> stateSerializer;
    private transient RowData.FieldGetter[] envelopeGetters;
    private transient RowData.FieldGetter[] stateGetters;
    private transient InvalidDataHandler invalid;

    /**
     * @param changelog emit INSERT/UPDATE_BEFORE/UPDATE_AFTER/DELETE (else INSERT only)
     * @param seededByBaseData whether the tunnel's base data filled the state (BaseAndStream)
     * @param stateTypeInfo type information of {@link #stateType}
     */
    RowImageFunction(
            RowShape shape,
            boolean changelog,
            boolean ignoreDelete,
            boolean seededByBaseData,
            boolean skipInvalid,
            TypeInformation<RowData> stateTypeInfo) {
        this.stateTypeInfo = stateTypeInfo;
        this.shape = shape;
        this.changelog = changelog;
        this.ignoreDelete = ignoreDelete;
        this.seededByBaseData = seededByBaseData;
        this.skipInvalid = skipInvalid;
    }

    /** State row: the produced fields, then each physical column's version, then the deleted flag. */
    static RowType stateType(RowShape shape) {
        List<RowType.RowField> fields = new ArrayList<>();
        LogicalType[] produced = ImageEnvelope.producedTypes(shape);
        for (int i = 0; i < produced.length; i++) {
            fields.add(new RowType.RowField("f" + i, produced[i]));
        }
        fields.add(new RowType.RowField("$versions", new ArrayType(false, new BigIntType(false))));
        fields.add(new RowType.RowField("$deleted", new BooleanType(false)));
        return new RowType(false, fields);
    }

    @Override
    public void open(OpenContext openContext) {
        RowType stateType = stateType(shape);
        images = getRuntimeContext().getState(new ValueStateDescriptor<>("row-image", stateTypeInfo));
        stateSerializer = getRuntimeContext().createSerializer(stateTypeInfo);
        RowType envelope = ImageEnvelope.rowType(shape);
        envelopeGetters = getters(envelope.getChildren());
        stateGetters = getters(stateType.getChildren());
        invalid = new InvalidDataHandler(skipInvalid, getRuntimeContext().getMetricGroup());
    }

    private static RowData.FieldGetter[] getters(List<LogicalType> types) {
        RowData.FieldGetter[] getters = new RowData.FieldGetter[types.size()];
        for (int i = 0; i < getters.length; i++) {
            getters[i] = RowData.createFieldGetter(types.get(i), i);
        }
        return getters;
    }

    @Override
    public void processElement(RowData change, Context ctx, Collector<RowData> out) throws Exception {
        int n = shape.physicalCount();
        int width = n + shape.metadataCount();
        byte action = change.getByte(ImageEnvelope.ACTION);
        RowData held = images.value();
        boolean deleted = held != null && held.getBoolean(width + 1);
        boolean known = held != null && !deleted;

        if (action == DELETE) {
            if (!changelog) {
                images.clear();
                if (!ignoreDelete) {
                    GenericRowData row = new GenericRowData(width);
                    for (int i = 0; i < width; i++) {
                        boolean keep = i >= n || shape.primaryKey[i];
                        row.setField(i, keep ? envelopeGetters[ImageEnvelope.HEADER + i].getFieldOrNull(change) : null);
                    }
                    out.collect(row);
                }
            } else if (ignoreDelete) {
                if (known) {
                    images.update(stateRow(emitted(held, width), versionsOf(held, width, n), true));
                }
            } else if (held != null) {
                RowData before = emitted(held, width);
                before.setRowKind(RowKind.DELETE);
                out.collect(before);
                images.clear();
            }
            return;
        }

        byte[] ops = change.getBinary(ImageEnvelope.OPS);
        long[] changeVersions = change.getArray(ImageEnvelope.VERSIONS).toLongArray();
        if (action != PUT && !known && !seededByBaseData && !complete(ops)) {
            invalid.invalid("table '" + shape.tableName + "', channel '" + change.getString(ImageEnvelope.CHANNEL)
                    + "', row key " + ctx.getCurrentKey() + ": an UPDATE leaves columns " + untouched(ops)
                    + " untouched on a row this job has not seen, so their values are unknown (a STREAM "
                    + "tunnel has no base data; use a BASE_AND_STREAM tunnel for full row images)");
            return;
        }

        GenericRowData image = new GenericRowData(width);
        long[] versions = new long[n];
        long[] heldVersions = known ? versionsOf(held, width, n) : null;
        for (int i = 0; i < n; i++) {
            Object value = envelopeGetters[ImageEnvelope.HEADER + i].getFieldOrNull(change);
            if (shape.primaryKey[i] || action == PUT) {
                image.setField(i, value);
                versions[i] = changeVersions[i];
                continue;
            }
            Object current = known ? stateGetters[i].getFieldOrNull(held) : null;
            long currentVersion = known ? heldVersions[i] : ImageEnvelope.NO_VERSION;
            switch (ops[i]) {
                case ImageEnvelope.OP_PUT:
                    if (currentVersion == ImageEnvelope.NO_VERSION || changeVersions[i] >= currentVersion) {
                        image.setField(i, value);
                        versions[i] = changeVersions[i];
                    } else {
                        image.setField(i, current); // an older version: the newest stays visible
                        versions[i] = currentVersion;
                    }
                    break;
                case ImageEnvelope.OP_DELETE_ALL:
                    versions[i] = ImageEnvelope.NO_VERSION;
                    break;
                case ImageEnvelope.OP_DELETE_ONE:
                    if (changeVersions[i] != currentVersion) {
                        image.setField(i, current);
                        versions[i] = currentVersion;
                    } else {
                        versions[i] = ImageEnvelope.NO_VERSION;
                    }
                    break;
                default:
                    image.setField(i, current);
                    versions[i] = currentVersion;
            }
        }
        for (int j = n; j < width; j++) {
            image.setField(j, envelopeGetters[ImageEnvelope.HEADER + j].getFieldOrNull(change));
        }
        for (int i = 0; i < n; i++) {
            if (shape.notNullAttribute(i) && image.isNullAt(i)) {
                invalid.invalid("table '" + shape.tableName + "', channel '" + change.getString(ImageEnvelope.CHANNEL)
                        + "', row key " + ctx.getCurrentKey() + ": column '" + shape.names[i]
                        + "' is declared NOT NULL but the row has no value for it");
                return;
            }
        }

        GenericRowData stored = stateRow(image, versions, false);
        if (!changelog) {
            out.collect(image);
        } else if (held == null) {
            out.collect(image);
        } else {
            RowData before = emitted(held, width);
            if (sameFields(before, image, width)) {
                images.update(stored);
                return;
            }
            before.setRowKind(RowKind.UPDATE_BEFORE);
            out.collect(before);
            image.setRowKind(RowKind.UPDATE_AFTER);
            out.collect(image);
        }
        images.update(stored);
    }

    private boolean complete(byte[] ops) {
        for (int i = 0; i < ops.length; i++) {
            if (!shape.primaryKey[i] && ops[i] == ImageEnvelope.OP_NONE) {
                return false;
            }
        }
        return true;
    }

    private List<String> untouched(byte[] ops) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ops.length; i++) {
            if (!shape.primaryKey[i] && ops[i] == ImageEnvelope.OP_NONE) {
                names.add(shape.names[i]);
            }
        }
        return names;
    }

    /** The state row, deep-copied so that it never shares memory with the input. */
    private GenericRowData stateRow(RowData image, long[] versions, boolean deleted) {
        int width = shape.physicalCount() + shape.metadataCount();
        GenericRowData row = new GenericRowData(width + 2);
        for (int i = 0; i < width; i++) {
            // Append mode never re-emits a held row: its metadata need not be kept.
            row.setField(i, changelog || i < shape.physicalCount() ? stateGetters[i].getFieldOrNull(image) : null);
        }
        row.setField(width, new GenericArrayData(versions));
        row.setField(width + 1, deleted);
        return (GenericRowData) stateSerializer.copy(row);
    }

    private GenericRowData emitted(RowData held, int width) {
        GenericRowData row = new GenericRowData(width);
        for (int i = 0; i < width; i++) {
            row.setField(i, stateGetters[i].getFieldOrNull(held));
        }
        return row;
    }

    private static long[] versionsOf(RowData held, int width, int n) {
        ArrayData array = held.getArray(width);
        long[] versions = array.toLongArray();
        return versions.length == n ? versions : new long[n];
    }

    private boolean sameFields(RowData a, GenericRowData b, int width) {
        for (int i = 0; i < width; i++) {
            if (!Objects.deepEquals(stateGetters[i].getFieldOrNull(a), b.getField(i))) {
                return false;
            }
        }
        return true;
    }
}

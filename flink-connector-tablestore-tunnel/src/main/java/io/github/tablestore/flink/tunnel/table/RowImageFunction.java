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

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 *
 * <p>The state holds each key's image as one byte array ({@link RowImageCodec}): read once and
 * written once per record.
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
    private final boolean chainedToSource;

    private transient ValueState<byte[]> images;
    private transient RowImageCodec codec;
    private transient RowData.FieldGetter[] envelopeGetters;
    private transient long[] heldVersions;
    private transient long[] versions;
    private transient InvalidDataHandler invalid;

    /**
     * @param changelog emit INSERT/UPDATE_BEFORE/UPDATE_AFTER/DELETE (else INSERT only)
     * @param seededByBaseData whether the tunnel's base data filled the state (BaseAndStream)
     */
    RowImageFunction(
            RowShape shape,
            boolean changelog,
            boolean ignoreDelete,
            boolean seededByBaseData,
            boolean skipInvalid) {
        this(shape, changelog, ignoreDelete, seededByBaseData, skipInvalid, false);
    }

    /**
     * @param chainedToSource planned without a keyBy, chained to a source of parallelism 1:
     *     correct only while this runs as a single subtask (checked when opened)
     */
    RowImageFunction(
            RowShape shape,
            boolean changelog,
            boolean ignoreDelete,
            boolean seededByBaseData,
            boolean skipInvalid,
            boolean chainedToSource) {
        this.shape = shape;
        this.changelog = changelog;
        this.ignoreDelete = ignoreDelete;
        this.seededByBaseData = seededByBaseData;
        this.skipInvalid = skipInvalid;
        this.chainedToSource = chainedToSource;
    }

    @Override
    public void open(OpenContext openContext) {
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        if (chainedToSource && subtasks != 1) {
            // A scheduler changed the parallelism of a plan made for 1 (e.g. reactive mode):
            // records would reach subtasks that do not hold their key's state.
            throw new IllegalStateException(
                    "The row images of table '"
                            + shape.tableName
                            + "' were planned for parallelism 1 (chained to the source, without a "
                            + "keyBy) but run at parallelism "
                            + subtasks
                            + "; submit the query again at the new parallelism (from a savepoint "
                            + "to keep the state) so that it is planned with a keyBy");
        }
        images =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "row-image",
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        codec = new RowImageCodec(ImageEnvelope.producedTypes(shape), shape.physicalCount());
        RowType envelope = ImageEnvelope.rowType(shape);
        envelopeGetters = getters(envelope.getChildren());
        heldVersions = new long[shape.physicalCount()];
        versions = new long[shape.physicalCount()];
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
    public void processElement(RowData change, Context ctx, Collector<RowData> out)
            throws Exception {
        int n = shape.physicalCount();
        int width = n + shape.metadataCount();
        byte action = change.getByte(ImageEnvelope.ACTION);
        if (action == PUT && !changelog) {
            // A PUT is the whole row, and append mode never re-emits the row before it: the
            // held image is not read (a state lookup per record saved), only replaced.
            putInAppendMode(change, ctx, out, n, width);
            return;
        }
        byte[] held = images.value();
        boolean deleted = held != null && codec.deleted(held);
        boolean known = held != null && !deleted;

        if (action == DELETE) {
            if (!changelog) {
                images.clear();
                if (!ignoreDelete) {
                    GenericRowData row = new GenericRowData(width);
                    for (int i = 0; i < width; i++) {
                        boolean keep = i >= n || shape.primaryKey[i];
                        row.setField(
                                i,
                                keep
                                        ? envelopeGetters[ImageEnvelope.HEADER + i].getFieldOrNull(
                                                change)
                                        : null);
                    }
                    out.collect(row);
                }
            } else if (ignoreDelete) {
                if (known) {
                    images.update(codec.markedDeleted(held));
                }
            } else if (held != null) {
                RowData before = codec.decode(held, heldVersions);
                before.setRowKind(RowKind.DELETE);
                out.collect(before);
                images.clear();
            }
            return;
        }

        byte[] changes = change.getBinary(ImageEnvelope.CHANGES);
        if (action != PUT && !known && !seededByBaseData && !complete(changes)) {
            invalid.invalid(
                    "table '"
                            + shape.tableName
                            + "', channel '"
                            + change.getString(ImageEnvelope.CHANNEL)
                            + "', row key "
                            + RowKeys.describe(ctx.getCurrentKey())
                            + ": an UPDATE leaves columns "
                            + untouched(changes)
                            + " untouched on a row this job has not seen, so their values are "
                            + "unknown (a STREAM tunnel has no base data; use a BASE_AND_STREAM tunnel for full row images)");
            return;
        }

        // The row emitted before, decoded only when used: to retract it (changelog) or to fill in
        // what an UPDATE leaves untouched. A PUT in append mode needs none of it.
        GenericRowData before =
                held != null && (changelog || (known && action != PUT))
                        ? codec.decode(held, heldVersions)
                        : null;
        GenericRowData image = new GenericRowData(width);
        for (int i = 0; i < n; i++) {
            long changeVersion = ImageEnvelope.version(changes, n, i);
            Object value;
            long version;
            if (shape.primaryKey[i] || action == PUT) {
                value = changed(change, i);
                version = changeVersion;
            } else {
                Object current = known ? before.getField(i) : null;
                long currentVersion = known ? heldVersions[i] : ImageEnvelope.NO_VERSION;
                switch (ImageEnvelope.op(changes, i)) {
                    case ImageEnvelope.OP_PUT:
                        if (currentVersion == ImageEnvelope.NO_VERSION
                                || changeVersion >= currentVersion) {
                            value = changed(change, i);
                            version = changeVersion;
                        } else {
                            value = current; // an older version: the newest stays visible
                            version = currentVersion;
                        }
                        break;
                    case ImageEnvelope.OP_DELETE_ALL:
                        value = null;
                        version = ImageEnvelope.NO_VERSION;
                        break;
                    case ImageEnvelope.OP_DELETE_ONE:
                        if (changeVersion != currentVersion) {
                            value = current;
                            version = currentVersion;
                        } else {
                            value = null;
                            version = ImageEnvelope.NO_VERSION;
                        }
                        break;
                    default:
                        value = current;
                        version = currentVersion;
                }
            }
            image.setField(i, value);
            versions[i] = version;
        }
        for (int j = n; j < width; j++) {
            image.setField(j, changed(change, j));
        }
        for (int i = 0; i < n; i++) {
            if (shape.notNullAttribute(i) && image.isNullAt(i)) {
                notNullViolated(change, ctx, i);
                return;
            }
        }

        // Append mode never re-emits a held row: its metadata need not be kept.
        byte[] stored = codec.encode(image, changelog ? width : n, versions, false);
        if (!changelog) {
            out.collect(image);
        } else if (held == null) {
            out.collect(image);
        } else {
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

    /** The image of a PUT in append mode: the change's fields, whatever the key held before. */
    private void putInAppendMode(
            RowData change, Context ctx, Collector<RowData> out, int n, int width)
            throws Exception {
        byte[] changes = change.getBinary(ImageEnvelope.CHANGES);
        GenericRowData image = new GenericRowData(width);
        for (int i = 0; i < width; i++) {
            image.setField(i, changed(change, i));
        }
        for (int i = 0; i < n; i++) {
            versions[i] = ImageEnvelope.version(changes, n, i);
            if (shape.notNullAttribute(i) && image.isNullAt(i)) {
                notNullViolated(change, ctx, i);
                return;
            }
        }
        byte[] stored = codec.encode(image, n, versions, false);
        out.collect(image);
        images.update(stored);
    }

    private void notNullViolated(RowData change, Context ctx, int i) {
        invalid.invalid(
                "table '"
                        + shape.tableName
                        + "', channel '"
                        + change.getString(ImageEnvelope.CHANNEL)
                        + "', row key "
                        + RowKeys.describe(ctx.getCurrentKey())
                        + ": column '"
                        + shape.names[i]
                        + "' is declared NOT NULL but the row has no value for it");
    }

    /**
     * Field {@code i} of the produced row as the change carries it. It may be a view of the
     * input's memory: the state keeps its own encoded copy, and emitted rows follow Flink's rules
     * for records handed downstream.
     */
    private Object changed(RowData change, int i) {
        return envelopeGetters[ImageEnvelope.HEADER + i].getFieldOrNull(change);
    }

    private boolean complete(byte[] changes) {
        int n = shape.physicalCount();
        for (int i = 0; i < n; i++) {
            if (!shape.primaryKey[i] && ImageEnvelope.op(changes, i) == ImageEnvelope.OP_NONE) {
                return false;
            }
        }
        return true;
    }

    private List<String> untouched(byte[] changes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < shape.physicalCount(); i++) {
            if (!shape.primaryKey[i] && ImageEnvelope.op(changes, i) == ImageEnvelope.OP_NONE) {
                names.add(shape.names[i]);
            }
        }
        return names;
    }

    private static boolean sameFields(GenericRowData a, GenericRowData b, int width) {
        for (int i = 0; i < width; i++) {
            if (!Objects.deepEquals(a.getField(i), b.getField(i))) {
                return false;
            }
        }
        return true;
    }
}

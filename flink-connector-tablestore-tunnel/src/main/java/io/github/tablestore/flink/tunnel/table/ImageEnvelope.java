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

import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TinyIntType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;

import java.util.ArrayList;
import java.util.List;

/**
 * The row the source hands to {@link RowImageFunction} when full row images are built: a header
 * (row key, change, channel, and per column what the record did to it and the cell's version)
 * followed by the produced row's fields, where a column the record does not touch is NULL.
 *
 * <p>The header holds only flat values (BYTES, TINYINT, STRING) so that the envelope costs little
 * to serialize on its way through the keyBy exchange: the row key in {@link RowKeys}' form, and
 * the per-column operations and versions packed into one BYTES field ({@link #CHANGES}).
 */
final class ImageEnvelope {
    private ImageEnvelope() {}

    static final int KEY = 0;
    static final int ACTION = 1;
    static final int CHANNEL = 2;

    /** For n physical columns: n operation bytes, then n versions of 8 bytes (big-endian). */
    static final int CHANGES = 3;

    static final int HEADER = 4;

    /** The record does not touch the column. */
    static final byte OP_NONE = 0;

    /** The record writes a value (its version is in the changes). */
    static final byte OP_PUT = 1;

    /** The record deletes every version of the column. */
    static final byte OP_DELETE_ALL = 2;

    /** The record deletes the version given in the changes. */
    static final byte OP_DELETE_ONE = 3;

    /** Version of a column without one. */
    static final long NO_VERSION = Long.MIN_VALUE;

    static RowType rowType(RowShape shape) {
        List<RowType.RowField> fields = new ArrayList<>();
        fields.add(
                new RowType.RowField("$key", new VarBinaryType(false, VarBinaryType.MAX_LENGTH)));
        fields.add(new RowType.RowField("$action", new TinyIntType(false)));
        fields.add(
                new RowType.RowField("$channel", new VarCharType(false, VarCharType.MAX_LENGTH)));
        fields.add(
                new RowType.RowField(
                        "$changes", new VarBinaryType(false, VarBinaryType.MAX_LENGTH)));
        for (int i = 0; i < shape.physicalCount(); i++) {
            fields.add(new RowType.RowField("p" + i, shape.types[i].copy(true)));
        }
        for (int i = 0; i < shape.metadataCount(); i++) {
            fields.add(new RowType.RowField("m" + i, shape.metadataTypes[i].copy(true)));
        }
        return new RowType(false, fields);
    }

    /** Changes of {@code n} columns: every operation {@link #OP_NONE}, every version 0. */
    static byte[] newChanges(int n) {
        return new byte[9 * n];
    }

    /** Records what the change does to column {@code i} of {@code n}. */
    static void setChange(byte[] changes, int n, int i, byte op, long version) {
        changes[i] = op;
        PackedLongs.put(changes, n + 8 * i, version);
    }

    /** Sets only the version of column {@code i} of {@code n}. */
    static void setVersion(byte[] changes, int n, int i, long version) {
        PackedLongs.put(changes, n + 8 * i, version);
    }

    /** What the change does to column {@code i}. */
    static byte op(byte[] changes, int i) {
        return changes[i];
    }

    /** The version the change gives column {@code i} of {@code n}. */
    static long version(byte[] changes, int n, int i) {
        return PackedLongs.get(changes, n + 8 * i);
    }

    /** The produced row type (physical then metadata fields), for the image state. */
    static LogicalType[] producedTypes(RowShape shape) {
        LogicalType[] types = new LogicalType[shape.physicalCount() + shape.metadataCount()];
        for (int i = 0; i < shape.physicalCount(); i++) {
            types[i] = shape.types[i].copy(true);
        }
        for (int i = 0; i < shape.metadataCount(); i++) {
            types[shape.physicalCount() + i] = shape.metadataTypes[i].copy(true);
        }
        return types;
    }
}

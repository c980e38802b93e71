package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TinyIntType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * The row the source hands to {@link RowImageFunction} when full row images are built: a header
 * (row key, change, channel, and per column what the record did to it and the cell's version)
 * followed by the produced row's fields, where a column the record does not touch is NULL.
 */
final class ImageEnvelope {
    private ImageEnvelope() {}

    static final int KEY = 0;
    static final int ACTION = 1;
    static final int CHANNEL = 2;
    static final int OPS = 3;
    static final int VERSIONS = 4;
    static final int HEADER = 5;

    /** The record does not touch the column. */
    static final byte OP_NONE = 0;
    /** The record writes a value (its version is in VERSIONS). */
    static final byte OP_PUT = 1;
    /** The record deletes every version of the column. */
    static final byte OP_DELETE_ALL = 2;
    /** The record deletes the version given in VERSIONS. */
    static final byte OP_DELETE_ONE = 3;

    /** Version of a column without one. */
    static final long NO_VERSION = Long.MIN_VALUE;

    static RowType rowType(RowShape shape) {
        List<RowType.RowField> fields = new ArrayList<>();
        fields.add(new RowType.RowField("$key", new VarCharType(false, VarCharType.MAX_LENGTH)));
        fields.add(new RowType.RowField("$action", new TinyIntType(false)));
        fields.add(new RowType.RowField("$channel", new VarCharType(false, VarCharType.MAX_LENGTH)));
        fields.add(new RowType.RowField("$ops", new VarBinaryType(false, VarBinaryType.MAX_LENGTH)));
        fields.add(new RowType.RowField("$versions", new ArrayType(false, new BigIntType(false))));
        for (int i = 0; i < shape.physicalCount(); i++) {
            fields.add(new RowType.RowField("p" + i, shape.types[i].copy(true)));
        }
        for (int i = 0; i < shape.metadataCount(); i++) {
            fields.add(new RowType.RowField("m" + i, shape.metadataTypes[i].copy(true)));
        }
        return new RowType(false, fields);
    }

    /**
     * The row's identity as a string: unambiguous (lengths and terminators), so two keys are
     * equal exactly when their strings are; still readable in messages.
     */
    static String key(PrimaryKey primaryKey) {
        StringBuilder sb = new StringBuilder();
        for (PrimaryKeyColumn column : primaryKey.columns()) {
            ColumnValue v = column.value();
            switch (v.type()) {
                case INTEGER:
                    sb.append('i').append(v.asLong()).append(';');
                    break;
                case STRING:
                    String s = v.asString();
                    sb.append('s').append(s.length()).append(':').append(s);
                    break;
                case BINARY:
                    sb.append('b');
                    for (byte b : v.asBinary()) {
                        sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
                    }
                    sb.append(';');
                    break;
                default:
                    sb.append('?').append(v.type()).append(';');
            }
        }
        return sb.toString();
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

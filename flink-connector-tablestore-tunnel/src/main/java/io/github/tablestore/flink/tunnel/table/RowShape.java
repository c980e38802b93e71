package io.github.tablestore.flink.tunnel.table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * What the source produces for one query: the projected physical columns (name, type, whether it
 * is a primary-key column) followed by the requested metadata columns. Immutable.
 */
final class RowShape implements Serializable {
    private static final long serialVersionUID = 1L;

    final String tableName;
    final String[] names;
    final LogicalType[] types;
    final boolean[] primaryKey;
    final String[] metadataKeys;
    final LogicalType[] metadataTypes;

    RowShape(
            String tableName,
            List<String> names,
            List<LogicalType> types,
            List<Boolean> primaryKey,
            List<String> metadataKeys,
            List<LogicalType> metadataTypes) {
        this.tableName = tableName;
        this.names = names.toArray(new String[0]);
        this.types = types.toArray(new LogicalType[0]);
        this.primaryKey = new boolean[primaryKey.size()];
        for (int i = 0; i < this.primaryKey.length; i++) {
            this.primaryKey[i] = primaryKey.get(i);
        }
        this.metadataKeys = metadataKeys.toArray(new String[0]);
        this.metadataTypes = metadataTypes.toArray(new LogicalType[0]);
    }

    int physicalCount() {
        return names.length;
    }

    int metadataCount() {
        return metadataKeys.length;
    }

    /** Whether a projected physical column is a declared-NOT-NULL attribute column. */
    boolean notNullAttribute(int i) {
        return !primaryKey[i] && !types[i].isNullable();
    }

    /** The projected attribute (non-primary-key) columns: what the readers must decode. */
    List<String> attributeNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (!primaryKey[i]) {
                out.add(names[i]);
            }
        }
        return out;
    }

    boolean hasAttributes() {
        for (boolean pk : primaryKey) {
            if (!pk) {
                return true;
            }
        }
        return false;
    }
}

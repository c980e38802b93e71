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

package io.github.tablestore.flink.tunnel.table.lookup;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.table.CellConverter;
import io.github.tablestore.flink.tunnel.table.CellConverter.InvalidCellException;
import io.github.tablestore.flink.tunnel.table.InvalidDataHandler;

import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How lookup keys become Tablestore primary keys and answered rows become Flink rows, for one
 * lookup join: which columns to read ({@code columns_to_get}: the projected ones and the primary
 * key), which leading primary-key columns the join binds, and the conversions.
 *
 * <p>The join must bind the table's primary-key columns from the first on: all of them (a point
 * read) or a leading part (a range read of every row with that prefix). Other equality
 * conditions on attribute columns filter the rows read.
 */
final class LookupRows implements Serializable {
    private static final long serialVersionUID = 1L;

    final String tableName;
    private final List<String> primaryKey;
    private final String[] names;
    private final LogicalType[] types;
    private final CellConverter[] converters;
    private final boolean[] notNull;

    /** Per produced column: its position in the primary key, or -1 for an attribute column. */
    private final int[] keyPosition;

    /** Per key-row field: the produced column it binds. */
    private final int[] keyColumns;

    /** Per bound primary-key column (in key order): its field in the key row. */
    private final int[] prefixFields;

    /** Key-row fields that bind attribute columns (a filter on the rows read). */
    private final int[] filterFields;

    private final List<String> columnsToGet;

    LookupRows(
            String tableName,
            List<String> primaryKey,
            List<String> names,
            List<LogicalType> types,
            List<CellConverter> converters,
            int[] keyColumns) {
        this.tableName = tableName;
        this.primaryKey = List.copyOf(primaryKey);
        this.names = names.toArray(new String[0]);
        this.types = types.toArray(new LogicalType[0]);
        this.converters = converters.toArray(new CellConverter[0]);
        this.notNull = new boolean[this.names.length];
        this.keyPosition = new int[this.names.length];
        for (int i = 0; i < this.names.length; i++) {
            keyPosition[i] = primaryKey.indexOf(this.names[i]);
            notNull[i] = !this.types[i].isNullable();
        }
        this.keyColumns = keyColumns.clone();

        int[] fieldOfKeyColumn = new int[primaryKey.size()];
        Arrays.fill(fieldOfKeyColumn, -1);
        List<Integer> filters = new ArrayList<>();
        List<String> bound = new ArrayList<>();
        for (int f = 0; f < keyColumns.length; f++) {
            int column = keyColumns[f];
            int position = keyPosition[column];
            if (position < 0) {
                filters.add(f);
            } else {
                fieldOfKeyColumn[position] = f;
                bound.add(this.names[column]);
                checkKeyType(this.names[column], this.types[column]);
            }
        }
        int prefix = 0;
        while (prefix < fieldOfKeyColumn.length && fieldOfKeyColumn[prefix] >= 0) {
            prefix++;
        }
        if (prefix == 0 || prefix < bound.size()) {
            throw new ValidationException(
                    "A lookup join on Tablestore table '"
                            + tableName
                            + "' must bind its primary-key columns "
                            + primaryKey
                            + " from the first on (all of them for a point read, or a leading part "
                            + "for a range read), with equality conditions; it binds "
                            + bound
                            + (filters.isEmpty()
                                    ? ""
                                    : " and attribute columns " + filterNames(filters)));
        }
        this.prefixFields = Arrays.copyOf(fieldOfKeyColumn, prefix);
        this.filterFields = filters.stream().mapToInt(Integer::intValue).toArray();

        Set<String> columns = new LinkedHashSet<>(Arrays.asList(this.names));
        // With the key columns listed, an existing row with none of the other columns still comes
        // back (a row of NULLs, not a missing row).
        columns.addAll(primaryKey);
        this.columnsToGet = List.copyOf(columns);
    }

    private List<String> filterNames(List<Integer> fields) {
        List<String> out = new ArrayList<>();
        for (int f : fields) {
            out.add(names[keyColumns[f]]);
        }
        return out;
    }

    private static void checkKeyType(String column, LogicalType type) {
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
            case BIGINT:
            case INTEGER:
            case SMALLINT:
            case TINYINT:
            case BINARY:
            case VARBINARY:
                return;
            default:
                throw new ValidationException(
                        "Lookup key column '"
                                + column
                                + "' is declared "
                                + type.asSummaryString()
                                + "; a lookup binds primary-key columns declared STRING (VARCHAR, "
                                + "CHAR), BIGINT (INT, SMALLINT, TINYINT) or BYTES (VARBINARY, "
                                + "BINARY)");
        }
    }

    /** Whether the join binds the whole primary key (a point read). */
    boolean pointRead() {
        return prefixFields.length == primaryKey.size();
    }

    List<String> columnsToGet() {
        return columnsToGet;
    }

    /** Whether a key field is NULL: SQL equality with NULL matches no row. */
    boolean hasNullKey(RowData keyRow) {
        for (int f = 0; f < keyColumns.length; f++) {
            if (keyRow.isNullAt(f)) {
                return true;
            }
        }
        return false;
    }

    /** The primary key a point read reads. */
    PrimaryKey primaryKey(RowData keyRow) {
        List<PrimaryKeyColumn> columns = new ArrayList<>(prefixFields.length);
        for (int p = 0; p < prefixFields.length; p++) {
            columns.add(new PrimaryKeyColumn(primaryKey.get(p), value(keyRow, prefixFields[p])));
        }
        return new PrimaryKey(columns);
    }

    /** Start (inclusive) and end (exclusive) of the rows a range read reads. */
    PrimaryKey[] range(RowData keyRow) {
        List<PrimaryKeyColumn> start = new ArrayList<>(primaryKey.size());
        List<PrimaryKeyColumn> end = new ArrayList<>(primaryKey.size());
        for (int p = 0; p < primaryKey.size(); p++) {
            if (p < prefixFields.length) {
                ColumnValue v = value(keyRow, prefixFields[p]);
                start.add(new PrimaryKeyColumn(primaryKey.get(p), v));
                end.add(new PrimaryKeyColumn(primaryKey.get(p), v));
            } else {
                start.add(new PrimaryKeyColumn(primaryKey.get(p), ColumnValue.INF_MIN));
                end.add(new PrimaryKeyColumn(primaryKey.get(p), ColumnValue.INF_MAX));
            }
        }
        return new PrimaryKey[] {new PrimaryKey(start), new PrimaryKey(end)};
    }

    private ColumnValue value(RowData keyRow, int field) {
        LogicalType type = types[keyColumns[field]];
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                return ColumnValue.ofString(keyRow.getString(field).toString());
            case BIGINT:
                return ColumnValue.ofLong(keyRow.getLong(field));
            case INTEGER:
                return ColumnValue.ofLong(keyRow.getInt(field));
            case SMALLINT:
                return ColumnValue.ofLong(keyRow.getShort(field));
            case TINYINT:
                return ColumnValue.ofLong(keyRow.getByte(field));
            default:
                return ColumnValue.ofBinary(keyRow.getBinary(field));
        }
    }

    /**
     * The Flink row of an answered row, or {@code null} when it does not fit the declared columns
     * and invalid data is skipped ({@code invalid} throws otherwise, naming table, key and column).
     */
    RowData toRowData(Row row, InvalidDataHandler invalid) {
        GenericRowData out = new GenericRowData(names.length);
        List<Cell> cells = row.cells();
        for (int i = 0; i < names.length; i++) {
            ColumnValue v =
                    keyPosition[i] >= 0
                            ? row.primaryKey().value(names[i])
                            : newest(cells, names[i]);
            String problem = null;
            if (v == null) {
                if (notNull[i]) {
                    problem = "is declared NOT NULL but the row has no value for it";
                }
            } else {
                try {
                    out.setField(i, converters[i].convert(v));
                } catch (InvalidCellException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                invalid.invalid(
                        "lookup in table '"
                                + tableName
                                + "', primary key "
                                + row.primaryKey()
                                + ": column '"
                                + names[i]
                                + "' "
                                + problem);
                return null;
            }
        }
        return out;
    }

    private static ColumnValue newest(List<Cell> cells, String name) {
        Cell best = null;
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            if (cell.name().equals(name) && (best == null || cell.timestamp() > best.timestamp())) {
                best = cell;
            }
        }
        return best == null ? null : best.value();
    }

    /** Whether a row read matches the join's conditions on attribute columns. */
    boolean matchesFilters(RowData row, RowData keyRow) {
        for (int f : filterFields) {
            int column = keyColumns[f];
            if (row.isNullAt(column)) {
                return false;
            }
            Object have = RowData.createFieldGetter(types[column], column).getFieldOrNull(row);
            Object want = RowData.createFieldGetter(types[column], f).getFieldOrNull(keyRow);
            boolean equal =
                    have instanceof byte[] && want instanceof byte[]
                            ? Arrays.equals((byte[]) have, (byte[]) want)
                            : Objects.equals(have, want);
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "LookupRows{table="
                + tableName
                + ", columns="
                + Arrays.toString(names)
                + ", boundKeyColumns="
                + prefixFields.length
                + "/"
                + primaryKey.size()
                + "}";
    }
}

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

package io.github.tablestore.flink.tunnel.client.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A row's primary key: its primary-key columns in schema order. Ordered column by column by value
 * (Tablestore's row order; see {@link ColumnValue#compareTo}); a key that is a prefix of another
 * sorts first. Names are not compared: keys of one table share their column names.
 */
public final class PrimaryKey implements Comparable<PrimaryKey> {
    private final List<PrimaryKeyColumn> columns;

    public PrimaryKey(List<PrimaryKeyColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    public static PrimaryKey of(PrimaryKeyColumn... columns) {
        return new PrimaryKey(List.of(columns));
    }

    /** This key with values that own their bytes (see {@link ColumnValue#detached()}). */
    public PrimaryKey detached() {
        List<PrimaryKeyColumn> copy = null;
        for (int i = 0; i < columns.size(); i++) {
            PrimaryKeyColumn c = columns.get(i);
            if (c.value().isSlice()) {
                if (copy == null) {
                    copy = new ArrayList<>(columns);
                }
                copy.set(i, new PrimaryKeyColumn(c.name(), c.value().detached()));
            }
        }
        return copy == null ? this : new PrimaryKey(copy);
    }

    public List<PrimaryKeyColumn> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }

    public PrimaryKeyColumn get(int index) {
        return columns.get(index);
    }

    /** The value of the column called {@code name}, or {@code null} if the key has none. */
    public ColumnValue value(String name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < columns.size(); i++) {
            PrimaryKeyColumn column = columns.get(i);
            if (column.name().equals(name)) {
                return column.value();
            }
        }
        return null;
    }

    @Override
    public int compareTo(PrimaryKey other) {
        int common = Math.min(columns.size(), other.columns.size());
        for (int i = 0; i < common; i++) {
            int c = columns.get(i).value().compareTo(other.columns.get(i).value());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(columns.size(), other.columns.size());
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof PrimaryKey && columns.equals(((PrimaryKey) o).columns));
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return columns.toString();
    }
}

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

package io.github.tablestore.flink.tunnel.emulator.store;

import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferEncoder;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A row as stored: primary key and, per attribute column, its versions newest first. Immutable —
 * a write builds a new row — so readers need no lock, and the base-data record of a row can be
 * encoded once and cached.
 */
public final class StoredRow {
    private final PrimaryKey primaryKey;

    /** Column name → versions, newest first; never empty lists. */
    private final SortedMap<String, List<Version>> columns;

    /** Partition routing key of the row, computed once. */
    private final Object routingKey;

    private volatile byte[] baseFrame;

    /** {@link #latestCells()} encoded as a PK-less image row; the change log encodes it. */
    private volatile byte[] fullImage;

    StoredRow(PrimaryKey primaryKey, SortedMap<String, List<Version>> columns, Object routingKey) {
        this.primaryKey = primaryKey;
        this.columns = Collections.unmodifiableSortedMap(columns);
        this.routingKey = routingKey;
    }

    public PrimaryKey primaryKey() {
        return primaryKey;
    }

    Object routingKey() {
        return routingKey;
    }

    public Set<String> columnNames() {
        return columns.keySet();
    }

    List<Version> versions(String column) {
        List<Version> v = columns.get(column);
        return v == null ? Collections.emptyList() : v;
    }

    /** A mutable copy of the column map, for building the next version of this row. */
    TreeMap<String, List<Version>> copyColumns() {
        TreeMap<String, List<Version>> copy = new TreeMap<>();
        for (Map.Entry<String, List<Version>> e : columns.entrySet()) {
            copy.put(e.getKey(), new ArrayList<>(e.getValue()));
        }
        return copy;
    }

    /** The latest version of every column, as PUT cells with timestamps. */
    public List<Cell> latestCells() {
        List<Cell> cells = new ArrayList<>(columns.size());
        for (Map.Entry<String, List<Version>> e : columns.entrySet()) {
            Version v = e.getValue().get(0);
            cells.add(Cell.put(e.getKey(), v.value, v.timestamp));
        }
        return cells;
    }

    /**
     * The row as GetRow/GetRange return it: columns sorted by name, each with its newest versions
     * first.
     *
     * @param columnsToGet the columns wanted, or empty for all
     * @param maxVersions at most this many versions per column
     * @param minTs inclusive lower bound of versions (ms)
     * @param maxTs exclusive upper bound of versions (ms)
     * @return the row, or {@code null} when columns were asked for and none matched
     */
    public Row read(Set<String> columnsToGet, int maxVersions, long minTs, long maxTs) {
        List<Cell> cells = new ArrayList<>();
        for (Map.Entry<String, List<Version>> e : columns.entrySet()) {
            if (!columnsToGet.isEmpty() && !columnsToGet.contains(e.getKey())) {
                continue;
            }
            int n = 0;
            for (Version v : e.getValue()) {
                if (n >= maxVersions) {
                    break;
                }
                if (v.timestamp >= minTs && v.timestamp < maxTs) {
                    cells.add(Cell.put(e.getKey(), v.value, v.timestamp));
                    n++;
                }
            }
        }
        // Asked for columns it has none of, the row is answered as missing; a primary-key column
        // among them always exists (how callers tell an existing row with no such cells).
        if (cells.isEmpty() && !columnsToGet.isEmpty() && !namesKeyColumn(columnsToGet)) {
            return null;
        }
        return Row.of(primaryKey, cells);
    }

    private boolean namesKeyColumn(Set<String> names) {
        for (PrimaryKeyColumn c : primaryKey.columns()) {
            if (names.contains(c.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every column's latest version as an encoded image row ({@code origin_record} or {@code
     * latest_record} bytes with all columns): encoded once per row version, like the base-data
     * frame, since every tunnel with full images reads the same row versions.
     */
    byte[] fullImage() {
        byte[] image = fullImage;
        if (image == null) {
            image = PlainBufferEncoder.encodeImageColumns(latestCells());
            fullImage = image;
        }
        return image;
    }

    /** The cached base-data frame, or {@code null} before the first base read of this version. */
    byte[] baseFrame() {
        return baseFrame;
    }

    void cacheBaseFrame(byte[] frame) {
        this.baseFrame = frame;
    }

    @Override
    public String toString() {
        return "StoredRow{" + primaryKey + ", columns=" + columns.keySet() + "}";
    }
}

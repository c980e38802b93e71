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

import java.util.List;
import java.util.Objects;

/**
 * A generic PlainBuffer row: primary key, cells, delete marker and optional sequence info. Used for
 * data-plane rows (writes and reads), emulator storage and base data.
 */
public final class Row {
    private final PrimaryKey primaryKey;
    private final List<Cell> cells;
    private final boolean deleteMarker;
    private final SequenceInfo sequenceInfo;

    public Row(
            PrimaryKey primaryKey,
            List<Cell> cells,
            boolean deleteMarker,
            SequenceInfo sequenceInfo) {
        this.primaryKey = Objects.requireNonNull(primaryKey, "primaryKey");
        this.cells = List.copyOf(cells);
        this.deleteMarker = deleteMarker;
        this.sequenceInfo = sequenceInfo;
    }

    /** A row with cells, no delete marker and no sequence info. */
    public static Row of(PrimaryKey primaryKey, List<Cell> cells) {
        return new Row(primaryKey, cells, false, null);
    }

    public PrimaryKey primaryKey() {
        return primaryKey;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** Set on DeleteRow primary keys (and optionally on DELETE_ROW stream records). */
    public boolean deleteMarker() {
        return deleteMarker;
    }

    /** The stream position the row carries, or {@code null} when it has none. */
    public SequenceInfo sequenceInfo() {
        return sequenceInfo;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Row)) {
            return false;
        }
        Row other = (Row) o;
        return deleteMarker == other.deleteMarker
                && primaryKey.equals(other.primaryKey)
                && cells.equals(other.cells)
                && Objects.equals(sequenceInfo, other.sequenceInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(primaryKey, cells, deleteMarker, sequenceInfo);
    }

    @Override
    public String toString() {
        return "Row{pk="
                + primaryKey
                + ", cells="
                + cells
                + (deleteMarker ? ", deleteMarker" : "")
                + (sequenceInfo != null ? ", seq=" + sequenceInfo : "")
                + '}';
    }
}

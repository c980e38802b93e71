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
 * A decoded tunnel record: the change, the row's primary key, the changed columns and, for stream
 * records, the stream position. Base-data (full-scan) records have no sequence info.
 *
 * <p>Columns follow the tunnel rules (checked on construction): a {@code PUT} cell carries a value
 * and a timestamp, {@code DELETE_ONE_VERSION} a timestamp, {@code DELETE_ALL_VERSIONS} neither;
 * {@code INCREMENT} never appears. The same holds for the origin (before-image) columns.
 */
public final class TunnelRecord {
    private final RecordAction action;
    private final PrimaryKey primaryKey;
    private final List<Cell> columns;
    private final SequenceInfo sequenceInfo;
    private final List<Cell> originColumns;

    public TunnelRecord(
            RecordAction action,
            PrimaryKey primaryKey,
            List<Cell> columns,
            SequenceInfo sequenceInfo,
            List<Cell> originColumns) {
        this.action = Objects.requireNonNull(action, "action");
        this.primaryKey = Objects.requireNonNull(primaryKey, "primaryKey");
        this.columns = List.copyOf(columns);
        this.sequenceInfo = sequenceInfo;
        this.originColumns = List.copyOf(originColumns);
        checkTunnelCells(this.columns, "column");
        checkTunnelCells(this.originColumns, "origin column");
    }

    private static void checkTunnelCells(List<Cell> cells, String what) {
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.operation() == CellOperation.INCREMENT) {
                throw new IllegalArgumentException(
                        "Tunnel record " + what + " '" + cell.name() + "' cannot be an INCREMENT");
            }
            if (cell.operation() == CellOperation.PUT && !cell.hasTimestamp()) {
                throw new IllegalArgumentException(
                        "Tunnel record "
                                + what
                                + " '"
                                + cell.name()
                                + "' is a PUT without timestamp");
            }
        }
    }

    /**
     * This record with values that own their bytes. A decoded record's strings and binaries are
     * slices of the ReadRecords response they came in (no copy), so one record kept alive keeps
     * the whole response (up to megabytes) reachable; detach records that outlive their batch.
     * Returns this record when nothing is a slice.
     */
    public TunnelRecord detached() {
        PrimaryKey key = primaryKey.detached();
        List<Cell> cells = detached(columns);
        List<Cell> origin = detached(originColumns);
        if (key == primaryKey && cells == columns && origin == originColumns) {
            return this;
        }
        return new TunnelRecord(action, key, cells, sequenceInfo, origin);
    }

    private static List<Cell> detached(List<Cell> cells) {
        List<Cell> copy = null;
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            Cell d = c.detached();
            if (d != c) {
                if (copy == null) {
                    copy = new ArrayList<>(cells);
                }
                copy.set(i, d);
            }
        }
        return copy == null ? cells : copy;
    }

    public RecordAction action() {
        return action;
    }

    public PrimaryKey primaryKey() {
        return primaryKey;
    }

    /** The changed columns (all columns for base data), possibly only the projected ones. */
    public List<Cell> columns() {
        return columns;
    }

    /** The first column called {@code name}, or {@code null}. */
    public Cell column(String name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return columns.get(i);
            }
        }
        return null;
    }

    /** The stream position, or {@code null} for base-data records. */
    public SequenceInfo sequenceInfo() {
        return sequenceInfo;
    }

    public boolean isBaseData() {
        return sequenceInfo == null;
    }

    /** The before-image columns, empty when the stream keeps none. */
    public List<Cell> originColumns() {
        return originColumns;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TunnelRecord)) {
            return false;
        }
        TunnelRecord other = (TunnelRecord) o;
        return action == other.action
                && primaryKey.equals(other.primaryKey)
                && columns.equals(other.columns)
                && Objects.equals(sequenceInfo, other.sequenceInfo)
                && originColumns.equals(other.originColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action.ordinal(), primaryKey, columns, sequenceInfo, originColumns);
    }

    @Override
    public String toString() {
        return "TunnelRecord{"
                + action
                + ", pk="
                + primaryKey
                + ", columns="
                + columns
                + (sequenceInfo != null ? ", seq=" + sequenceInfo : ", base")
                + (originColumns.isEmpty() ? "" : ", origin=" + originColumns)
                + '}';
    }
}

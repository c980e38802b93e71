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
    private final List<Cell> latestColumns;

    public TunnelRecord(
            RecordAction action,
            PrimaryKey primaryKey,
            List<Cell> columns,
            SequenceInfo sequenceInfo,
            List<Cell> originColumns) {
        this(action, primaryKey, columns, sequenceInfo, originColumns, null);
    }

    /**
     * @param latestColumns the after-image's columns, {@code null} when the record has no
     *     after-image (see {@link #latestColumns()})
     */
    public TunnelRecord(
            RecordAction action,
            PrimaryKey primaryKey,
            List<Cell> columns,
            SequenceInfo sequenceInfo,
            List<Cell> originColumns,
            List<Cell> latestColumns) {
        this.action = Objects.requireNonNull(action, "action");
        this.primaryKey = Objects.requireNonNull(primaryKey, "primaryKey");
        this.columns = List.copyOf(columns);
        this.sequenceInfo = sequenceInfo;
        this.originColumns = List.copyOf(originColumns);
        checkTunnelCells(this.columns, "column");
        checkTunnelCells(this.originColumns, "origin column");
        this.latestColumns = latestColumns == null ? null : List.copyOf(latestColumns);
        if (this.latestColumns != null) {
            checkTunnelCells(this.latestColumns, "latest column");
        }
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
        List<Cell> latest = latestColumns == null ? null : detached(latestColumns);
        if (key == primaryKey
                && cells == columns
                && origin == originColumns
                && latest == latestColumns) {
            return this;
        }
        return new TunnelRecord(action, key, cells, sequenceInfo, origin, latest);
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

    /**
     * The after-image: the row's columns after the change (all of them, or those the tunnel's
     * stream record options name; possibly only the projected ones), without the primary key.
     * {@code null} when the record has none: base data, stream records of tunnels created
     * without an after-image, and PUT_ROW records, whose {@link #columns()} are already the whole
     * row after the change (a decoder does not decode a PUT's after-image).
     */
    public List<Cell> latestColumns() {
        return latestColumns;
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
                && originColumns.equals(other.originColumns)
                && Objects.equals(latestColumns, other.latestColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                action.ordinal(), primaryKey, columns, sequenceInfo, originColumns, latestColumns);
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
                + (latestColumns == null ? "" : ", latest=" + latestColumns)
                + '}';
    }
}

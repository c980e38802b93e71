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

package io.github.tablestore.flink.tunnel.client.model;

import java.util.List;
import java.util.Objects;

/**
 * Which columns a stream tunnel's records carry besides the cells a change wrote, set when the
 * tunnel is created: the before-image ({@code old}, in each record's origin row) and the
 * after-image ({@code new}, in each record's latest row). With {@link #fullRowImages()} every
 * change arrives with the complete row as it is after the change, so a reader needs no state to
 * know the columns an UpdateRow left untouched. Immutable.
 */
public final class StreamRecordOptions {
    /** Which columns an image holds. */
    public enum ColumnsKind {
        /** The columns named in {@link Columns#names()}. */
        SPECIFIED,
        /** The columns the change wrote. */
        INPUT,
        /** Every column of the row. */
        ALL
    }

    /** The columns of one image. */
    public static final class Columns {
        private static final Columns ALL = new Columns(ColumnsKind.ALL, List.of());
        private static final Columns INPUT = new Columns(ColumnsKind.INPUT, List.of());

        private final ColumnsKind kind;
        private final List<String> names;

        private Columns(ColumnsKind kind, List<String> names) {
            this.kind = kind;
            this.names = names;
        }

        public static Columns all() {
            return ALL;
        }

        public static Columns input() {
            return INPUT;
        }

        public static Columns specified(List<String> names) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("specified columns need at least one name");
            }
            return new Columns(ColumnsKind.SPECIFIED, List.copyOf(names));
        }

        public ColumnsKind kind() {
            return kind;
        }

        /** The named columns; empty unless {@link #kind()} is SPECIFIED. */
        public List<String> names() {
            return names;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Columns
                    && ((Columns) o).kind == kind
                    && ((Columns) o).names.equals(names);
        }

        @Override
        public int hashCode() {
            return 31 * kind.hashCode() + names.hashCode();
        }

        @Override
        public String toString() {
            return kind == ColumnsKind.SPECIFIED ? names.toString() : kind.name();
        }
    }

    private final Columns oldColumns;
    private final Columns newColumns;

    /**
     * @param oldColumns the before-image's columns, {@code null} for the table stream's default
     * @param newColumns the after-image's columns, {@code null} for none
     */
    public StreamRecordOptions(Columns oldColumns, Columns newColumns) {
        this.oldColumns = oldColumns;
        this.newColumns = newColumns;
    }

    /** The complete row after each change, and no before-image beyond the stream's default. */
    public static StreamRecordOptions fullRowImages() {
        return new StreamRecordOptions(null, Columns.all());
    }

    /** The complete row before and after each change. */
    public static StreamRecordOptions fullRowImagesWithBefore() {
        return new StreamRecordOptions(Columns.all(), Columns.all());
    }

    /** The before-image's columns, or {@code null} when not set. */
    public Columns oldColumns() {
        return oldColumns;
    }

    /** The after-image's columns, or {@code null} when not set. */
    public Columns newColumns() {
        return newColumns;
    }

    /** Whether every record carries the complete row after the change. */
    public boolean hasFullAfterImage() {
        return newColumns != null && newColumns.kind() == ColumnsKind.ALL;
    }

    /** Whether every record carries the complete row before the change. */
    public boolean hasFullBeforeImage() {
        return oldColumns != null && oldColumns.kind() == ColumnsKind.ALL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamRecordOptions
                && Objects.equals(((StreamRecordOptions) o).oldColumns, oldColumns)
                && Objects.equals(((StreamRecordOptions) o).newColumns, newColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(oldColumns, newColumns);
    }

    @Override
    public String toString() {
        return "StreamRecordOptions{old=" + oldColumns + ", new=" + newColumns + "}";
    }
}

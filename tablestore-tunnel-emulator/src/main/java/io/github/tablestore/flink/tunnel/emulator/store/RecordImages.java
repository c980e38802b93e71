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

import io.github.tablestore.flink.tunnel.emulator.api.Errors;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A stream tunnel's record options: which before-image a stream record carries in its origin row
 * and which after-image in its latest row. Set at CreateTunnel; {@code null} halves are unset.
 * Immutable; equal options build equal frames.
 */
public final class RecordImages {
    /** Which columns of a row one image holds. */
    public static final class Columns {
        /** The kinds of column selection. */
        public enum Kind {
            /** The named columns. */
            SPECIFIED,
            /** The columns the change wrote (after-image) or wrote or removed (before-image). */
            INPUT,
            /** Every attribute column. */
            ALL
        }

        private static final Columns ALL = new Columns(Kind.ALL, List.of());
        private static final Columns INPUT = new Columns(Kind.INPUT, List.of());

        private final Kind kind;
        private final List<String> names;

        /** The names sorted and distinct: images list columns in row (name) order. */
        private final List<String> sortedNames;

        private Columns(Kind kind, List<String> names) {
            this.kind = kind;
            this.names = names;
            this.sortedNames = List.copyOf(new TreeSet<>(names));
        }

        public static Columns all() {
            return ALL;
        }

        public static Columns input() {
            return INPUT;
        }

        /**
         * @param what which image, for the error message
         * @throws io.github.tablestore.flink.tunnel.emulator.api.ApiException OTSParameterInvalid
         *     when no name is given
         */
        public static Columns specified(List<String> names, String what) {
            if (names.isEmpty()) {
                throw Errors.parameterInvalid(
                        "The stream record option "
                                + what
                                + " has type SPECIFIED_COLUMN but names no column.");
            }
            return new Columns(Kind.SPECIFIED, List.copyOf(names));
        }

        public Kind kind() {
            return kind;
        }

        /** The names as given; empty unless SPECIFIED. */
        public List<String> names() {
            return names;
        }

        List<String> sortedNames() {
            return sortedNames;
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
            return kind == Kind.SPECIFIED ? names.toString() : kind.name();
        }
    }

    private final Columns before;
    private final Columns after;

    private RecordImages(Columns before, Columns after) {
        this.before = before;
        this.after = after;
    }

    /**
     * @param before the before-image, {@code null}: the table stream's origin columns as without
     *     options
     * @param after the after-image, {@code null}: none
     * @return the options, or {@code null} when neither half is set (a tunnel without options)
     */
    public static RecordImages of(Columns before, Columns after) {
        return before == null && after == null ? null : new RecordImages(before, after);
    }

    /** The before-image's columns, or {@code null} when not set. */
    public Columns before() {
        return before;
    }

    /** The after-image's columns, or {@code null} when not set. */
    public Columns after() {
        return after;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordImages
                && Objects.equals(((RecordImages) o).before, before)
                && Objects.equals(((RecordImages) o).after, after);
    }

    @Override
    public int hashCode() {
        return Objects.hash(before, after);
    }

    @Override
    public String toString() {
        return "RecordImages{before=" + before + ", after=" + after + "}";
    }
}

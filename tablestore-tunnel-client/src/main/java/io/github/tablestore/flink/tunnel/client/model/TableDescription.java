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

/** DescribeTable's answer, reduced to what the connector needs. Immutable. */
public final class TableDescription {
    /** Type of a primary-key column. */
    public enum PrimaryKeyType {
        INTEGER,
        STRING,
        BINARY
    }

    /** Declared type of a defined (attribute) column. */
    public enum DefinedColumnType {
        INTEGER,
        DOUBLE,
        BOOLEAN,
        STRING,
        BINARY
    }

    /** A primary-key column. */
    public static final class PrimaryKeyColumnSchema {
        private final String name;
        private final PrimaryKeyType type;
        private final boolean autoIncrement;

        public PrimaryKeyColumnSchema(String name, PrimaryKeyType type, boolean autoIncrement) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
            this.autoIncrement = autoIncrement;
        }

        public String name() {
            return name;
        }

        public PrimaryKeyType type() {
            return type;
        }

        public boolean autoIncrement() {
            return autoIncrement;
        }

        @Override
        public String toString() {
            return name + " " + type + (autoIncrement ? " AUTO_INCREMENT" : "");
        }
    }

    /** A defined column (attribute columns are schema-free; defined ones have a declared type). */
    public static final class DefinedColumnSchema {
        private final String name;
        private final DefinedColumnType type;

        public DefinedColumnSchema(String name, DefinedColumnType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        public String name() {
            return name;
        }

        public DefinedColumnType type() {
            return type;
        }

        @Override
        public String toString() {
            return name + " " + type;
        }
    }

    private final String tableName;
    private final List<PrimaryKeyColumnSchema> primaryKey;
    private final List<DefinedColumnSchema> definedColumns;
    private final boolean streamEnabled;
    private final String streamId;
    private final int streamExpirationHours;
    private final List<String> streamOriginColumns;

    public TableDescription(
            String tableName,
            List<PrimaryKeyColumnSchema> primaryKey,
            List<DefinedColumnSchema> definedColumns,
            boolean streamEnabled,
            String streamId,
            int streamExpirationHours,
            List<String> streamOriginColumns) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.primaryKey = List.copyOf(primaryKey);
        this.definedColumns = List.copyOf(definedColumns);
        this.streamEnabled = streamEnabled;
        this.streamId = streamId;
        this.streamExpirationHours = streamExpirationHours;
        this.streamOriginColumns = List.copyOf(streamOriginColumns);
    }

    public String tableName() {
        return tableName;
    }

    public List<PrimaryKeyColumnSchema> primaryKey() {
        return primaryKey;
    }

    public List<DefinedColumnSchema> definedColumns() {
        return definedColumns;
    }

    public boolean streamEnabled() {
        return streamEnabled;
    }

    /** The table's stream id, or {@code null} when the stream is off. */
    public String streamId() {
        return streamId;
    }

    public int streamExpirationHours() {
        return streamExpirationHours;
    }

    /** Columns whose before-image the stream keeps (origin columns); empty when none. */
    public List<String> streamOriginColumns() {
        return streamOriginColumns;
    }

    @Override
    public String toString() {
        return "TableDescription{"
                + tableName
                + ", pk="
                + primaryKey
                + ", defined="
                + definedColumns
                + ", stream="
                + (streamEnabled ? streamId : "off")
                + "}";
    }
}

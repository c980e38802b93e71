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

package io.github.tablestore.flink.tunnel.emulator;

import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyColumnSchema;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.emulator.store.Instance;
import io.github.tablestore.flink.tunnel.emulator.store.StreamSpec;
import io.github.tablestore.flink.tunnel.emulator.store.TableOptions;
import io.github.tablestore.flink.tunnel.emulator.store.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table to create through the emulator's Java or admin API: primary key, partitions (a count,
 * or split points of the partition key), max versions and stream settings. Immutable; build with
 * {@link #builder(String)}.
 */
public final class TableSpec {
    private final String name;
    private final List<String> keyNames;
    private final List<PrimaryKeyType> keyTypes;
    private final List<Boolean> keyAutoIncrement;
    private final int partitions;
    private final List<ColumnValue> splitPoints;
    private final int maxVersions;
    private final boolean streamEnabled;
    private final int streamExpirationHours;
    private final List<String> originColumns;

    private TableSpec(Builder b) {
        this.name = b.name;
        this.keyNames = List.copyOf(b.keyNames);
        this.keyTypes = List.copyOf(b.keyTypes);
        this.keyAutoIncrement = List.copyOf(b.keyAutoIncrement);
        this.partitions = b.partitions;
        this.splitPoints = List.copyOf(b.splitPoints);
        this.maxVersions = b.maxVersions;
        this.streamEnabled = b.streamEnabled;
        this.streamExpirationHours = b.streamExpirationHours;
        this.originColumns = List.copyOf(b.originColumns);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    void createIn(Instance instance) {
        List<PrimaryKeyColumnSchema> key = new ArrayList<>();
        for (int i = 0; i < keyNames.size(); i++) {
            key.add(
                    new PrimaryKeyColumnSchema(
                            keyNames.get(i), keyTypes.get(i), keyAutoIncrement.get(i)));
        }
        instance.createTable(
                new TableSchema(name, key, List.of()),
                new TableOptions(-1, maxVersions, null, null, null),
                new StreamSpec(streamEnabled, streamExpirationHours, originColumns),
                splitPoints,
                partitions);
    }

    /** Builder of {@link TableSpec}. */
    public static final class Builder {
        private final String name;
        private final List<String> keyNames = new ArrayList<>();
        private final List<PrimaryKeyType> keyTypes = new ArrayList<>();
        private final List<Boolean> keyAutoIncrement = new ArrayList<>();
        private int partitions;
        private final List<ColumnValue> splitPoints = new ArrayList<>();
        private int maxVersions = 1;
        private boolean streamEnabled;
        private int streamExpirationHours = 24;
        private final List<String> originColumns = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Adds a primary-key column; the first one is the partition key. */
        public Builder primaryKey(String column, PrimaryKeyType type) {
            return primaryKey(column, type, false);
        }

        /** Adds a primary-key column, optionally auto-increment (never the first). */
        public Builder primaryKey(String column, PrimaryKeyType type, boolean autoIncrement) {
            keyNames.add(Objects.requireNonNull(column, "column"));
            keyTypes.add(Objects.requireNonNull(type, "type"));
            keyAutoIncrement.add(autoIncrement);
            return this;
        }

        /** Number of (hash) partitions; 0 (default) uses the emulator's setting. */
        public Builder partitions(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("partitions must not be negative, got " + count);
            }
            this.partitions = count;
            return this;
        }

        /** Range partitions split at these partition-key values (strictly increasing). */
        public Builder splitPoints(List<ColumnValue> points) {
            splitPoints.clear();
            splitPoints.addAll(points);
            return this;
        }

        public Builder maxVersions(int maxVersions) {
            if (maxVersions < 1) {
                throw new IllegalArgumentException(
                        "maxVersions must be positive, got " + maxVersions);
            }
            this.maxVersions = maxVersions;
            return this;
        }

        /** Enables the table's stream (tunnels work without it; it makes ListStream show the stream). */
        public Builder stream(int expirationHours, List<String> originColumns) {
            this.streamEnabled = true;
            this.streamExpirationHours = expirationHours;
            this.originColumns.clear();
            this.originColumns.addAll(originColumns);
            return this;
        }

        public TableSpec build() {
            if (keyNames.isEmpty()) {
                throw new IllegalArgumentException("table " + name + " needs a primary key");
            }
            return new TableSpec(this);
        }
    }
}

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

import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.ValueType;
import io.github.tablestore.flink.tunnel.emulator.api.Errors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A table's primary-key schema and its meta as CreateTable gave it. Immutable. */
public final class TableSchema {
    private final TableProtos.TableMeta meta;
    private final List<TableProtos.PrimaryKeySchema> primaryKey;

    public TableSchema(TableProtos.TableMeta meta) {
        this.meta = Objects.requireNonNull(meta, "meta");
        this.primaryKey = List.copyOf(meta.getPrimaryKeyList());
        if (primaryKey.isEmpty() || primaryKey.size() > 4) {
            throw Errors.parameterInvalid(
                    "A table needs 1 to 4 primary key columns, got " + primaryKey.size() + ".");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < primaryKey.size(); i++) {
            TableProtos.PrimaryKeySchema pk = primaryKey.get(i);
            if (pk.getName().isEmpty() || !names.add(pk.getName())) {
                throw Errors.parameterInvalid(
                        "Invalid or duplicated primary key name '" + pk.getName() + "'.");
            }
            if (i == 0 && pk.hasOption()) {
                throw Errors.parameterInvalid("The partition key cannot be auto-increment.");
            }
        }
        for (TableProtos.DefinedColumnSchema c : meta.getDefinedColumnList()) {
            if (names.contains(c.getName())) {
                throw Errors.parameterInvalid(
                        "Defined column '" + c.getName() + "' clashes with a primary key column.");
            }
        }
    }

    public String tableName() {
        return meta.getTableName();
    }

    public TableProtos.TableMeta meta() {
        return meta;
    }

    public List<TableProtos.PrimaryKeySchema> primaryKey() {
        return primaryKey;
    }

    public String partitionKeyName() {
        return primaryKey.get(0).getName();
    }

    public TableProtos.PrimaryKeyType partitionKeyType() {
        return primaryKey.get(0).getType();
    }

    /** Whether {@code v} is a legal value of a primary-key column of type {@code t}. */
    static boolean matches(TableProtos.PrimaryKeyType t, ValueType v) {
        switch (t) {
            case INTEGER:
                return v == ValueType.INTEGER;
            case STRING:
                return v == ValueType.STRING;
            case BINARY:
                return v == ValueType.BINARY;
            default:
                return false;
        }
    }

    /**
     * Checks a primary key of a write: every column, in order, with the schema's types; the
     * auto-increment placeholder only where the schema allows it.
     */
    void checkWriteKey(PrimaryKey key) {
        checkShape(key);
        for (int i = 0; i < primaryKey.size(); i++) {
            TableProtos.PrimaryKeySchema s = primaryKey.get(i);
            ColumnValue v = key.get(i).value();
            if (v.type() == ValueType.AUTO_INCREMENT) {
                if (!s.hasOption()) {
                    throw Errors.parameterInvalid(
                            "Primary key column '" + s.getName() + "' is not auto-increment.");
                }
                continue;
            }
            if (!matches(s.getType(), v.type())) {
                throw Errors.parameterInvalid(
                        "Primary key column '"
                                + s.getName()
                                + "' must be "
                                + s.getType()
                                + ", got "
                                + v.type()
                                + ".");
            }
        }
    }

    /** Checks a primary key used to read one row: every column, concrete values. */
    void checkReadKey(PrimaryKey key) {
        checkShape(key);
        for (int i = 0; i < primaryKey.size(); i++) {
            TableProtos.PrimaryKeySchema s = primaryKey.get(i);
            if (!matches(s.getType(), key.get(i).value().type())) {
                throw Errors.parameterInvalid(
                        "Primary key column '"
                                + s.getName()
                                + "' must be "
                                + s.getType()
                                + ", got "
                                + key.get(i).value().type()
                                + ".");
            }
        }
    }

    /** Checks a range bound: every column; INF_MIN and INF_MAX allowed. */
    void checkRangeKey(PrimaryKey key) {
        checkShape(key);
        for (int i = 0; i < primaryKey.size(); i++) {
            TableProtos.PrimaryKeySchema s = primaryKey.get(i);
            ValueType t = key.get(i).value().type();
            if (t != ValueType.INF_MIN && t != ValueType.INF_MAX && !matches(s.getType(), t)) {
                throw Errors.parameterInvalid(
                        "Primary key column '"
                                + s.getName()
                                + "' must be "
                                + s.getType()
                                + ", got "
                                + t
                                + ".");
            }
        }
    }

    private void checkShape(PrimaryKey key) {
        if (key.size() != primaryKey.size()) {
            throw Errors.parameterInvalid(
                    "The number of primary key columns must be "
                            + primaryKey.size()
                            + ", got "
                            + key.size()
                            + ".");
        }
        for (int i = 0; i < primaryKey.size(); i++) {
            if (!primaryKey.get(i).getName().equals(key.get(i).name())) {
                throw Errors.parameterInvalid(
                        "Primary key column "
                                + i
                                + " must be '"
                                + primaryKey.get(i).getName()
                                + "', got '"
                                + key.get(i).name()
                                + "'.");
            }
        }
    }

    /** A key of this table with the given partition-key value and INF_MIN in the other columns. */
    PrimaryKey keyStartingAt(ColumnValue partitionKey) {
        List<PrimaryKeyColumn> cols = new ArrayList<>(primaryKey.size());
        for (int i = 0; i < primaryKey.size(); i++) {
            cols.add(
                    new PrimaryKeyColumn(
                            primaryKey.get(i).getName(),
                            i == 0 ? partitionKey : ColumnValue.INF_MIN));
        }
        return new PrimaryKey(cols);
    }
}

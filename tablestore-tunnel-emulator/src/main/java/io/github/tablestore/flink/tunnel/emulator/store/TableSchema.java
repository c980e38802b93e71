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

import io.github.tablestore.flink.tunnel.client.model.TableDescription.DefinedColumnSchema;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyColumnSchema;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
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
import java.util.regex.Pattern;

/**
 * A table's name, primary-key schema and defined columns as CreateTable gave them. Immutable.
 */
public final class TableSchema {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

    private final String tableName;
    private final List<PrimaryKeyColumnSchema> primaryKey;
    private final List<DefinedColumnSchema> definedColumns;

    /** Checks the name and columns: OTSParameterInvalid when the service would refuse them. */
    public TableSchema(
            String tableName,
            List<PrimaryKeyColumnSchema> primaryKey,
            List<DefinedColumnSchema> definedColumns) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        if (!TABLE_NAME.matcher(tableName).matches()) {
            throw Errors.parameterInvalid("Invalid table name: '" + tableName + "'.");
        }
        this.primaryKey = List.copyOf(primaryKey);
        this.definedColumns = List.copyOf(definedColumns);
        if (this.primaryKey.isEmpty() || this.primaryKey.size() > 4) {
            throw Errors.parameterInvalid(
                    "A table needs 1 to 4 primary key columns, got "
                            + this.primaryKey.size()
                            + ".");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < this.primaryKey.size(); i++) {
            PrimaryKeyColumnSchema pk = this.primaryKey.get(i);
            if (pk.name().isEmpty() || !names.add(pk.name())) {
                throw Errors.parameterInvalid(
                        "Invalid or duplicated primary key name '" + pk.name() + "'.");
            }
            if (i == 0 && pk.autoIncrement()) {
                throw Errors.parameterInvalid("The partition key cannot be auto-increment.");
            }
        }
        for (DefinedColumnSchema c : this.definedColumns) {
            if (names.contains(c.name())) {
                throw Errors.parameterInvalid(
                        "Defined column '" + c.name() + "' clashes with a primary key column.");
            }
        }
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

    public String partitionKeyName() {
        return primaryKey.get(0).name();
    }

    public PrimaryKeyType partitionKeyType() {
        return primaryKey.get(0).type();
    }

    /** Whether {@code v} is a legal value of a primary-key column of type {@code t}. */
    static boolean matches(PrimaryKeyType t, ValueType v) {
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
            PrimaryKeyColumnSchema s = primaryKey.get(i);
            ColumnValue v = key.get(i).value();
            if (v.type() == ValueType.AUTO_INCREMENT) {
                if (!s.autoIncrement()) {
                    throw Errors.parameterInvalid(
                            "Primary key column '" + s.name() + "' is not auto-increment.");
                }
                continue;
            }
            if (!matches(s.type(), v.type())) {
                throw Errors.parameterInvalid(
                        "Primary key column '"
                                + s.name()
                                + "' must be "
                                + s.type()
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
            PrimaryKeyColumnSchema s = primaryKey.get(i);
            if (!matches(s.type(), key.get(i).value().type())) {
                throw Errors.parameterInvalid(
                        "Primary key column '"
                                + s.name()
                                + "' must be "
                                + s.type()
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
            PrimaryKeyColumnSchema s = primaryKey.get(i);
            ValueType t = key.get(i).value().type();
            if (t != ValueType.INF_MIN && t != ValueType.INF_MAX && !matches(s.type(), t)) {
                throw Errors.parameterInvalid(
                        "Primary key column '"
                                + s.name()
                                + "' must be "
                                + s.type()
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
            if (!primaryKey.get(i).name().equals(key.get(i).name())) {
                throw Errors.parameterInvalid(
                        "Primary key column "
                                + i
                                + " must be '"
                                + primaryKey.get(i).name()
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
                            primaryKey.get(i).name(), i == 0 ? partitionKey : ColumnValue.INF_MIN));
        }
        return new PrimaryKey(cols);
    }
}

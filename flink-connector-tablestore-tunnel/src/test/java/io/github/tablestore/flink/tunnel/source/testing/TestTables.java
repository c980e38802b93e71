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

package io.github.tablestore.flink.tunnel.source.testing;

import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;

import java.util.List;

/** Tables of the shape {@code (id INTEGER) -> v STRING} in an emulator. */
public final class TestTables {
    private TestTables() {}

    public static void create(TablestoreEmulator emulator, String table, int partitions) {
        emulator.createTable(
                TableSpec.builder(table)
                        .primaryKey("id", PrimaryKeyType.INTEGER)
                        .partitions(partitions)
                        .stream(24, List.of())
                        .build());
    }

    public static PrimaryKey key(long id) {
        return PrimaryKey.of(new PrimaryKeyColumn("id", ColumnValue.ofLong(id)));
    }

    public static void put(TablestoreEmulator emulator, String table, long id, String value) {
        emulator.putRow(
                table, Row.of(key(id), List.of(Cell.put("v", ColumnValue.ofString(value)))));
    }

    public static void putRange(
            TablestoreEmulator emulator, String table, long from, long to, String value) {
        for (long id = from; id < to; id++) {
            put(emulator, table, id, value);
        }
    }

    public static void delete(TablestoreEmulator emulator, String table, long id) {
        emulator.deleteRow(table, key(id));
    }
}

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

package io.github.tablestore.flink.tunnel.emulator.testing;

import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyColumnSchema;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferDecoder;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.emulator.store.Instance;
import io.github.tablestore.flink.tunnel.emulator.store.RowChange;
import io.github.tablestore.flink.tunnel.emulator.store.StreamSpec;
import io.github.tablestore.flink.tunnel.emulator.store.Table;
import io.github.tablestore.flink.tunnel.emulator.store.TableOptions;
import io.github.tablestore.flink.tunnel.emulator.store.TableSchema;

import com.google.protobuf.InvalidProtocolBufferException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Tables, rows and record decoding for tests that use the emulator's model directly. */
public final class TestTables {
    private TestTables() {}

    /** A table with one STRING primary-key column {@code pk}. */
    public static Table create(
            Instance instance, String name, int partitions, List<ColumnValue> splitPoints) {
        return instance.createTable(
                new TableSchema(
                        name,
                        List.of(new PrimaryKeyColumnSchema("pk", PrimaryKeyType.STRING, false)),
                        List.of()),
                new TableOptions(-1, 1, null, null, null),
                StreamSpec.DISABLED,
                splitPoints,
                partitions);
    }

    public static PrimaryKey key(String pk) {
        return PrimaryKey.of(new PrimaryKeyColumn("pk", ColumnValue.ofString(pk)));
    }

    public static void put(Table table, String pk, long value) {
        table.write(
                RowChange.of(
                        RowChange.Kind.PUT,
                        Row.of(key(pk), List.of(Cell.put("v", ColumnValue.ofLong(value))))));
    }

    public static void delete(Table table, String pk) {
        table.write(RowChange.of(RowChange.Kind.DELETE, Row.of(key(pk), List.of())));
    }

    /** The records of pre-encoded ReadRecords frames, decoded. */
    public static List<TunnelProtos.Record> records(List<byte[]> frames) {
        List<TunnelProtos.Record> out = new ArrayList<>();
        for (byte[] f : frames) {
            try {
                out.addAll(
                        TunnelProtos.ReadRecordsResponse.newBuilder()
                                .mergeFrom(f)
                                .getRecordsList());
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    /** The partition-key strings of pre-encoded record frames, in order. */
    public static List<String> keys(List<byte[]> frames) {
        List<String> out = new ArrayList<>();
        for (TunnelProtos.Record r : records(frames)) {
            Row row = PlainBufferDecoder.decodeRow(ByteBuffer.wrap(r.getRecord().toByteArray()));
            out.add(row.primaryKey().get(0).value().asString());
        }
        return out;
    }
}

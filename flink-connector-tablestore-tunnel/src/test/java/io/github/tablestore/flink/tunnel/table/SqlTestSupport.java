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

package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Shared bits of the SQL tests: an {@code orders} table in the emulator keyed by (order_id
 * STRING, line INTEGER), DDL with the emulator's coordinates, and changelog materialization.
 */
final class SqlTestSupport {
    private SqlTestSupport() {}

    static final String TABLE = "orders";

    /** A streaming table environment checkpointing every 100 ms, without restarts. */
    static StreamTableEnvironment tableEnv(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(100);
        return StreamTableEnvironment.create(env);
    }

    /** {@code orders}: key (order_id STRING, line INTEGER), stream on, before-images of status. */
    static void createOrders(TablestoreEmulator emulator, int partitions) {
        emulator.createTable(
                TableSpec.builder(TABLE)
                        .primaryKey("order_id", PrimaryKeyType.STRING)
                        .primaryKey("line", PrimaryKeyType.INTEGER)
                        .partitions(partitions)
                        .stream(24, List.of("status"))
                        .build());
    }

    static PrimaryKey key(String orderId, long line) {
        return PrimaryKey.of(
                new PrimaryKeyColumn("order_id", ColumnValue.ofString(orderId)),
                new PrimaryKeyColumn("line", ColumnValue.ofLong(line)));
    }

    static void putOrder(
            TablestoreEmulator emulator,
            String orderId,
            long line,
            double amount,
            String status,
            long updatedMillis) {
        emulator.putRow(
                TABLE,
                io.github.tablestore.flink.tunnel.client.record.Row.of(
                        key(orderId, line),
                        List.of(
                                Cell.put("amount", ColumnValue.ofDouble(amount)),
                                Cell.put("status", ColumnValue.ofString(status)),
                                Cell.put("updated", ColumnValue.ofLong(updatedMillis)))));
    }

    /** An UpdateRow with just these cells. */
    static void update(TablestoreEmulator emulator, String orderId, long line, Cell... cells) {
        emulator.updateRow(
                TABLE,
                io.github.tablestore.flink.tunnel.client.record.Row.of(
                        key(orderId, line), List.of(cells)));
    }

    static void delete(TablestoreEmulator emulator, String orderId, long line) {
        emulator.deleteRow(TABLE, key(orderId, line));
    }

    /** The WITH clause reaching the emulator, plus {@code extra} options ('k' = 'v', ...). */
    static String with(TablestoreEmulator emulator, String tunnel, String extra) {
        return " WITH ("
                + "'connector' = 'tablestore-tunnel',"
                + "'endpoint' = '"
                + emulator.endpoint()
                + "',"
                + "'instance-name' = '"
                + emulator.instanceName()
                + "',"
                + "'table-name' = '"
                + TABLE
                + "',"
                + "'tunnel-name' = '"
                + tunnel
                + "',"
                + "'access-key-id' = '"
                + emulator.accessKeyId()
                + "',"
                + "'access-key-secret' = '"
                + emulator.accessKeySecret()
                + "',"
                + "'tunnel.heartbeat.interval' = '5 s'"
                + (extra.isEmpty() ? "" : "," + extra)
                + ")";
    }

    /** Takes rows until {@code done} holds for all taken so far. */
    static List<Row> take(Iterator<Row> it, List<Row> into, Predicate<List<Row>> done) {
        while (!done.test(into)) {
            into.add(it.next());
        }
        return into;
    }

    /**
     * Applies a changelog to a table keyed by the first {@code keyFields} fields: the rows it
     * holds in the end, as "+I"-kind rows.
     */
    static Map<List<Object>, Row> materialize(List<Row> changelog, int keyFields) {
        Map<List<Object>, Row> table = new LinkedHashMap<>();
        for (Row r : changelog) {
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < keyFields; i++) {
                key.add(r.getField(i));
            }
            Row plain = Row.copy(r);
            plain.setKind(RowKind.INSERT);
            switch (r.getKind()) {
                case INSERT:
                case UPDATE_AFTER:
                    table.put(key, plain);
                    break;
                case UPDATE_BEFORE:
                case DELETE:
                    Row held = table.remove(key);
                    if (!Objects.equals(held, plain)) {
                        throw new AssertionError("retracted " + r + " but held " + held);
                    }
                    break;
                default:
                    throw new AssertionError(r);
            }
        }
        return table;
    }

    static List<String> strings(List<Row> rows) {
        return rows.stream().map(Row::toString).collect(Collectors.toList());
    }

    static Duration deadline() {
        return Duration.ofSeconds(90);
    }

    /**
     * Waits until the job's tunnel reads its stream: every base-data channel finished and the
     * stream channels open. Writes after this reach the job through the stream only (a live
     * base-data scan could see them too).
     */
    static void awaitStreamPhase(TablestoreEmulator emulator) throws Exception {
        waitFor(
                () ->
                        emulator.tunnels().stream()
                                .anyMatch(
                                        t ->
                                                !t.channels().isEmpty()
                                                        && t.channels().stream()
                                                                .allMatch(
                                                                        c ->
                                                                                c.type()
                                                                                                == ChannelType
                                                                                                        .BASE_DATA
                                                                                        ? c.status()
                                                                                                == ChannelStatus
                                                                                                        .TERMINATED
                                                                                        : c.status()
                                                                                                == ChannelStatus
                                                                                                        .OPEN)
                                                        && t.channels().stream()
                                                                .anyMatch(
                                                                        c ->
                                                                                c.type()
                                                                                        == ChannelType
                                                                                                .STREAM)),
                "the tunnel's stream channels");
    }

    /** Polls {@code condition} every 20 ms until it holds; fails after {@link #deadline()}. */
    static void waitFor(java.util.function.BooleanSupplier condition, String what)
            throws Exception {
        long end = System.nanoTime() + deadline().toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new java.util.concurrent.TimeoutException("Timed out waiting for " + what);
            }
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(
                    20); // polling interval of a deadline wait
        }
    }
}

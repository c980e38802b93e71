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

package io.github.tablestore.flink.tunnel.demo;

import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The connector end to end on one machine: an embedded Tablestore emulator with an {@code orders}
 * table, a writer that keeps changing orders, and a local Flink job reading the table through a
 * BaseAndStream tunnel — first the existing orders, then every change — printing each record as
 * JSON.
 *
 * <p>Run it from the repository root (see README): {@code ./mvnw -q -Pdemo -pl
 * flink-connector-tablestore-tunnel -am verify -DskipTests}. It stops after {@code demo.seconds}
 * (default 60; 0 runs until Ctrl+C).
 */
public final class TunnelSourceDemo {
    private static final String TABLE = "orders";
    private static final String[] ITEMS = {"apple", "pear", "plum", "kiwi", "fig"};

    private TunnelSourceDemo() {}

    public static void main(String[] args) throws Exception {
        long seconds = Long.getLong("demo.seconds", 60);
        try (TablestoreEmulator emulator = TablestoreEmulator.builder().start()) {
            emulator.createTable(
                    TableSpec.builder(TABLE)
                            .primaryKey("order_id", PrimaryKeyType.INTEGER)
                            .partitions(2)
                            .stream(24, List.of())
                            .build());
            Random random = new Random(7);
            for (long id = 1; id <= 5; id++) {
                put(emulator, id, random);
            }
            say("emulator at " + emulator.endpoint() + ", table '" + TABLE + "' with 5 orders");

            TunnelSource<String> source =
                    TunnelSource.<String>builder()
                            .setEndpoint(emulator.endpoint())
                            .setInstanceName(emulator.instanceName())
                            .setCredentials(
                                    CredentialsProvider.of(
                                            emulator.accessKeyId(), emulator.accessKeySecret()))
                            .setTableName(TABLE)
                            .setTunnelName("flink-orders")
                            .setTunnelType(TunnelType.BASE_AND_STREAM)
                            .setDeserializer(TunnelRecordDeserializationSchema.json())
                            .build();

            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
            env.enableCheckpointing(2_000);
            env.fromSource(source, WatermarkStrategy.noWatermarks(), "orders-tunnel")
                    .map(json -> "tunnel> " + json)
                    .print();
            JobClient job = env.executeAsync("tablestore-tunnel-demo");
            say(
                    "Flink "
                            + EnvironmentInformation.getVersion()
                            + " job started; the first records are the existing orders, then every change");

            ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
            writer.scheduleWithFixedDelay(() -> change(emulator, random), 1, 1, TimeUnit.SECONDS);
            try {
                if (seconds > 0) {
                    TimeUnit.SECONDS.sleep(seconds); // the demo's run time, not a synchronisation
                } else {
                    job.getJobExecutionResult().get();
                }
            } finally {
                writer.shutdownNow();
                job.cancel().get();
                say("done");
            }
        }
    }

    private static PrimaryKey key(long id) {
        return PrimaryKey.of(new PrimaryKeyColumn("order_id", ColumnValue.ofLong(id)));
    }

    private static void put(TablestoreEmulator emulator, long id, Random random) {
        String item = ITEMS[random.nextInt(ITEMS.length)];
        long qty = 1 + random.nextInt(9);
        emulator.putRow(
                TABLE,
                Row.of(
                        key(id),
                        List.of(
                                Cell.put("item", ColumnValue.ofString(item)),
                                Cell.put("qty", ColumnValue.ofLong(qty)))));
    }

    /** One random change: a new order, a new quantity, or a cancelled order. */
    private static void change(TablestoreEmulator emulator, Random random) {
        long id = 1 + random.nextInt(12);
        int kind = random.nextInt(10);
        if (kind < 5) {
            put(emulator, id, random);
            say("writer: put order " + id);
        } else if (kind < 8) {
            emulator.updateRow(
                    TABLE,
                    Row.of(
                            key(id),
                            List.of(Cell.put("qty", ColumnValue.ofLong(random.nextInt(20))))));
            say("writer: update qty of order " + id);
        } else {
            emulator.deleteRow(TABLE, key(id));
            say("writer: delete order " + id);
        }
    }

    private static void say(String message) {
        System.out.println("[demo] " + message);
    }
}

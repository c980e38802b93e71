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

package io.github.tablestore.flink.tunnel.benchmarks.data;

import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark table: an order-like row with three primary-key columns and ten attribute
 * columns of mixed types (strings, integers, doubles, a boolean, a binary), about 500 bytes of
 * PlainBuffer per record. Row {@code i} is the same in every run (seeded by {@code i}).
 */
public final class BenchRows {
    /** The ten attribute columns, in the order they are written. */
    public static final List<String> ATTRIBUTES =
            List.of(
                    "status",
                    "amount",
                    "quantity",
                    "currency",
                    "gift",
                    "created",
                    "updated",
                    "address",
                    "note",
                    "payload");

    /** The two columns the projection benchmarks keep. */
    public static final List<String> PROJECTED = List.of("status", "amount");

    /** Latency rows only: the writer's {@link System#nanoTime()} just before the write was sent. */
    public static final String WRITTEN_NANOS = "written_nanos";

    private static final String[] STATUSES = {
        "CREATED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"
    };
    private static final String[] CURRENCIES = {"CNY", "USD", "EUR", "JPY"};
    private static final String[] STREETS = {
        "Wenyi West Road",
        "Nanjing East Road",
        "Zhongguancun Street",
        "Binjiang Avenue",
        "Huaihai Middle Road",
        "Tianmushan Road",
        "Xixi Road",
        "Keyuan South Road"
    };
    private static final String[] CITIES = {
        "Hangzhou", "Shanghai", "Beijing", "Shenzhen", "Chengdu", "Wuhan"
    };
    private static final String[] NOTES = {
        "at the door", "call first", "gift wrap", "fragile", "", "after 6pm", "no bags", "reception"
    };
    private static final long BASE_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final long SHOPS = 1_000_000;
    private static final long SHOP_STEP = 618_033;

    private BenchRows() {}

    /**
     * The table definition: partition key {@code shop}, then {@code order_id}, {@code line}. The
     * partitions are key ranges of equal width (as on the service, where a partition is a range
     * of the partition key), so rows spread evenly over them.
     */
    public static TableSpec table(String name, int partitions) {
        List<ColumnValue> splitPoints = new ArrayList<>();
        for (int k = 1; k < partitions; k++) {
            splitPoints.add(ColumnValue.ofString(shop((long) k * SHOPS / partitions)));
        }
        return TableSpec.builder(name)
                .primaryKey("shop", PrimaryKeyType.STRING)
                .primaryKey("order_id", PrimaryKeyType.INTEGER)
                .primaryKey("line", PrimaryKeyType.STRING)
                .splitPoints(splitPoints)
                .stream(168, List.of())
                .build();
    }

    private static String shop(long n) {
        return String.format("shop-%06d", n);
    }

    /**
     * Row {@code i}'s primary key. Consecutive rows go to shops about 0.618 of the key range apart
     * (a golden-ratio step, coprime with the number of shops), so they spread over the partitions
     * whatever their number, rather than arriving in runs on one partition at a time.
     */
    public static PrimaryKey primaryKey(long i) {
        return PrimaryKey.of(
                new PrimaryKeyColumn("shop", ColumnValue.ofString(shop((i * SHOP_STEP) % SHOPS))),
                new PrimaryKeyColumn("order_id", ColumnValue.ofLong(10_000_000_000L + i)),
                new PrimaryKeyColumn("line", ColumnValue.ofString("L" + (i % 4))));
    }

    /** Row {@code i}: its key and ten attribute cells, with cell timestamps. */
    public static Row row(long i) {
        return Row.of(primaryKey(i), cells(i, -1));
    }

    /** Row {@code i} with an eleventh cell carrying the writer's clock, for latency runs. */
    public static Row timedRow(long i, long writtenNanos) {
        return Row.of(primaryKey(i), cells(i, writtenNanos));
    }

    private static List<Cell> cells(long i, long writtenNanos) {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 17);
        long ts = BASE_MILLIS + i;
        long created = BASE_MILLIS - r.nextLong(30L * 24 * 3600 * 1000);
        List<Cell> cells = new ArrayList<>(11);
        cells.add(
                Cell.put("status", ColumnValue.ofString(STATUSES[r.nextInt(STATUSES.length)]), ts));
        cells.add(
                Cell.put(
                        "amount",
                        ColumnValue.ofDouble(Math.round(r.nextDouble(1, 5000) * 100) / 100.0),
                        ts));
        cells.add(Cell.put("quantity", ColumnValue.ofLong(1 + r.nextInt(20)), ts));
        cells.add(
                Cell.put(
                        "currency",
                        ColumnValue.ofString(CURRENCIES[r.nextInt(CURRENCIES.length)]),
                        ts));
        cells.add(Cell.put("gift", ColumnValue.ofBoolean(r.nextInt(10) == 0), ts));
        cells.add(Cell.put("created", ColumnValue.ofLong(created), ts));
        cells.add(Cell.put("updated", ColumnValue.ofLong(created + r.nextLong(3_600_000)), ts));
        cells.add(
                Cell.put(
                        "address",
                        ColumnValue.ofString(
                                (1 + r.nextInt(999))
                                        + " "
                                        + STREETS[r.nextInt(STREETS.length)]
                                        + ", "
                                        + CITIES[r.nextInt(CITIES.length)]),
                        ts));
        cells.add(Cell.put("note", ColumnValue.ofString(NOTES[r.nextInt(NOTES.length)]), ts));
        byte[] payload = new byte[4 + r.nextInt(9)];
        for (int b = 0; b < payload.length; b++) {
            payload[b] = (byte) r.nextInt(256);
        }
        cells.add(Cell.put("payload", ColumnValue.ofBinary(payload), ts));
        if (writtenNanos >= 0) {
            cells.add(Cell.put(WRITTEN_NANOS, ColumnValue.ofLong(writtenNanos), ts));
        }
        return cells;
    }
}

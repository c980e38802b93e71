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

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;

import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row-kind mode ('output-row-kinds') over a BaseAndStream tunnel: the changelog, applied
 * downstream, is exactly the table — after updates, partial updates, cell and row deletions.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlChangelogITCase {
    static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().reportingTo(REPORTER).readLimits(10).build();

    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = IT.emulator();
        SqlTestSupport.createOrders(emulator, 2);
        SqlTestSupport.putOrder(emulator, "a", 1, 10, "NEW", 1);
        SqlTestSupport.putOrder(emulator, "a", 2, 20, "NEW", 1);
        SqlTestSupport.putOrder(emulator, "b", 1, 30, "PAID", 1);
        SqlTestSupport.putOrder(emulator, "b", 2, 40, "NEW", 1);
    }

    /** Puts, partial updates, a cell deletion, deletions, a re-insert and an update creating a row. */
    private void change() {
        SqlTestSupport.update(emulator, "a", 1, Cell.put("status", ColumnValue.ofString("PAID")));
        SqlTestSupport.update(emulator, "a", 2, Cell.put("amount", ColumnValue.ofDouble(25)));
        SqlTestSupport.delete(emulator, "b", 1);
        SqlTestSupport.putOrder(emulator, "c", 1, 5, "NEW", 2);
        SqlTestSupport.update(emulator, "c", 1, Cell.deleteAllVersions("status"));
        SqlTestSupport.update(emulator, "d", 1, Cell.put("status", ColumnValue.ofString("NEW")));
        SqlTestSupport.delete(emulator, "b", 2);
        SqlTestSupport.putOrder(emulator, "b", 2, 41, "PAID", 3);
    }

    private StreamTableEnvironment ordersTable() {
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(2);
        tEnv.executeSql(
                "CREATE TABLE orders (order_id STRING, line INT, amount DOUBLE, status STRING, "
                        + "PRIMARY KEY (order_id, line) NOT ENFORCED)"
                        + SqlTestSupport.with(
                                emulator, "flink-orders", "'output-row-kinds' = 'true'"));
        return tEnv;
    }

    @Test
    void upsertAggregationEndsAtTheTablesFinalState() throws Exception {
        StreamTableEnvironment tEnv = ordersTable();
        List<Row> changelog = new ArrayList<>();
        try (CloseableIterator<Row> it =
                tEnv.executeSql(
                                "SELECT status, COUNT(*) AS n, SUM(amount) AS total FROM orders GROUP BY status")
                        .collect()) {
            Map<String, String> base = new HashMap<>();
            base.put("NEW", "3/70.0");
            base.put("PAID", "1/30.0");
            SqlTestSupport.take(it, changelog, rows -> byStatus(rows).equals(base));
            SqlTestSupport.awaitStreamPhase(emulator);
            change();
            Map<String, String> last = new HashMap<>();
            last.put("PAID", "2/51.0"); // a/1 10 + b/2 41
            last.put("NEW", "2/25.0"); // a/2 25 + d/1 (no amount)
            last.put(null, "1/5.0"); // c/1 lost its status
            SqlTestSupport.take(it, changelog, rows -> byStatus(rows).equals(last));
        }
    }

    private static Map<String, String> byStatus(List<Row> changelog) {
        Map<String, String> out = new HashMap<>();
        SqlTestSupport.materialize(changelog, 1)
                .forEach(
                        (k, r) ->
                                out.put(
                                        (String) r.getField(0),
                                        r.getField(1) + "/" + r.getField(2)));
        return out;
    }

    @Test
    void changelogAppliedByKeyIsTheTable() throws Exception {
        StreamTableEnvironment tEnv = ordersTable();
        List<Row> changelog = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql("SELECT * FROM orders").collect()) {
            SqlTestSupport.take(
                    it, changelog, rows -> SqlTestSupport.materialize(rows, 2).size() == 4);
            SqlTestSupport.awaitStreamPhase(emulator);
            change();
            Map<String, String> expected = new HashMap<>();
            expected.put("a/1", "+I[a, 1, 10.0, PAID]");
            expected.put("a/2", "+I[a, 2, 25.0, NEW]");
            expected.put("b/2", "+I[b, 2, 41.0, PAID]");
            expected.put("c/1", "+I[c, 1, 5.0, null]");
            expected.put("d/1", "+I[d, 1, null, NEW]");
            SqlTestSupport.take(it, changelog, rows -> byKey(rows).equals(expected));
        }
        // Never a row claiming an untouched column is NULL: every a/1, a/2 row has both values.
        for (Row r : changelog) {
            if ("a".equals(r.getField(0))) {
                assertThat(r.getField(2)).as("amount of %s", r).isNotNull();
                assertThat(r.getField(3)).as("status of %s", r).isNotNull();
            }
        }
    }

    @Test
    void watermarksFollowTheFullRowsSoPartialUpdatesKeepTheirRowtime() throws Exception {
        // One partition: one stream channel, so the two changes below arrive in order.
        emulator = IT.restartEmulator();
        SqlTestSupport.createOrders(emulator, 1);
        for (String id : List.of("a", "b", "c", "d")) {
            SqlTestSupport.putOrder(emulator, id, 1, 10, "NEW", 1);
        }
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(1);
        // Append mode with row images; 'updated' (epoch ms) is the rowtime.
        tEnv.executeSql(
                "CREATE TABLE orders (order_id STRING, line INT, amount DOUBLE, status STRING, "
                        + "updated TIMESTAMP_LTZ(3), WATERMARK FOR updated AS updated - INTERVAL '1' SECOND)"
                        + SqlTestSupport.with(emulator, "flink-orders", ""));
        List<Row> windows = new ArrayList<>();
        try (CloseableIterator<Row> it =
                tEnv.executeSql(
                                "SELECT window_start, COUNT(*) AS n "
                                        + "FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(updated), INTERVAL '10' SECOND)) "
                                        + "GROUP BY window_start, window_end")
                        .collect()) {
            // Base rows all have updated = 1 ms. A partial update of a/1 (status only) keeps it:
            // its full row falls into the first window too. A row at 30 s closes that window.
            // Both are written once the base data is read, so they come from the stream.
            SqlTestSupport.awaitStreamPhase(emulator);
            SqlTestSupport.update(
                    emulator, "a", 1, Cell.put("status", ColumnValue.ofString("PAID")));
            SqlTestSupport.putOrder(emulator, "z", 1, 1, "NEW", 30_000);
            SqlTestSupport.take(it, windows, rows -> !rows.isEmpty());
        }
        assertThat(windows.get(0).getField(0).toString()).isEqualTo("1970-01-01T00:00");
        assertThat(windows.get(0).getField(1)).isEqualTo(5L); // 4 base rows + the partial update
    }

    private static Map<String, String> byKey(List<Row> changelog) {
        Map<String, String> out = new HashMap<>();
        SqlTestSupport.materialize(changelog, 2)
                .forEach((k, r) -> out.put(k.get(0) + "/" + k.get(1), r.toString()));
        return out;
    }
}

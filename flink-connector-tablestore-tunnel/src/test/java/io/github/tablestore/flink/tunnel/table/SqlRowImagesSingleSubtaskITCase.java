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
import io.github.tablestore.flink.tunnel.emulator.PartitionInfo;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;

import org.apache.flink.table.api.ExplainDetail;
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
 * Row images at parallelism 1 are built without a keyBy (the image operator chained to the
 * source): still correct when a split and a merge move the keys to child channels, because the
 * one subtask reads every channel and owns every key's state. At parallelism 2 the keyBy stays.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlRowImagesSingleSubtaskITCase {
    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().readLimits(10).build();

    private static final String QUERY = "SELECT order_id, line, amount, status FROM orders";

    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = IT.emulator();
        SqlTestSupport.createOrders(emulator, 1);
        for (String id : List.of("a", "b", "c", "d")) {
            SqlTestSupport.putOrder(emulator, id, 1, 10, "NEW", 1);
        }
    }

    private StreamTableEnvironment ordersTable(int parallelism) {
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(parallelism);
        // Append mode with row images: a partial update is emitted as the whole row after it.
        tEnv.executeSql(
                "CREATE TABLE orders (order_id STRING, line INT, amount DOUBLE, status STRING, "
                        + "PRIMARY KEY (order_id, line) NOT ENFORCED)"
                        + SqlTestSupport.with(emulator, "flink-orders", ""));
        return tEnv;
    }

    @Test
    void theImageOperatorIsChainedAtParallelismOneOnly() {
        // The planner names the image operator after the scan; what matters is the edge into it.
        assertThat(ordersTable(1).explainSql(QUERY, ExplainDetail.JSON_EXECUTION_PLAN))
                .contains("\"ship_strategy\" : \"FORWARD\"")
                .doesNotContain("\"HASH\"");
        assertThat(ordersTable(2).explainSql(QUERY, ExplainDetail.JSON_EXECUTION_PLAN))
                .contains("\"ship_strategy\" : \"HASH\"");
    }

    @Test
    void partialUpdatesAfterASplitAndAMergeCompleteTheImagesHeldFromTheParent() throws Exception {
        StreamTableEnvironment tEnv = ordersTable(1);
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(QUERY).collect()) {
            SqlTestSupport.take(it, rows, taken -> taken.size() == 4);
            SqlTestSupport.awaitStreamPhase(emulator);

            // The parent channel's state holds every key; its children are read next.
            String parent = emulator.partitions(SqlTestSupport.TABLE).get(0).id();
            List<PartitionInfo> children = emulator.splitPartition(SqlTestSupport.TABLE, parent);
            for (String id : List.of("a", "b", "c", "d")) {
                SqlTestSupport.update(
                        emulator, id, 1, Cell.put("status", ColumnValue.ofString("PAID")));
            }
            SqlTestSupport.take(it, rows, taken -> taken.size() == 8);

            emulator.mergePartitions(
                    SqlTestSupport.TABLE, children.get(0).id(), children.get(1).id());
            for (String id : List.of("a", "b", "c", "d")) {
                SqlTestSupport.update(
                        emulator, id, 1, Cell.put("amount", ColumnValue.ofDouble(20)));
            }
            SqlTestSupport.take(it, rows, taken -> taken.size() == 12);
        }
        Map<String, List<String>> byKey = new HashMap<>();
        for (Row r : rows) {
            byKey.computeIfAbsent((String) r.getField(0), k -> new ArrayList<>()).add(r.toString());
        }
        for (String id : List.of("a", "b", "c", "d")) {
            // Every change of a key once, in order, each a whole row: the status update kept the
            // base amount, the amount update kept the new status.
            assertThat(byKey.get(id))
                    .as("rows of key %s", id)
                    .containsExactly(
                            "+I[" + id + ", 1, 10.0, NEW]",
                            "+I[" + id + ", 1, 10.0, PAID]",
                            "+I[" + id + ", 1, 20.0, PAID]");
        }
    }
}

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

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.StreamRecordOptions;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.emulator.PartitionInfo;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;

import org.apache.flink.table.api.ExplainDetail;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code 'scan.row-images' = 'tunnel'}: the job creates its tunnel with stream record options and
 * builds complete rows from the images in the stream records, with no image operator and no
 * keyBy, at parallelism 2 and across a split and a merge; as a changelog too. A tunnel without
 * the images fails the job, saying so.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlTunnelRowImagesITCase {
    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().readLimits(10).build();

    private static final String TUNNEL = "flink-orders";
    private static final String QUERY = "SELECT order_id, line, amount, status FROM orders";

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

    private StreamTableEnvironment ordersTable(String extra) {
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(2);
        tEnv.executeSql(
                "CREATE TABLE orders (order_id STRING, line INT, amount DOUBLE, status STRING, "
                        + "changed_at TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL, "
                        + "PRIMARY KEY (order_id, line) NOT ENFORCED)"
                        + SqlTestSupport.with(
                                emulator,
                                TUNNEL,
                                "'scan.row-images' = 'tunnel'"
                                        + (extra.isEmpty() ? "" : ", " + extra)));
        return tEnv;
    }

    private StreamRecordOptions tunnelOptions() {
        try (TunnelClient client = emulator.client()) {
            return client.describeTunnel(SqlTestSupport.TABLE, TUNNEL)
                    .tunnel()
                    .streamRecordOptions();
        }
    }

    @Test
    void thePlanHasNoImageOperatorAndNoKeyByAtParallelismTwo() {
        String plan = ordersTable("").explainSql(QUERY, ExplainDetail.JSON_EXECUTION_PLAN);
        assertThat(plan).doesNotContain("row images").doesNotContain("\"HASH\"");
    }

    @Test
    void partialUpdatesBecomeWholeRowsAcrossASplitAndAMerge() throws Exception {
        StreamTableEnvironment tEnv = ordersTable("");
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(QUERY).collect()) {
            SqlTestSupport.take(it, rows, taken -> taken.size() == 4);
            SqlTestSupport.awaitStreamPhase(emulator);
            assertThat(tunnelOptions()).isEqualTo(StreamRecordOptions.fullRowImages());

            String parent = emulator.partitions(SqlTestSupport.TABLE).get(0).id();
            List<PartitionInfo> children = emulator.splitPartition(SqlTestSupport.TABLE, parent);
            for (String id : List.of("a", "b")) {
                SqlTestSupport.update(
                        emulator, id, 1, Cell.put("status", ColumnValue.ofString("SENT")));
            }
            SqlTestSupport.take(it, rows, taken -> taken.size() == 6);
            emulator.mergePartitions(
                    SqlTestSupport.TABLE, children.get(0).id(), children.get(1).id());
            for (String id : List.of("a", "b")) {
                SqlTestSupport.update(
                        emulator, id, 1, Cell.put("amount", ColumnValue.ofDouble(99)));
            }
            SqlTestSupport.update(emulator, "a", 2, Cell.deleteAllVersions("status"));
            SqlTestSupport.take(it, rows, taken -> taken.size() == 9);
        }
        Map<String, List<String>> byKey = new HashMap<>();
        for (Row r : rows) {
            byKey.computeIfAbsent(r.getField(0) + "/" + r.getField(1), k -> new ArrayList<>())
                    .add(r.toString());
        }
        // Each key's changes in order, each a whole row: the amount update kept the status the
        // update before it set, in the other channel.
        assertThat(byKey.get("a/1"))
                .containsExactly(
                        "+I[a, 1, 10.0, NEW]", "+I[a, 1, 10.0, SENT]", "+I[a, 1, 99.0, SENT]");
        assertThat(byKey.get("b/1"))
                .containsExactly(
                        "+I[b, 1, 30.0, PAID]", "+I[b, 1, 30.0, SENT]", "+I[b, 1, 99.0, SENT]");
        assertThat(byKey.get("a/2")).containsExactly("+I[a, 2, 20.0, NEW]", "+I[a, 2, 20.0, null]");
    }

    @Test
    void theChangelogFromTheTunnelsImagesIsTheTable() throws Exception {
        StreamTableEnvironment tEnv = ordersTable("'output-row-kinds' = 'true'");
        List<Row> changelog = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(QUERY).collect()) {
            SqlTestSupport.take(
                    it, changelog, rows -> SqlTestSupport.materialize(rows, 2).size() == 4);
            SqlTestSupport.awaitStreamPhase(emulator);
            assertThat(tunnelOptions()).isEqualTo(StreamRecordOptions.fullRowImagesWithBefore());
            SqlTestSupport.update(
                    emulator, "a", 1, Cell.put("status", ColumnValue.ofString("PAID")));
            SqlTestSupport.update(emulator, "a", 2, Cell.put("amount", ColumnValue.ofDouble(25)));
            SqlTestSupport.delete(emulator, "b", 1);
            SqlTestSupport.putOrder(emulator, "c", 1, 5, "NEW", 2);
            SqlTestSupport.update(emulator, "c", 1, Cell.deleteAllVersions("status"));
            SqlTestSupport.update(
                    emulator, "d", 1, Cell.put("status", ColumnValue.ofString("NEW")));
            SqlTestSupport.delete(emulator, "b", 2);
            SqlTestSupport.putOrder(emulator, "b", 2, 41, "PAID", 3);
            // An update that changes nothing projected emits nothing.
            SqlTestSupport.update(emulator, "a", 1, Cell.put("note", ColumnValue.ofString("x")));
            Map<String, String> expected = new HashMap<>();
            expected.put("a/1", "+I[a, 1, 10.0, PAID]");
            expected.put("a/2", "+I[a, 2, 25.0, NEW]");
            expected.put("b/2", "+I[b, 2, 41.0, PAID]");
            expected.put("c/1", "+I[c, 1, 5.0, null]");
            expected.put("d/1", "+I[d, 1, null, NEW]");
            // materialize() checks that every UPDATE_BEFORE and DELETE retracts the row held.
            SqlTestSupport.take(it, changelog, rows -> byKey(rows).equals(expected));
        }
        assertThat(SqlTestSupport.strings(changelog))
                .containsSubsequence("-U[a, 1, 10.0, NEW]", "+U[a, 1, 10.0, PAID]")
                .contains("-D[b, 1, 30.0, PAID]");
    }

    private static Map<String, String> byKey(List<Row> changelog) {
        Map<String, String> out = new HashMap<>();
        SqlTestSupport.materialize(changelog, 2)
                .forEach((k, r) -> out.put(k.get(0) + "/" + k.get(1), r.toString()));
        return out;
    }

    @Test
    void anExistingTunnelWithoutTheImagesFailsTheJobSayingSo() {
        try (TunnelClient client = emulator.client()) {
            client.createTunnel(
                    CreateTunnelRequest.builder(
                                    SqlTestSupport.TABLE, TUNNEL, TunnelType.BASE_AND_STREAM)
                            .build());
        }
        StreamTableEnvironment tEnv = ordersTable("");
        assertThatThrownBy(
                        () -> {
                            try (CloseableIterator<Row> it = tEnv.executeSql(QUERY).collect()) {
                                it.hasNext();
                            }
                        })
                .satisfies(
                        e ->
                                assertThat(ExceptionUtils.stringifyException(e))
                                        .contains("tunnel 'flink-orders' of table 'orders'")
                                        .contains("the AFTER row images the source needs")
                                        .contains("Use a different tunnel name"));
    }

    @Test
    void aChangelogFromTheTunnelsImagesRefusesMetadataAndIgnoreDelete() {
        StreamTableEnvironment tEnv = ordersTable("'output-row-kinds' = 'true'");
        assertThatThrownBy(() -> tEnv.explainSql("SELECT * FROM orders"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("metadata columns [timestamp]")
                .hasMessageContaining("'scan.row-images' = 'flink-state'");
        StreamTableEnvironment ignoring =
                ordersTable("'output-row-kinds' = 'true', 'ignore-delete' = 'true'");
        assertThatThrownBy(() -> ignoring.explainSql(QUERY))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'ignore-delete'");
    }
}

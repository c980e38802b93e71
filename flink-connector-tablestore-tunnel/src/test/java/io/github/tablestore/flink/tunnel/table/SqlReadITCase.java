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
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;

import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQL over a BaseAndStream tunnel of the emulator, on a MiniCluster. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlReadITCase {
    static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().reportingTo(REPORTER).readLimits(10).build();

    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = IT.emulator();
        SqlTestSupport.createOrders(emulator, 2);
    }

    private static final String COLUMNS =
            "order_id STRING, line INT, amount DOUBLE, status STRING, "
                    + "updated TIMESTAMP_LTZ(3), ";

    @Test
    void baseAndStreamWithMetadataGivesFullRowsOfEveryChange() throws Exception {
        SqlTestSupport.putOrder(emulator, "a", 1, 10.5, "NEW", 1_000);
        SqlTestSupport.putOrder(emulator, "a", 2, 20.0, "NEW", 2_000);
        SqlTestSupport.putOrder(emulator, "b", 1, 30.0, "PAID", 3_000);
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(2);
        tEnv.executeSql(
                "CREATE TABLE orders ("
                        + COLUMNS
                        + "op STRING METADATA FROM 'type' VIRTUAL, "
                        + "ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL, "
                        + "channel STRING METADATA FROM 'channel-id' VIRTUAL, "
                        + "seq STRING METADATA FROM 'sequence-info' VIRTUAL, "
                        + "old_status STRING METADATA FROM 'origin.status' VIRTUAL, "
                        + "PRIMARY KEY (order_id, line) NOT ENFORCED)"
                        + SqlTestSupport.with(emulator, "flink-orders", ""));
        TableResult result =
                tEnv.executeSql(
                        "SELECT order_id, line, amount, status, updated, op, ts IS NULL, seq IS NULL, old_status, channel "
                                + "FROM orders");
        List<Row> got = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            SqlTestSupport.take(it, got, rows -> rows.size() == 3);
            // Base data: PUT rows without time or stream position, from base-data channels.
            for (Row r : got) {
                assertThat(r.getField(5)).isEqualTo("PUT");
                assertThat(r.getField(6)).isEqualTo(true);
                assertThat(r.getField(7)).isEqualTo(true);
                assertThat((String) r.getField(9)).startsWith("BaseData_");
            }
            assertThat(head(got))
                    .containsExactlyInAnyOrder(
                            row("a", 1, 10.5, "NEW", 1_000, "PUT", true, true, null),
                            row("a", 2, 20.0, "NEW", 2_000, "PUT", true, true, null),
                            row("b", 1, 30.0, "PAID", 3_000, "PUT", true, true, null));

            // Changes: a partial update, a cell deletion, a row deletion, a new row.
            SqlTestSupport.awaitStreamPhase(emulator);
            SqlTestSupport.update(
                    emulator, "a", 1, Cell.put("status", ColumnValue.ofString("PAID")));
            SqlTestSupport.update(emulator, "a", 1, Cell.deleteAllVersions("updated"));
            SqlTestSupport.delete(emulator, "b", 1);
            SqlTestSupport.putOrder(emulator, "c", 1, 5.0, "NEW", 4_000);
            List<Row> changes = new ArrayList<>();
            SqlTestSupport.take(it, changes, rows -> rows.size() == 4);
            for (Row r : changes) {
                assertThat(r.getKind()).isEqualTo(RowKind.INSERT);
                assertThat(r.getField(6)).as("stream records have a time").isEqualTo(false);
                assertThat(r.getField(7)).as("stream records have a position").isEqualTo(false);
                assertThat((String) r.getField(9)).doesNotStartWith("BaseData_");
            }
            // The partial update carries the untouched columns from the base data.
            assertThat(head(changes))
                    .containsExactlyInAnyOrder(
                            row("a", 1, 10.5, "PAID", 1_000, "UPDATE", false, false, "NEW"),
                            row("a", 1, 10.5, "PAID", null, "UPDATE", false, false, "PAID"),
                            row("b", 1, null, null, null, "DELETE", false, false, "PAID"),
                            row("c", 1, 5.0, "NEW", 4_000, "PUT", false, false, null));
            // Per key in order: a/1 first gets PAID, then loses 'updated'.
            List<String> a1 = new ArrayList<>();
            for (Row r : changes) {
                if ("a".equals(r.getField(0))) {
                    a1.add(String.valueOf(r.getField(4)));
                }
            }
            assertThat(a1).containsExactly(Instant.ofEpochMilli(1_000).toString(), "null");
        }
    }

    @Test
    void projectionDecodesOnlyTheSelectedColumns() throws Exception {
        for (int i = 0; i < 5; i++) {
            SqlTestSupport.putOrder(emulator, "p" + i, 1, i, "NEW", i);
        }
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(2);
        tEnv.executeSql(
                "CREATE TABLE narrow ("
                        + COLUMNS
                        + "PRIMARY KEY (order_id, line) NOT ENFORCED)"
                        + SqlTestSupport.with(emulator, "scan-1", "'tunnel-type' = 'BASE_DATA'"));
        tEnv.executeSql(
                "CREATE TABLE wide ("
                        + COLUMNS
                        + "PRIMARY KEY (order_id, line) NOT ENFORCED)"
                        + SqlTestSupport.with(emulator, "scan-2", "'tunnel-type' = 'BASE_DATA'"));

        TableResult narrow = tEnv.executeSql("SELECT order_id, amount FROM narrow");
        assertThat(collectAll(narrow)).hasSize(5);
        TableResult wide = tEnv.executeSql("SELECT * FROM wide");
        assertThat(collectAll(wide)).hasSize(5);

        // The readers materialized one attribute cell per row for the narrow query, three for *.
        assertThat(counterSum(narrow, TunnelRowDataDeserializer.DECODED_CELLS)).isEqualTo(5);
        assertThat(counterSum(wide, TunnelRowDataDeserializer.DECODED_CELLS)).isEqualTo(15);
    }

    @Test
    void aCellThatDoesNotFitFailsNamingTableColumnChannelAndKey() throws Exception {
        SqlTestSupport.putOrder(emulator, "x", 1, 1, "NEW", 1);
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(1);
        tEnv.executeSql(
                "CREATE TABLE typed (order_id STRING, line INT, status BIGINT)"
                        + SqlTestSupport.with(emulator, "typed", "'tunnel-type' = 'BASE_DATA'"));
        TableResult result = tEnv.executeSql("SELECT * FROM typed");
        assertThatThrownBy(() -> collectAll(result))
                .hasStackTraceContaining("Invalid data: table 'orders', channel 'BaseData_")
                .hasStackTraceContaining(
                        "primary key [order_id=\"x\", line=1]: column 'status' is declared BIGINT "
                                + "but holds the STRING value \"NEW\"")
                .hasStackTraceContaining("Set 'skip-invalid-data' = 'true' to skip such records");
    }

    @Test
    void invalidRecordsAreSkippedAndCountedWhenConfigured() throws Exception {
        SqlTestSupport.putOrder(emulator, "x", 1, 1, "NEW", 1);
        SqlTestSupport.putOrder(emulator, "x", 2, 1, "NEW", 1);
        emulator.putRow(
                "orders",
                io.github.tablestore.flink.tunnel.client.record.Row.of(
                        SqlTestSupport.key("y", 1),
                        List.of(Cell.put("status", ColumnValue.ofLong(7)))));
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(1);
        tEnv.executeSql(
                "CREATE TABLE typed (order_id STRING, line INT, status BIGINT)"
                        + SqlTestSupport.with(
                                emulator,
                                "typed",
                                "'tunnel-type' = 'BASE_DATA', 'skipInvalidData' = 'true'"));
        TableResult result = tEnv.executeSql("SELECT * FROM typed");
        assertThat(SqlTestSupport.strings(collectAll(result))).containsExactly("+I[y, 1, 7]");
        assertThat(counterSum(result, InvalidDataHandler.METRIC)).isEqualTo(2);
    }

    @Test
    void aVvrTableDefinitionWorksWithOnlyTheConnectorChanged() throws Exception {
        // VVR reads tunnels created beforehand, e.g. in the console.
        try (TunnelClient client = emulator.client()) {
            client.createTunnel(
                    CreateTunnelRequest.builder("orders", "flinksourcestream", TunnelType.STREAM)
                            .build());
        }
        SqlTestSupport.putOrder(emulator, "v", 1, 1.5, "NEW", 1);
        SqlTestSupport.update(emulator, "v", 1, Cell.put("status", ColumnValue.ofString("PAID")));
        SqlTestSupport.delete(emulator, "v", 1);
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(1);
        tEnv.executeSql(
                "CREATE TEMPORARY TABLE tablestore_stream (\n"
                        + "  order_id VARCHAR,\n"
                        + "  line BIGINT,\n"
                        + "  amount DOUBLE,\n"
                        + "  status VARCHAR,\n"
                        + "  record_type VARCHAR METADATA FROM 'type',\n"
                        + "  record_timestamp BIGINT METADATA FROM 'timestamp'\n"
                        + ") WITH (\n"
                        + "  'connector' = 'tablestore-tunnel',\n"
                        + "  'endPoint' = '"
                        + emulator.endpoint()
                        + "',\n"
                        + "  'instanceName' = '"
                        + emulator.instanceName()
                        + "',\n"
                        + "  'tableName' = 'orders',\n"
                        + "  'tunnelName' = 'flinksourcestream',\n"
                        + "  'accessId' = '"
                        + emulator.accessKeyId()
                        + "',\n"
                        + "  'accessKey' = '"
                        + emulator.accessKeySecret()
                        + "',\n"
                        + "  'ignoreDelete' = 'false'\n"
                        + ")");
        List<Row> got = new ArrayList<>();
        try (CloseableIterator<Row> it =
                tEnv.executeSql("SELECT * FROM tablestore_stream").collect()) {
            SqlTestSupport.take(it, got, rows -> rows.size() == 3);
        }
        List<String> values = new ArrayList<>();
        for (Row r : got) {
            assertThat((Long) r.getField(5))
                    .as("microseconds of %s", r)
                    .isGreaterThan(1_000_000_000_000_000L);
            values.add(
                    Row.of(
                                    r.getField(0),
                                    r.getField(1),
                                    r.getField(2),
                                    r.getField(3),
                                    r.getField(4))
                            .toString());
        }
        assertThat(values)
                .containsExactly(
                        "+I[v, 1, 1.5, NEW, PUT]",
                        "+I[v, 1, 1.5, PAID, UPDATE]",
                        "+I[v, 1, null, null, DELETE]");
    }

    private static List<Row> collectAll(TableResult result) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** Sum over subtasks of a counter of the result's job (metrics stay after the job ends). */
    private static long counterSum(TableResult result, String name) {
        JobID job = result.getJobClient().orElseThrow().getJobID();
        long sum = 0;
        for (Metric m : REPORTER.findMetrics(job, name).values()) {
            sum += ((Counter) m).getCount();
        }
        return sum;
    }

    private static String row(
            String orderId,
            int line,
            Double amount,
            String status,
            Integer updatedMillis,
            String op,
            boolean tsNull,
            boolean seqNull,
            String oldStatus) {
        Row r =
                Row.of(
                        orderId,
                        line,
                        amount,
                        status,
                        updatedMillis == null ? null : Instant.ofEpochMilli(updatedMillis),
                        op,
                        tsNull,
                        seqNull,
                        oldStatus);
        return r.toString();
    }

    /** The rows without their channel id (the last field), as strings. */
    private static List<String> head(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            Row h = new Row(r.getKind(), r.getArity() - 1);
            for (int i = 0; i < h.getArity(); i++) {
                h.setField(i, r.getField(i));
            }
            out.add(h.toString());
        }
        return out;
    }
}

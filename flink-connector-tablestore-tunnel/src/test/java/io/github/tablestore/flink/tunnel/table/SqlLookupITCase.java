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

import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultSpec;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;

import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lookup joins on a MiniCluster: a stream of clicks (read with this connector from a
 * BASE_AND_STREAM tunnel) joined with a {@code customers} dimension table of the emulator that
 * changes while the job runs. Each step waits for the output it expects, never for time.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlLookupITCase {
    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().readLimits(10).build();

    private static final String JOIN =
            "SELECT k.click_id, c.name, c.level FROM clicks AS k "
                    + "LEFT JOIN customers FOR SYSTEM_TIME AS OF k.proc AS c "
                    + "ON c.region = k.region AND c.id = k.customer";

    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = IT.emulator();
        emulator.createTable(
                TableSpec.builder("clicks").primaryKey("click_id", PrimaryKeyType.STRING).stream(
                                24, List.of())
                        .build());
        emulator.createTable(
                TableSpec.builder("customers")
                        .primaryKey("region", PrimaryKeyType.STRING)
                        .primaryKey("id", PrimaryKeyType.INTEGER)
                        .build());
    }

    // ------------------------------------------------------------------ fixtures

    private void click(String id, String region, long customer) {
        emulator.putRow(
                "clicks",
                io.github.tablestore.flink.tunnel.client.record.Row.of(
                        PrimaryKey.of(new PrimaryKeyColumn("click_id", ColumnValue.ofString(id))),
                        List.of(
                                Cell.put("region", ColumnValue.ofString(region)),
                                Cell.put("customer", ColumnValue.ofLong(customer)))));
    }

    private void customer(String region, long id, String name, long level) {
        customer(region, id, name, ColumnValue.ofLong(level));
    }

    private void customer(String region, long id, String name, ColumnValue level) {
        emulator.putRow(
                "customers",
                io.github.tablestore.flink.tunnel.client.record.Row.of(
                        customerKey(region, id),
                        List.of(
                                Cell.put("name", ColumnValue.ofString(name)),
                                Cell.put("level", level))));
    }

    private static PrimaryKey customerKey(String region, long id) {
        return PrimaryKey.of(
                new PrimaryKeyColumn("region", ColumnValue.ofString(region)),
                new PrimaryKeyColumn("id", ColumnValue.ofLong(id)));
    }

    private String connection(String table) {
        return "'connector' = 'tablestore-tunnel', 'endpoint' = '"
                + emulator.endpoint()
                + "', 'instance-name' = '"
                + emulator.instanceName()
                + "', 'table-name' = '"
                + table
                + "', 'access-key-id' = '"
                + emulator.accessKeyId()
                + "', 'access-key-secret' = '"
                + emulator.accessKeySecret()
                + "'";
    }

    /** The probe side and the dimension table with {@code lookupOptions} ('k' = 'v', ...). */
    private StreamTableEnvironment tables(String lookupOptions) {
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(1);
        tEnv.executeSql(
                "CREATE TABLE clicks (click_id STRING, region STRING, customer BIGINT, "
                        + "proc AS PROCTIME()) WITH ("
                        + connection("clicks")
                        + ", 'tunnel-name' = 'clicks-tunnel', 'tunnel-type' = 'BASE_AND_STREAM',"
                        + " 'tunnel.heartbeat.interval' = '5 s')");
        tEnv.executeSql(
                "CREATE TABLE customers (region STRING, id BIGINT, name STRING, level INT, "
                        + "PRIMARY KEY (region, id) NOT ENFORCED) WITH ("
                        + connection("customers")
                        + (lookupOptions.isEmpty() ? "" : ", " + lookupOptions)
                        + ")");
        return tEnv;
    }

    private static Row next(CloseableIterator<Row> it) {
        return it.next();
    }

    private static Row row(String click, String name, Integer level) {
        return Row.of(click, name, level);
    }

    // ------------------------------------------------------------------ tests

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"'lookup.async' = 'false'", "'lookup.async' = 'true'"})
    void joinsEachClickWithTheCustomerAsItIsThen(String mode) throws Exception {
        customer("eu", 1, "Ann", 1);
        click("c1", "eu", 1);
        click("c2", "eu", 9);
        TableResult result = tables(mode).executeSql(JOIN);
        try (CloseableIterator<Row> it = result.collect()) {
            // Base data, in key order: a customer that exists, one that does not (LEFT JOIN).
            assertThat(next(it)).isEqualTo(row("c1", "Ann", 1));
            assertThat(next(it)).isEqualTo(row("c2", null, null));

            SqlTestSupport.awaitStreamPhase(emulator);
            customer("eu", 1, "Anna", 2);
            click("c3", "eu", 1);
            assertThat(next(it)).isEqualTo(row("c3", "Anna", 2));

            customer("eu", 9, "Bob", 3);
            click("c4", "eu", 9);
            assertThat(next(it)).isEqualTo(row("c4", "Bob", 3));

            emulator.deleteRow("customers", customerKey("eu", 1));
            click("c5", "eu", 1);
            assertThat(next(it)).isEqualTo(row("c5", null, null));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"'lookup.async' = 'false'", "'lookup.async' = 'true'"})
    void throttledReadsAreRetried(String mode) throws Exception {
        customer("eu", 1, "Ann", 1);
        click("c1", "eu", 1);
        emulator.faults().add(FaultSpec.on("GetRow").serverBusy().times(2));
        emulator.faults().add(FaultSpec.on("BatchGetRow").serverBusy().times(2));
        TableResult result = tables(mode).executeSql(JOIN);
        try (CloseableIterator<Row> it = result.collect()) {
            assertThat(next(it)).isEqualTo(row("c1", "Ann", 1));
        }
        assertThat(emulator.faults().totalFired()).isEqualTo(2);
    }

    @Test
    void aPartialCacheAnswersFromWhatItRead() throws Exception {
        customer("eu", 1, "Ann", 1);
        click("c1", "eu", 1);
        TableResult result =
                tables("'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '100'")
                        .executeSql(JOIN);
        try (CloseableIterator<Row> it = result.collect()) {
            assertThat(next(it)).isEqualTo(row("c1", "Ann", 1));
            SqlTestSupport.awaitStreamPhase(emulator);
            customer("eu", 1, "Anna", 2);
            click("c2", "eu", 1);
            assertThat(next(it)).as("the cached row").isEqualTo(row("c2", "Ann", 1));
        }
    }

    @Test
    void aFullCacheLoadsTheTableAndSeesChangesAfterAReload() throws Exception {
        customer("eu", 1, "Ann", 1);
        click("c0", "eu", 1);
        TableResult result =
                tables(
                                "'lookup.cache' = 'FULL', "
                                        + "'lookup.full-cache.periodic-reload.interval' = '200 ms'")
                        .executeSql(JOIN);
        try (CloseableIterator<Row> it = result.collect()) {
            assertThat(next(it)).isEqualTo(row("c0", "Ann", 1));
            SqlTestSupport.awaitStreamPhase(emulator);
            customer("eu", 1, "Anna", 2);
            // Each click is answered from the cache; one after a reload has the new name.
            for (int i = 1; ; i++) {
                click("c" + i, "eu", 1);
                Row got = next(it);
                assertThat(got.getField(0)).isEqualTo("c" + i);
                if ("Anna".equals(got.getField(1))) {
                    assertThat(got).isEqualTo(row("c" + i, "Anna", 2));
                    break;
                }
                assertThat(got).isEqualTo(row("c" + i, "Ann", 1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"'lookup.async' = 'false'", "'lookup.async' = 'true'"})
    void aJoinOnAKeyPrefixReadsEveryRowWithIt(String mode) throws Exception {
        customer("eu", 1, "Ann", 1);
        customer("eu", 2, "Bea", 2);
        customer("us", 1, "Cid", 3);
        click("c1", "eu", 0);
        click("c2", "asia", 0);
        click("c3", "us", 0);
        TableResult result =
                tables(mode)
                        .executeSql(
                                "SELECT k.click_id, c.name, c.level FROM clicks AS k "
                                        + "JOIN customers FOR SYSTEM_TIME AS OF k.proc AS c "
                                        + "ON c.region = k.region");
        List<Row> got = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            // In order: c1's two rows, nothing for c2 (inner join), then c3's.
            SqlTestSupport.take(
                    it,
                    got,
                    rows -> !rows.isEmpty() && "c3".equals(rows.get(rows.size() - 1).getField(0)));
        }
        assertThat(got)
                .containsExactly(row("c1", "Ann", 1), row("c1", "Bea", 2), row("c3", "Cid", 3));
    }

    @Test
    void aCellOfTheWrongTypeFailsTheJobNamingTheColumn() throws Exception {
        customer("eu", 1, "Ann", ColumnValue.ofString("gold"));
        click("c1", "eu", 1);
        TableResult result = tables("").executeSql(JOIN);
        assertThatThrownBy(
                        () -> {
                            try (CloseableIterator<Row> it = result.collect()) {
                                it.next();
                            }
                        })
                .hasStackTraceContaining("table 'customers'")
                .hasStackTraceContaining("column 'level' is declared INT but holds the STRING")
                .hasStackTraceContaining("skip-invalid-data");
    }

    @Test
    void onlyTheColumnsTheQueryUsesAreRead() throws Exception {
        // 'level' does not fit INT; a query that does not use it never reads it.
        customer("eu", 1, "Ann", ColumnValue.ofString("gold"));
        click("c1", "eu", 1);
        TableResult result =
                tables("")
                        .executeSql(
                                "SELECT k.click_id, c.name FROM clicks AS k "
                                        + "LEFT JOIN customers FOR SYSTEM_TIME AS OF k.proc AS c "
                                        + "ON c.region = k.region AND c.id = k.customer");
        try (CloseableIterator<Row> it = result.collect()) {
            assertThat(next(it)).isEqualTo(Row.of("c1", "Ann"));
        }
    }

    @Test
    void aWrongTypeWithSkipInvalidDataIsAMissingRow() throws Exception {
        customer("eu", 1, "Ann", ColumnValue.ofString("gold"));
        click("c1", "eu", 1);
        TableResult result = tables("'skip-invalid-data' = 'true'").executeSql(JOIN);
        try (CloseableIterator<Row> it = result.collect()) {
            assertThat(next(it)).isEqualTo(row("c1", null, null));
        }
    }

    @Test
    void aVvrDimensionTableRunsWithOnlyTheConnectorNameChanged() throws Exception {
        customer("eu", 1, "Ann", 1);
        click("c1", "eu", 1);
        click("c2", "eu", 2);
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(1);
        tEnv.executeSql(
                "CREATE TABLE clicks (click_id STRING, region STRING, customer BIGINT, "
                        + "proc AS PROCTIME()) WITH ("
                        + connection("clicks")
                        + ", 'tunnel-name' = 'clicks-tunnel', 'tunnel-type' = 'BASE_DATA')");
        // As written for VVR's ots dimension table, with only 'connector' changed.
        tEnv.executeSql(
                "CREATE TABLE customers (region STRING, id BIGINT, name STRING, level INT, "
                        + "PRIMARY KEY (region, id) NOT ENFORCED) WITH ("
                        + "'connector' = 'tablestore-tunnel',"
                        + "'endPoint' = '"
                        + emulator.endpoint()
                        + "', 'instanceName' = '"
                        + emulator.instanceName()
                        + "', 'tableName' = 'customers', 'accessId' = '"
                        + emulator.accessKeyId()
                        + "', 'accessKey' = '"
                        + emulator.accessKeySecret()
                        + "', 'cache' = 'LRU', 'cacheSize' = '1000', 'cacheTTLMs' = '600000',"
                        + " 'cacheEmpty' = 'true', 'async' = 'true', 'retryCount' = '3')");
        assertThat(tEnv.explainSql(JOIN)).contains("LookupJoin").contains("async=[");
        List<Row> got = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(JOIN).collect()) {
            it.forEachRemaining(got::add);
        }
        assertThat(got).containsExactly(row("c1", "Ann", 1), row("c2", null, null));
    }
}

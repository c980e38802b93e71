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

package io.github.tablestore.flink.tunnel.e2e;

import io.github.tablestore.flink.tunnel.e2e.harness.ChangeTable;
import io.github.tablestore.flink.tunnel.e2e.harness.E2eEnvironment;
import io.github.tablestore.flink.tunnel.e2e.harness.E2eExtension;
import io.github.tablestore.flink.tunnel.e2e.harness.E2eSettings;
import io.github.tablestore.flink.tunnel.e2e.harness.EmulatorProcess;
import io.github.tablestore.flink.tunnel.e2e.harness.FlinkRestClient;
import io.github.tablestore.flink.tunnel.e2e.harness.SqlGatewayClient;
import io.github.tablestore.flink.tunnel.e2e.harness.Waits;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lookup join through the SQL Gateway with the shaded jar ({@code ADD JAR}): a stream of rows
 * read through a tunnel, joined asynchronously with a dimension table (no tunnel) that changes
 * while the query runs.
 */
@ExtendWith(E2eExtension.class)
class SqlGatewayLookupIT {
    private static final Duration STATEMENT = Duration.ofSeconds(120);
    private static final String TABLE = "orders_lookup";
    private static final String DIMENSION = "labels";
    private static final String TUNNEL = "e2e-lookup";
    private static final int ROWS = 10;

    @Test
    void aStreamJoinsADimensionTableThatChanges(E2eEnvironment env) {
        EmulatorProcess emulator = env.emulator();
        FlinkRestClient rest = env.cluster().rest();
        ChangeTable table = ChangeTable.create(emulator, TABLE);
        SyncClient sdk =
                new SyncClient(
                        emulator.endpoint(),
                        emulator.accessKeyId(),
                        env.accessKeySecret(),
                        emulator.instance());
        SqlGatewayClient sql = env.sqlGateway();
        String session = sql.openSession(Map.of());
        try {
            TableMeta meta = new TableMeta(DIMENSION);
            meta.addPrimaryKeyColumn(new PrimaryKeySchema("name", PrimaryKeyType.STRING));
            sdk.createTable(new CreateTableRequest(meta, new TableOptions(-1, 1)));
            label(sdk, "v0", "zero");
            table.put(0, ROWS, "v0");

            sql.execute(session, "ADD JAR '" + E2eSettings.sqlConnectorJar() + "'", STATEMENT);
            sql.execute(
                    session,
                    "CREATE TABLE orders (id BIGINT, v STRING, proc AS PROCTIME()) WITH (\n"
                            + connection(env, TABLE)
                            + ",\n  'tunnel-name' = '"
                            + TUNNEL
                            + "',\n  'tunnel-type' = 'BASE_AND_STREAM',\n"
                            + "  'tunnel.heartbeat.interval' = '5 s',\n"
                            + "  'tunnel.read.max-backoff' = '200 ms')",
                    STATEMENT);
            sql.execute(
                    session,
                    "CREATE TABLE labels (name STRING, label STRING, PRIMARY KEY (name) NOT ENFORCED)"
                            + " WITH (\n"
                            + connection(env, DIMENSION)
                            + ",\n  'lookup.async' = 'true')",
                    STATEMENT);
            String query =
                    sql.submit(
                            session,
                            "SELECT o.id, o.v, l.label FROM orders AS o "
                                    + "LEFT JOIN labels FOR SYSTEM_TIME AS OF o.proc AS l "
                                    + "ON l.name = o.v");

            Waits.until(
                    "the query's tunnel session",
                    STATEMENT,
                    () -> emulator.tunnelClients(TABLE, TUNNEL).size() == 1);
            table.tunnelCreated();
            Waits.until(
                    "the end of the scan",
                    STATEMENT,
                    () -> "ProcessStream".equals(emulator.tunnelStage(TABLE, TUNNEL)));
            table.scanFinished();
            // The dimension table changes while the query runs; rows after it see the change.
            label(sdk, "v1", "one");
            table.put(0, ROWS, "v1");
            table.put(0, ROWS / 2, "v2");

            int expectedRows = ROWS + ROWS + ROWS / 2;
            SqlGatewayClient.Rows result =
                    sql.fetch(session, query, r -> r.size() >= expectedRows, STATEMENT);
            assertThat(result.columns).containsExactly("id", "v", "label");
            assertThat(result.rows).hasSize(expectedRows);
            Map<String, Integer> byValue = new TreeMap<>();
            for (JsonNode row : result.rows) {
                JsonNode f = row.path("fields");
                String v = f.get(1).asText();
                String label = f.get(2).isNull() ? "null" : f.get(2).asText();
                byValue.merge(v + "=" + label, 1, Integer::sum);
            }
            assertThat(byValue)
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("v0=zero", ROWS, "v1=one", ROWS, "v2=null", ROWS / 2));

            sql.closeOperation(session, query);
            Waits.until(
                    "job " + result.jobId + " cancelled",
                    STATEMENT,
                    () -> "CANCELED".equals(rest.jobState(result.jobId)));
        } finally {
            sql.closeSession(session);
            sdk.shutdown();
            table.close();
        }
    }

    private static void label(SyncClient sdk, String name, String label) {
        RowPutChange put =
                new RowPutChange(
                        DIMENSION,
                        PrimaryKeyBuilder.createPrimaryKeyBuilder()
                                .addPrimaryKeyColumn("name", PrimaryKeyValue.fromString(name))
                                .build());
        put.addColumn("label", ColumnValue.fromString(label));
        sdk.putRow(new PutRowRequest(put));
    }

    private static String connection(E2eEnvironment env, String table) {
        EmulatorProcess emulator = env.emulator();
        return "  'connector' = 'tablestore-tunnel',\n"
                + "  'endpoint' = '"
                + emulator.endpoint()
                + "',\n  'instance-name' = '"
                + emulator.instance()
                + "',\n  'table-name' = '"
                + table
                + "',\n  'access-key-id' = '"
                + emulator.accessKeyId()
                + "',\n  'access-key-secret' = '"
                + env.accessKeySecret()
                + "'";
    }
}

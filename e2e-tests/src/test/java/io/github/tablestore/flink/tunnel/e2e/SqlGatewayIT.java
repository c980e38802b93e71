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

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL through the SQL Gateway (its own process, REST endpoint): the shaded
 * {@code flink-sql-connector-tablestore-tunnel} jar is added to the session with {@code ADD JAR}
 * (the cluster's classpath has no connector), a table is declared with metadata columns, and a
 * streaming query's results are read through the gateway.
 */
@ExtendWith(E2eExtension.class)
class SqlGatewayIT {
    private static final Duration STATEMENT = Duration.ofSeconds(120);
    private static final String TABLE = "orders_sql";
    private static final String TUNNEL = "e2e-sql";
    private static final int ROWS = 20;

    @Test
    void aStreamingQueryReadsRowsThenChangesWithMetadata(E2eEnvironment env) {
        EmulatorProcess emulator = env.emulator();
        FlinkRestClient rest = env.cluster().rest();
        ChangeTable table = ChangeTable.create(emulator, TABLE);
        SqlGatewayClient sql = env.sqlGateway();
        String session = sql.openSession(Map.of());
        try {
            table.put(0, ROWS, "v0");
            sql.execute(session, "ADD JAR '" + E2eSettings.sqlConnectorJar() + "'", STATEMENT);
            sql.execute(
                    session,
                    "CREATE TABLE orders (\n"
                            + "  id      BIGINT,\n"
                            + "  v       STRING,\n"
                            + "  op      STRING           METADATA FROM 'type' VIRTUAL,\n"
                            + "  ts      TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,\n"
                            + "  channel STRING           METADATA FROM 'channel-id' VIRTUAL,\n"
                            + "  seq     STRING           METADATA FROM 'sequence-info' VIRTUAL,\n"
                            + "  PRIMARY KEY (id) NOT ENFORCED\n"
                            + ") WITH (\n"
                            + "  'connector' = 'tablestore-tunnel',\n"
                            + "  'endpoint' = '"
                            + emulator.endpoint()
                            + "',\n"
                            + "  'instance-name' = '"
                            + emulator.instance()
                            + "',\n"
                            + "  'table-name' = '"
                            + TABLE
                            + "',\n"
                            + "  'tunnel-name' = '"
                            + TUNNEL
                            + "',\n"
                            + "  'tunnel-type' = 'BASE_AND_STREAM',\n"
                            + "  'tunnel.heartbeat.interval' = '5 s',\n"
                            + "  'tunnel.heartbeat.timeout' = '60 s',\n"
                            + "  'tunnel.read.max-backoff' = '200 ms',\n"
                            + "  'access-key-id' = '"
                            + emulator.accessKeyId()
                            + "',\n"
                            + "  'access-key-secret' = '"
                            + env.accessKeySecret()
                            + "'\n"
                            + ")",
                    STATEMENT);
            String query = sql.submit(session, "SELECT id, v, op, ts, channel, seq FROM orders");

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
            table.put(0, ROWS, "v1");
            table.update(0, ROWS / 2, "v2");
            table.delete(ROWS - 5, ROWS);

            int expectedRows = ROWS + ROWS + ROWS / 2 + 5;
            SqlGatewayClient.Rows result =
                    sql.fetch(session, query, r -> r.size() >= expectedRows, STATEMENT);
            assertThat(result.columns).containsExactly("id", "v", "op", "ts", "channel", "seq");
            assertThat(result.rows).hasSize(expectedRows);
            Map<Long, List<JsonNode>> byKey = new TreeMap<>();
            for (JsonNode row : result.rows) {
                assertThat(row.path("kind").asText()).isEqualTo("INSERT");
                byKey.computeIfAbsent(row.path("fields").get(0).asLong(), k -> new ArrayList<>())
                        .add(row.path("fields"));
            }
            assertThat(byKey).hasSize(ROWS);
            for (Map.Entry<Long, List<JsonNode>> e : byKey.entrySet()) {
                long id = e.getKey();
                List<String> expected = new ArrayList<>(List.of("PUT v0", "PUT v1"));
                if (id < ROWS / 2) {
                    expected.add("UPDATE v2");
                }
                if (id >= ROWS - 5) {
                    expected.add("DELETE null");
                }
                List<String> got = new ArrayList<>();
                for (JsonNode f : e.getValue()) {
                    got.add(
                            f.get(2).asText()
                                    + " "
                                    + (f.get(1).isNull() ? "null" : f.get(1).asText()));
                }
                assertThat(got).as("changes of key %d", id).isEqualTo(expected);
                assertScanRowMetadata(e.getValue().get(0));
                String previous = "";
                for (JsonNode change : e.getValue().subList(1, e.getValue().size())) {
                    assertChangeMetadata(change);
                    assertThat(change.get(5).asText())
                            .as("sequence of key %d", id)
                            .isGreaterThan(previous);
                    previous = change.get(5).asText();
                }
            }

            // Closing the query cancels its job, and the job's tunnel session ends with it.
            sql.closeOperation(session, query);
            Waits.until(
                    "job " + result.jobId + " cancelled",
                    STATEMENT,
                    () -> "CANCELED".equals(rest.jobState(result.jobId)));
            Waits.until(
                    "no session left on tunnel " + TUNNEL,
                    TunnelJob.SHUTDOWN,
                    () -> emulator.tunnelClients(TABLE, TUNNEL).isEmpty());
            assertThat(emulator.channelOwners(TABLE, TUNNEL)).isEmpty();
        } finally {
            sql.closeSession(session);
            table.close();
        }
    }

    /** A row of the scan: no log time, a base-data channel, no stream position. */
    private static void assertScanRowMetadata(JsonNode fields) {
        assertThat(fields.get(3).isNull()).as("timestamp of a scanned row %s", fields).isTrue();
        assertThat(fields.get(4).asText()).startsWith("BaseData_");
        assertThat(fields.get(5).isNull()).as("sequence of a scanned row %s", fields).isTrue();
    }

    /** A change: its log time, a stream channel, a stream position. */
    private static void assertChangeMetadata(JsonNode fields) {
        assertThat(fields.get(3).isNull()).as("timestamp of change %s", fields).isFalse();
        assertThat(fields.get(4).asText()).startsWith("shard-");
        assertThat(fields.get(5).isNull()).as("sequence of change %s", fields).isFalse();
    }
}

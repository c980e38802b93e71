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
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TunnelSource;

import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The factory at planning time against the emulator: options (missing, unknown, invalid, VVR
 * names), checks against DescribeTable and the tunnel, projection reaching the readers, secrets.
 */
class TablestoreTunnelTableFactoryTest {
    @RegisterExtension
    static final TablestoreEmulatorExtension TABLESTORE = new TablestoreEmulatorExtension();

    private static final String COLUMNS =
            "order_id STRING, line INT, amount DOUBLE, status STRING, updated BIGINT";

    @BeforeAll
    static void tables() {
        SqlTestSupport.createOrders(TABLESTORE.emulator(), 1);
    }

    private static TablestoreEmulator emulator() {
        return TABLESTORE.emulator();
    }

    private static TableEnvironment tEnv() {
        return TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    }

    /** Creates table t with {@code columns} and {@code with}, then plans a query of it. */
    private static TablestoreTunnelTableSource plan(String columns, String with) {
        TableEnvironment tEnv = tEnv();
        tEnv.executeSql("CREATE TABLE t (" + columns + ")" + with);
        tEnv.explainSql("SELECT * FROM t");
        return PlanningSupport.source(tEnv);
    }

    private static String with(String tunnel, String extra) {
        return SqlTestSupport.with(emulator(), tunnel, extra);
    }

    // ------------------------------------------------------------------ options

    @Test
    void aMissingRequiredOptionIsNamed() {
        String with = with("t1", "").replace("'table-name' = 'orders',", "");
        assertThatThrownBy(() -> plan(COLUMNS, with))
                .hasStackTraceContaining("Missing required options are:")
                .hasStackTraceContaining("table-name");
    }

    @Test
    void withoutATunnelNameTheTableIsOnlyALookupTable() {
        String with = with("t1", "").replace("'tunnel-name' = 't1',", "");
        assertThatThrownBy(() -> plan(COLUMNS, with))
                .hasStackTraceContaining("needs the option 'tunnel-name'")
                .hasStackTraceContaining("lookup (dimension) table");
        assertThat(emulator().tunnels()).noneMatch(t -> t.tunnelName().equals("t1"));
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> plan(COLUMNS, with("t1", "'tunel-type' = 'STREAM'")))
                .hasStackTraceContaining("Unsupported options")
                .hasStackTraceContaining("tunel-type");
    }

    @Test
    void anInvalidTunnelOptionIsNamed() {
        assertThatThrownBy(() -> plan(COLUMNS, with("t1", "").replace("'5 s'", "'1 s'")))
                .hasStackTraceContaining("'tunnel.heartbeat.interval'")
                .hasStackTraceContaining("must be at least");
        assertThatThrownBy(() -> plan(COLUMNS, with("t1", "'tunnel-type' = 'SIDEWAYS'")))
                .hasStackTraceContaining("tunnel-type");
        assertThatThrownBy(() -> plan(COLUMNS, with("t1", "'scan.parallelism' = '0'")))
                .hasStackTraceContaining("'scan.parallelism'");
        assertThatThrownBy(
                        () ->
                                plan(
                                        COLUMNS,
                                        with(
                                                "t1",
                                                "'tunnel-type' = 'BASE_DATA', 'tunnel.stream.end-timestamp' = '5'")))
                .hasStackTraceContaining(
                        "Option 'scan.bounded.timestamp-millis' ends a changes-only read")
                .hasStackTraceContaining("'tunnel-type' = 'BASE_DATA'");
    }

    @Test
    void anAccessKeyIdWithoutSecretIsNamed() {
        String with =
                with("t1", "")
                        .replace(
                                "'access-key-secret' = '" + emulator().accessKeySecret() + "',",
                                "");
        assertThatThrownBy(() -> plan(COLUMNS, with))
                .hasStackTraceContaining(
                        "Option 'access-key-secret' (or 'accessKey') is required when 'access-key-id' is set");
    }

    @Test
    void vvrOptionNamesWorkAsFallbackKeysAndUnusedOnesAreAccepted() {
        String with =
                " WITH ('connector' = 'tablestore-tunnel',"
                        + "'endPoint' = '"
                        + emulator().endpoint()
                        + "',"
                        + "'instanceName' = '"
                        + emulator().instanceName()
                        + "',"
                        + "'tableName' = 'orders', 'tunnelName' = 'vvr',"
                        + "'accessId' = '"
                        + emulator().accessKeyId()
                        + "',"
                        + "'accessKey' = '"
                        + emulator().accessKeySecret()
                        + "',"
                        + "'ignoreDelete' = 'true', 'skipInvalidData' = 'true', 'outputSpecificRowType' = 'true',"
                        + "'retryStrategy' = 'COUNT', 'retryCount' = '3', 'connectTimeout' = '30000',"
                        + "'enableRequestCompression' = 'true')";
        TablestoreTunnelTableSource source = plan(COLUMNS, with);
        SourceSettings s = source.settings();
        assertThat(s.endpoint).isEqualTo(emulator().endpoint());
        assertThat(s.tunnelName).isEqualTo("vvr");
        assertThat(s.ignoreDelete).isTrue();
        assertThat(s.skipInvalidData).isTrue();
        assertThat(s.outputRowKinds).isTrue();
        assertThat(source.getChangelogMode())
                .isEqualTo(
                        ChangelogMode.newBuilder()
                                .addContainedKind(org.apache.flink.types.RowKind.INSERT)
                                .addContainedKind(org.apache.flink.types.RowKind.UPDATE_BEFORE)
                                .addContainedKind(org.apache.flink.types.RowKind.UPDATE_AFTER)
                                .build());
    }

    @Test
    void vvrsOriginColumnMappingIsRefusedWithTheAlternative() {
        assertThatThrownBy(() -> plan(COLUMNS, with("t1", "'streamOriginColumnMapping' = 'a:b'")))
                .hasStackTraceContaining("'streamOriginColumnMapping' is not supported")
                .hasStackTraceContaining("METADATA FROM 'origin.status'");
    }

    // ------------------------------------------------------------------ the table and tunnel

    @Test
    void aMissingTableIsAClearError() {
        assertThatThrownBy(
                        () ->
                                plan(
                                        COLUMNS,
                                        with("t1", "")
                                                .replace(
                                                        "'table-name' = 'orders'",
                                                        "'table-name' = 'nope'")))
                .hasStackTraceContaining(
                        "Table 'nope' does not exist in instance '"
                                + emulator().instanceName()
                                + "'");
    }

    @Test
    void aDeclaredPrimaryKeyMustBeTheTables() {
        assertThatThrownBy(
                        () ->
                                plan(
                                        COLUMNS + ", PRIMARY KEY (order_id) NOT ENFORCED",
                                        with("t1", "")))
                .hasStackTraceContaining(
                        "The declared PRIMARY KEY [order_id] does not match the primary key of "
                                + "Tablestore table 'orders', which is [order_id, line]");
        assertThatThrownBy(
                        () ->
                                plan(
                                        COLUMNS + ", PRIMARY KEY (line, order_id) NOT ENFORCED",
                                        with("t1", "")))
                .hasStackTraceContaining("which is [order_id, line]");
        plan(COLUMNS + ", PRIMARY KEY (order_id, line) NOT ENFORCED", with("t1", ""));
    }

    @Test
    void keyColumnsMustBeDeclaredWithAFittingType() {
        assertThatThrownBy(() -> plan("order_id STRING, line STRING", with("t1", "")))
                .hasStackTraceContaining(
                        "Column 'line' is declared STRING but is a primary-key column of type "
                                + "INTEGER in Tablestore table 'orders'; declare it as BIGINT");
        assertThatThrownBy(() -> plan("order_id STRING, tags ARRAY<STRING>", with("t1", "")))
                .hasStackTraceContaining(
                        "Column 'tags' of table 'orders': type ARRAY<STRING> is not supported");
    }

    @Test
    void beforeImagesMustBeKeptByTheStream() {
        plan(COLUMNS + ", old_status STRING METADATA FROM 'origin.status' VIRTUAL", with("t1", ""));
        assertThatThrownBy(
                        () ->
                                plan(
                                        COLUMNS
                                                + ", old_amount DOUBLE METADATA FROM 'origin.amount' VIRTUAL",
                                        with("t1", "")))
                .hasStackTraceContaining(
                        "does not keep before-images of column 'amount' (it keeps [status])");
    }

    @Test
    void anExistingTunnelsTypeIsAdoptedOrMustMatch() {
        try (TunnelClient client = emulator().client()) {
            client.createTunnel(
                    CreateTunnelRequest.builder("orders", "changes-only", TunnelType.STREAM)
                            .build());
        }
        TablestoreTunnelTableSource source = plan(COLUMNS, with("changes-only", ""));
        assertThat(source.facts().tunnelType).isEqualTo(TunnelType.STREAM);
        assertThat(plan(COLUMNS, with("new-tunnel", "")).facts().tunnelType)
                .isEqualTo(TunnelType.BASE_AND_STREAM);
        assertThat(
                        plan(COLUMNS, with("new-base", "'tunnel-type' = 'BASE_DATA'"))
                                .getChangelogMode())
                .isEqualTo(ChangelogMode.insertOnly());
        assertThatThrownBy(
                        () ->
                                plan(
                                        COLUMNS,
                                        with("changes-only", "'tunnel-type' = 'BASE_AND_STREAM'")))
                .hasStackTraceContaining(
                        "Tunnel 'changes-only' of table 'orders' exists with type STREAM, but "
                                + "the table reads a BASE_AND_STREAM tunnel "
                                + "('tunnel-type' = 'BASE_AND_STREAM')");
        assertThatThrownBy(
                        () ->
                                plan(
                                        COLUMNS,
                                        with("changes-only", "'scan.startup.mode' = 'snapshot'")))
                .hasStackTraceContaining(
                        "exists with type STREAM, but the table reads a BASE_DATA tunnel "
                                + "('scan.startup.mode' = 'snapshot')");
    }

    // ------------------------------------------------------------------ projection

    @Test
    void readersDecodeOnlyTheProjectedAndBeforeImageColumns() {
        TablestoreTunnelTableSource source =
                plan(
                        COLUMNS
                                + ", old_status STRING METADATA FROM 'origin.status' VIRTUAL, op STRING METADATA FROM 'type' VIRTUAL",
                        with("t1", ""));
        assertThat(attributeColumns(source)).containsExactly("amount", "status", "updated");

        // SELECT order_id, amount, old_status: the key is always decoded, amount and status's
        // before-image.
        source.applyProjection(new int[][] {{0}, {2}}, null);
        source.applyReadableMetadata(List.of("origin.status"), null);
        assertThat(attributeColumns(source)).containsExactly("amount", "status");

        source.applyProjection(new int[][] {{0}, {1}}, null);
        source.applyReadableMetadata(List.of("type"), null);
        assertThat(attributeColumns(source)).isEmpty();
    }

    private static List<String> attributeColumns(TablestoreTunnelTableSource source) {
        RowShape shape = source.shape();
        TunnelSource<RowData> tunnelSource =
                source.createSource(
                        shape,
                        InternalTypeInfo.of(RowType.of()),
                        InternalTypeInfo.of(ImageEnvelope.rowType(shape)));
        return tunnelSource.config().attributeColumns();
    }

    // ------------------------------------------------------------------ secrets

    @Test
    void flinkMasksTheSecretOptionKeys() {
        assertThat(
                        GlobalConfiguration.isSensitive(
                                TablestoreTunnelTableOptions.ACCESS_KEY_SECRET.key()))
                .isTrue();
        assertThat(
                        GlobalConfiguration.isSensitive(
                                TablestoreTunnelTableOptions.SECURITY_TOKEN.key()))
                .isTrue();
        // The VVR name is not recognised by Flink's rules ("secret", "password", "token", "apikey",
        // ...): the connector warns and the docs recommend access-key-secret.
        assertThat(GlobalConfiguration.isSensitive("accessKey")).isFalse();
    }

    @Test
    void secretsAppearNeitherInFlinksErrorsNorInTheConnectorsDescriptions() {
        String secret = emulator().accessKeySecret();
        String token = "token-value-42";
        // A failure after the options were read: Flink lists the table's options in its message.
        assertThatThrownBy(
                        () ->
                                plan(
                                        COLUMNS,
                                        with("t1", "'security-token' = '" + token + "'")
                                                .replace(
                                                        "'table-name' = 'orders'",
                                                        "'table-name' = 'nope'")))
                .hasStackTraceContaining("'access-key-secret'='******'")
                .hasStackTraceContaining("'security-token'='******'")
                .satisfies(
                        e ->
                                assertThat(stackTrace(e))
                                        .doesNotContain(secret)
                                        .doesNotContain(token));

        TablestoreTunnelTableSource source = plan(COLUMNS, with("t1", ""));
        assertThat(source.toString()).doesNotContain(secret).contains(emulator().accessKeyId());
        TunnelSource<RowData> tunnelSource =
                source.createSource(
                        source.shape(),
                        InternalTypeInfo.of(RowType.of()),
                        InternalTypeInfo.of(ImageEnvelope.rowType(source.shape())));
        assertThat(tunnelSource.toString()).doesNotContain(secret);

        String vvr = with("t1", "").replace("'access-key-secret'", "'accessKey'");
        assertThat(plan(COLUMNS, vvr).toString()).doesNotContain(secret);
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}

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

package io.github.tablestore.flink.tunnel.emulator.sdk;

import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;

import com.alicloud.openservices.tablestore.InternalClient;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.model.BatchWriteRowRequest;
import com.alicloud.openservices.tablestore.model.BatchWriteRowResponse;
import com.alicloud.openservices.tablestore.model.Column;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.Condition;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.CreateTableRequestEx;
import com.alicloud.openservices.tablestore.model.DefinedColumnSchema;
import com.alicloud.openservices.tablestore.model.DefinedColumnType;
import com.alicloud.openservices.tablestore.model.DeleteRowRequest;
import com.alicloud.openservices.tablestore.model.DeleteTableRequest;
import com.alicloud.openservices.tablestore.model.DescribeStreamRequest;
import com.alicloud.openservices.tablestore.model.DescribeStreamResponse;
import com.alicloud.openservices.tablestore.model.DescribeTableRequest;
import com.alicloud.openservices.tablestore.model.DescribeTableResponse;
import com.alicloud.openservices.tablestore.model.Direction;
import com.alicloud.openservices.tablestore.model.GetRangeRequest;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.GetRowRequest;
import com.alicloud.openservices.tablestore.model.ListStreamRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyOption;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.PutRowResponse;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.ReturnType;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.RowDeleteChange;
import com.alicloud.openservices.tablestore.model.RowExistenceExpectation;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.RowUpdateChange;
import com.alicloud.openservices.tablestore.model.SingleRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.alicloud.openservices.tablestore.model.UpdateRowRequest;
import com.alicloud.openservices.tablestore.model.UpdateTableRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The official SDK's SyncClient, unmodified and with response validation on (its default), against
 * the emulator: tables, every row operation, reads back, streams.
 */
class SyncClientDataPlaneTest {
    private static TablestoreEmulator emulator;
    private static SyncClient client;

    @BeforeAll
    static void start() {
        emulator = TablestoreEmulator.builder().start();
        client =
                new SyncClient(
                        emulator.endpoint(),
                        emulator.accessKeyId(),
                        emulator.accessKeySecret(),
                        emulator.instanceName());
    }

    @AfterAll
    static void stop() {
        client.shutdown();
        emulator.close();
    }

    private static void createTable(String name, int maxVersions) {
        TableMeta meta = new TableMeta(name);
        meta.addPrimaryKeyColumn("pk", PrimaryKeyType.STRING);
        meta.addPrimaryKeyColumn("id", PrimaryKeyType.INTEGER);
        CreateTableRequest request =
                new CreateTableRequest(meta, new TableOptions(-1, maxVersions));
        request.setStreamSpecification(new StreamSpecification(true, 24));
        client.createTable(request);
    }

    private static PrimaryKey key(String pk, long id) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("pk", PrimaryKeyValue.fromString(pk))
                .addPrimaryKeyColumn("id", PrimaryKeyValue.fromLong(id))
                .build();
    }

    private static Row get(String table, PrimaryKey key, int maxVersions) {
        SingleRowQueryCriteria criteria = new SingleRowQueryCriteria(table, key);
        criteria.setMaxVersions(maxVersions);
        return client.getRow(new GetRowRequest(criteria)).getRow();
    }

    @Test
    void writesWithEveryRowOperationAndReadsBack() {
        createTable("rows", 3);

        RowPutChange put = new RowPutChange("rows", key("a", 1));
        put.addColumn("s", ColumnValue.fromString("hello"));
        put.addColumn("n", ColumnValue.fromLong(40));
        put.addColumn("d", ColumnValue.fromDouble(1.5));
        put.addColumn("b", ColumnValue.fromBoolean(true));
        put.addColumn("bin", ColumnValue.fromBinary(new byte[] {1, 2, 3}));
        put.addColumn("old", ColumnValue.fromString("v1"), 1_000L);
        put.addColumn("old", ColumnValue.fromString("v2"), 2_000L);
        client.putRow(new PutRowRequest(put));

        Row row = get("rows", key("a", 1), 3);
        assertThat(row.getLatestColumn("s").getValue().asString()).isEqualTo("hello");
        assertThat(row.getLatestColumn("n").getValue().asLong()).isEqualTo(40);
        assertThat(row.getLatestColumn("d").getValue().asDouble()).isEqualTo(1.5);
        assertThat(row.getLatestColumn("b").getValue().asBoolean()).isTrue();
        assertThat(row.getLatestColumn("bin").getValue().asBinary()).containsExactly(1, 2, 3);
        assertThat(row.getColumn("old"))
                .extracting(c -> c.getValue().asString())
                .containsExactly("v2", "v1");

        RowUpdateChange update = new RowUpdateChange("rows", key("a", 1));
        update.put("s", ColumnValue.fromString("world"));
        update.deleteColumn("old", 2_000L);
        update.deleteColumns("bin");
        update.increment(new Column("n", ColumnValue.fromLong(2)));
        update.setReturnType(ReturnType.RT_AFTER_MODIFY);
        update.addReturnColumn("n");
        Row returned = client.updateRow(new UpdateRowRequest(update)).getRow();
        assertThat(returned.getLatestColumn("n").getValue().asLong()).isEqualTo(42);

        row = get("rows", key("a", 1), 3);
        assertThat(row.getColumn("s"))
                .extracting(c -> c.getValue().asString())
                .containsExactly("world", "hello");
        assertThat(row.getLatestColumn("n").getValue().asLong()).isEqualTo(42);
        assertThat(row.getColumn("old"))
                .extracting(c -> c.getValue().asString())
                .containsExactly("v1");
        assertThat(row.contains("bin")).isFalse();

        client.deleteRow(new DeleteRowRequest(new RowDeleteChange("rows", key("a", 1))));
        assertThat(get("rows", key("a", 1), 1)).isNull();
    }

    @Test
    void rowConditionsAreChecked() {
        createTable("conditions", 1);
        RowPutChange put = new RowPutChange("conditions", key("c", 1));
        put.addColumn("v", ColumnValue.fromLong(1));
        put.setCondition(new Condition(RowExistenceExpectation.EXPECT_NOT_EXIST));
        client.putRow(new PutRowRequest(put));

        assertThatThrownBy(() -> client.putRow(new PutRowRequest(put)))
                .isInstanceOfSatisfying(
                        TableStoreException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OTSConditionCheckFail"));

        RowUpdateChange missing = new RowUpdateChange("conditions", key("c", 2));
        missing.put("v", ColumnValue.fromLong(2));
        missing.setCondition(new Condition(RowExistenceExpectation.EXPECT_EXIST));
        assertThatThrownBy(() -> client.updateRow(new UpdateRowRequest(missing)))
                .isInstanceOfSatisfying(
                        TableStoreException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OTSConditionCheckFail"));

        RowPutChange ignore = new RowPutChange("conditions", key("c", 1));
        ignore.addColumn("v", ColumnValue.fromLong(3));
        ignore.setCondition(new Condition(RowExistenceExpectation.IGNORE));
        ignore.setReturnType(ReturnType.RT_PK);
        PutRowResponse response = client.putRow(new PutRowRequest(ignore));
        assertThat(response.getRow().getPrimaryKey()).isEqualTo(key("c", 1));
        assertThat(get("conditions", key("c", 1), 1).getLatestColumn("v").getValue().asLong())
                .isEqualTo(3);
    }

    @Test
    void batchWriteAndGetRangeInBothDirectionsWithPaging() {
        createTable("range", 1);
        BatchWriteRowRequest batch = new BatchWriteRowRequest();
        for (int i = 0; i < 10; i++) {
            RowPutChange put = new RowPutChange("range", key("k" + (i % 2), i));
            put.addColumn("i", ColumnValue.fromLong(i));
            batch.addRowChange(put);
        }
        BatchWriteRowResponse written = client.batchWriteRow(batch);
        assertThat(written.isAllSucceed()).isTrue();

        BatchWriteRowRequest mixed = new BatchWriteRowRequest();
        RowUpdateChange update = new RowUpdateChange("range", key("k0", 0));
        update.put("extra", ColumnValue.fromString("x"));
        mixed.addRowChange(update);
        mixed.addRowChange(new RowDeleteChange("range", key("k1", 9)));
        RowPutChange failing = new RowPutChange("range", key("k1", 1));
        failing.setCondition(new Condition(RowExistenceExpectation.EXPECT_NOT_EXIST));
        mixed.addRowChange(failing);
        BatchWriteRowResponse result = client.batchWriteRow(mixed);
        assertThat(result.getSucceedRows()).hasSize(2);
        assertThat(result.getFailedRows())
                .singleElement()
                .satisfies(
                        r -> assertThat(r.getError().getCode()).isEqualTo("OTSConditionCheckFail"));

        List<Long> forward = new ArrayList<>();
        PrimaryKey start =
                PrimaryKeyBuilder.createPrimaryKeyBuilder()
                        .addPrimaryKeyColumn("pk", PrimaryKeyValue.INF_MIN)
                        .addPrimaryKeyColumn("id", PrimaryKeyValue.INF_MIN)
                        .build();
        PrimaryKey end =
                PrimaryKeyBuilder.createPrimaryKeyBuilder()
                        .addPrimaryKeyColumn("pk", PrimaryKeyValue.INF_MAX)
                        .addPrimaryKeyColumn("id", PrimaryKeyValue.INF_MAX)
                        .build();
        PrimaryKey next = start;
        int pages = 0;
        while (next != null) {
            RangeRowQueryCriteria criteria = new RangeRowQueryCriteria("range");
            criteria.setInclusiveStartPrimaryKey(next);
            criteria.setExclusiveEndPrimaryKey(end);
            criteria.setMaxVersions(1);
            criteria.setLimit(4);
            GetRangeResponse page = client.getRange(new GetRangeRequest(criteria));
            for (Row r : page.getRows()) {
                forward.add(r.getPrimaryKey().getPrimaryKeyColumn("id").getValue().asLong());
            }
            next = page.getNextStartPrimaryKey();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(forward).containsExactly(0L, 2L, 4L, 6L, 8L, 1L, 3L, 5L, 7L);

        RangeRowQueryCriteria backward = new RangeRowQueryCriteria("range");
        backward.setDirection(Direction.BACKWARD);
        backward.setInclusiveStartPrimaryKey(end);
        backward.setExclusiveEndPrimaryKey(start);
        backward.setMaxVersions(1);
        backward.addColumnsToGet("extra");
        List<Row> withExtra = client.getRange(new GetRangeRequest(backward)).getRows();
        assertThat(withExtra)
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.getLatestColumn("extra").getValue().asString())
                                        .isEqualTo("x"));
    }

    @Test
    void describesAndUpdatesTablesAndStreams() throws Exception {
        TableMeta meta = new TableMeta("split");
        meta.addPrimaryKeyColumn("pk", PrimaryKeyType.STRING);
        CreateTableRequestEx request = new CreateTableRequestEx(meta, new TableOptions(-1, 1));
        request.setSplitPoints(
                List.of(PrimaryKeyValue.fromString("m"), PrimaryKeyValue.fromString("t")));
        request.setStreamSpecification(new StreamSpecification(true, 12));
        // SyncClient has no CreateTableEx; the SDK's InternalClient (public, used by AsyncClient)
        // does.
        InternalClient internal =
                new InternalClient(
                        emulator.endpoint(),
                        emulator.accessKeyId(),
                        emulator.accessKeySecret(),
                        emulator.instanceName());
        try {
            internal.createTableEx(request, null).get();
        } finally {
            internal.shutdown();
        }

        assertThat(client.listTable().getTableNames()).contains("split");
        DescribeTableResponse described = client.describeTable(new DescribeTableRequest("split"));
        assertThat(described.getTableMeta().getPrimaryKeyList()).hasSize(1);
        assertThat(described.getStreamDetails().isEnableStream()).isTrue();
        assertThat(described.getStreamDetails().getExpirationTime()).isEqualTo(12);
        assertThat(described.getShardSplits()).hasSize(2);
        assertThat(emulator.partitions("split")).hasSize(3);

        String streamId = described.getStreamDetails().getStreamId();
        assertThat(client.listStream(new ListStreamRequest("split")).getStreams())
                .singleElement()
                .satisfies(s -> assertThat(s.getStreamId()).isEqualTo(streamId));
        emulator.splitPartition(
                "split",
                "shard-0",
                io.github.tablestore.flink.tunnel.client.record.ColumnValue.ofString("g"));
        DescribeStreamResponse stream = client.describeStream(new DescribeStreamRequest(streamId));
        assertThat(stream.getShards()).hasSize(5);
        assertThat(stream.getShards().get(3).getParentId()).isEqualTo("shard-0");

        UpdateTableRequest disable = new UpdateTableRequest("split");
        disable.setStreamSpecification(new StreamSpecification(false));
        client.updateTable(disable);
        assertThat(
                        client.describeTable(new DescribeTableRequest("split"))
                                .getStreamDetails()
                                .isEnableStream())
                .isFalse();
        assertThat(client.listStream(new ListStreamRequest("split")).getStreams()).isEmpty();

        client.deleteTable(new DeleteTableRequest("split"));
        assertThat(client.listTable().getTableNames()).doesNotContain("split");
        assertThatThrownBy(() -> client.describeTable(new DescribeTableRequest("split")))
                .isInstanceOfSatisfying(
                        TableStoreException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OTSObjectNotExist"));
    }

    @Test
    void describeAnswersTheSchemaAndOptionsAsCreatedAndUpdated() {
        TableMeta meta = new TableMeta("schema");
        meta.addPrimaryKeyColumn("pk", PrimaryKeyType.STRING);
        meta.addPrimaryKeyColumn("id", PrimaryKeyType.INTEGER, PrimaryKeyOption.AUTO_INCREMENT);
        meta.addDefinedColumn("price", DefinedColumnType.DOUBLE);
        meta.addDefinedColumn("name", DefinedColumnType.STRING);
        meta.addDefinedColumn("raw", DefinedColumnType.BINARY);
        client.createTable(new CreateTableRequest(meta, new TableOptions(-1, 2, 86400)));

        DescribeTableResponse described = client.describeTable(new DescribeTableRequest("schema"));
        assertThat(described.getTableMeta().getPrimaryKeyList())
                .extracting(
                        PrimaryKeySchema::getName,
                        PrimaryKeySchema::getType,
                        PrimaryKeySchema::getOption)
                .containsExactly(
                        tuple("pk", PrimaryKeyType.STRING, null),
                        tuple("id", PrimaryKeyType.INTEGER, PrimaryKeyOption.AUTO_INCREMENT));
        assertThat(described.getTableMeta().getDefinedColumnsList())
                .extracting(DefinedColumnSchema::getName, DefinedColumnSchema::getType)
                .containsExactly(
                        tuple("price", DefinedColumnType.DOUBLE),
                        tuple("name", DefinedColumnType.STRING),
                        tuple("raw", DefinedColumnType.BINARY));
        assertThat(described.getTableOptions().getTimeToLive()).isEqualTo(-1);
        assertThat(described.getTableOptions().getMaxVersions()).isEqualTo(2);
        assertThat(described.getTableOptions().getMaxTimeDeviation()).isEqualTo(86400);

        // UpdateTable replaces only the options it sets.
        UpdateTableRequest update = new UpdateTableRequest("schema");
        TableOptions maxVersions = new TableOptions();
        maxVersions.setMaxVersions(5);
        update.setTableOptionsForUpdate(maxVersions);
        assertThat(client.updateTable(update).getTableOptions().getMaxVersions()).isEqualTo(5);
        TableOptions updated =
                client.describeTable(new DescribeTableRequest("schema")).getTableOptions();
        assertThat(updated.getMaxVersions()).isEqualTo(5);
        assertThat(updated.getTimeToLive()).isEqualTo(-1);
        assertThat(updated.getMaxTimeDeviation()).isEqualTo(86400);
        client.deleteTable(new DeleteTableRequest("schema"));
    }

    @Test
    void wrongSecretGivesAuthFailed() {
        SyncClient wrong =
                new SyncClient(
                        emulator.endpoint(),
                        emulator.accessKeyId(),
                        "not-the-secret",
                        emulator.instanceName());
        try {
            assertThatThrownBy(wrong::listTable)
                    .isInstanceOfSatisfying(
                            TableStoreException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo("OTSAuthFailed"));
        } finally {
            wrong.shutdown();
        }
    }
}

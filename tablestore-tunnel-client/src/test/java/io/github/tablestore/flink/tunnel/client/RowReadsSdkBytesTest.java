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

package io.github.tablestore.flink.tunnel.client;

import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;

import com.alicloud.openservices.tablestore.ClientConfiguration;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.BatchGetRowRequest;
import com.alicloud.openservices.tablestore.model.Direction;
import com.alicloud.openservices.tablestore.model.GetRangeRequest;
import com.alicloud.openservices.tablestore.model.GetRowRequest;
import com.alicloud.openservices.tablestore.model.MultiRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.NoRetryStrategy;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.SingleRowQueryCriteria;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The point reads' request bodies are byte for byte those of the official SDK's SyncClient for
 * the same read (newest version, projected columns, PlainBuffer keys), and go to the same paths.
 */
class RowReadsSdkBytesTest {
    private MockService service;
    private TunnelClient client;
    private SyncClient sdk;

    @BeforeEach
    void start() throws Exception {
        service = new MockService();
        client = service.client();
        ClientConfiguration conf = new ClientConfiguration();
        conf.setRetryStrategy(new NoRetryStrategy());
        sdk =
                new SyncClient(
                        service.endpoint(),
                        MockService.AKID,
                        MockService.SECRET,
                        MockService.INSTANCE,
                        conf);
    }

    @AfterEach
    void stop() {
        sdk.shutdown();
        client.close();
        service.close();
    }

    private static PrimaryKey key(String pk, long id) {
        return PrimaryKey.of(
                new PrimaryKeyColumn("pk", ColumnValue.ofString(pk)),
                new PrimaryKeyColumn("id", ColumnValue.ofLong(id)));
    }

    private static com.alicloud.openservices.tablestore.model.PrimaryKey sdkKey(
            String pk, long id) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("pk", PrimaryKeyValue.fromString(pk))
                .addPrimaryKeyColumn("id", PrimaryKeyValue.fromLong(id))
                .build();
    }

    /** What the SDK sent for {@code call}; the SDK's failure on the canned answer is expected. */
    private RecordedRequest sdkRequest(Runnable call) throws Exception {
        service.error(500, "OTSInternalServerError", "canned");
        try {
            call.run();
        } catch (RuntimeException expected) {
            // the canned answer is an error; only the request matters
        }
        return service.take();
    }

    private static void assertSameRequest(RecordedRequest ours, RecordedRequest sdk) {
        assertThat(ours.getUrl().encodedPath()).isEqualTo(sdk.getUrl().encodedPath());
        assertThat(MockService.body(ours)).isEqualTo(MockService.body(sdk));
    }

    @Test
    void getRowMatchesTheSdk() throws Exception {
        service.ok(
                TableProtos.GetRowResponse.newBuilder()
                        .setConsumed(consumed())
                        .setRow(com.google.protobuf.ByteString.EMPTY)
                        .build());
        assertThat(client.getRow("dim", key("a", 7), List.of("name", "pk"))).isNull();
        RecordedRequest ours = service.take();

        SingleRowQueryCriteria criteria = new SingleRowQueryCriteria("dim", sdkKey("a", 7));
        criteria.addColumnsToGet("name");
        criteria.addColumnsToGet("pk");
        criteria.setMaxVersions(1);
        RecordedRequest theirs = sdkRequest(() -> sdk.getRow(new GetRowRequest(criteria)));

        assertSameRequest(ours, theirs);
    }

    @Test
    void batchGetRowMatchesTheSdk() throws Exception {
        TableProtos.RowInBatchGetRowResponse empty =
                TableProtos.RowInBatchGetRowResponse.newBuilder()
                        .setIsOk(true)
                        .setConsumed(consumed())
                        .setRow(com.google.protobuf.ByteString.EMPTY)
                        .build();
        service.ok(
                TableProtos.BatchGetRowResponse.newBuilder()
                        .addTables(
                                TableProtos.TableInBatchGetRowResponse.newBuilder()
                                        .setTableName("dim")
                                        .addRows(empty)
                                        .addRows(empty))
                        .build());
        assertThat(client.batchGetRow("dim", List.of(key("a", 1), key("b", 2)), List.of("v")))
                .containsExactly(null, null);
        RecordedRequest ours = service.take();

        MultiRowQueryCriteria criteria = new MultiRowQueryCriteria("dim");
        criteria.addRow(sdkKey("a", 1));
        criteria.addRow(sdkKey("b", 2));
        criteria.addColumnsToGet("v");
        criteria.setMaxVersions(1);
        BatchGetRowRequest request = new BatchGetRowRequest();
        request.addMultiRowQueryCriteria(criteria);
        RecordedRequest theirs = sdkRequest(() -> sdk.batchGetRow(request));

        assertSameRequest(ours, theirs);
    }

    @Test
    void getRangeMatchesTheSdk() throws Exception {
        service.ok(
                TableProtos.GetRangeResponse.newBuilder()
                        .setConsumed(consumed())
                        .setRows(com.google.protobuf.ByteString.EMPTY)
                        .build());
        PrimaryKey start =
                PrimaryKey.of(
                        new PrimaryKeyColumn("pk", ColumnValue.INF_MIN),
                        new PrimaryKeyColumn("id", ColumnValue.INF_MIN));
        PrimaryKey end =
                PrimaryKey.of(
                        new PrimaryKeyColumn("pk", ColumnValue.INF_MAX),
                        new PrimaryKeyColumn("id", ColumnValue.INF_MAX));
        assertThat(client.getRange("dim", start, end, List.of("v"), 500).rows()).isEmpty();
        RecordedRequest ours = service.take();

        RangeRowQueryCriteria criteria = new RangeRowQueryCriteria("dim");
        criteria.setInclusiveStartPrimaryKey(
                PrimaryKeyBuilder.createPrimaryKeyBuilder()
                        .addPrimaryKeyColumn("pk", PrimaryKeyValue.INF_MIN)
                        .addPrimaryKeyColumn("id", PrimaryKeyValue.INF_MIN)
                        .build());
        criteria.setExclusiveEndPrimaryKey(
                PrimaryKeyBuilder.createPrimaryKeyBuilder()
                        .addPrimaryKeyColumn("pk", PrimaryKeyValue.INF_MAX)
                        .addPrimaryKeyColumn("id", PrimaryKeyValue.INF_MAX)
                        .build());
        criteria.setDirection(Direction.FORWARD);
        criteria.addColumnsToGet("v");
        criteria.setMaxVersions(1);
        criteria.setLimit(500);
        RecordedRequest theirs = sdkRequest(() -> sdk.getRange(new GetRangeRequest(criteria)));

        assertSameRequest(ours, theirs);
    }

    private static TableProtos.ConsumedCapacity consumed() {
        return TableProtos.ConsumedCapacity.newBuilder()
                .setCapacityUnit(TableProtos.CapacityUnit.newBuilder().setRead(1).setWrite(0))
                .build();
    }
}

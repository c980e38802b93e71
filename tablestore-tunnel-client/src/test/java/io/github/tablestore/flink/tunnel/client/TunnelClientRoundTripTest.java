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

import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.ChannelInfo;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.model.StreamRange;
import io.github.tablestore.flink.tunnel.client.model.StreamRecordOptions;
import io.github.tablestore.flink.tunnel.client.model.StreamShard;
import io.github.tablestore.flink.tunnel.client.model.TableDescription;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.DefinedColumnType;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.model.TunnelDescription;
import io.github.tablestore.flink.tunnel.client.model.TunnelInfo;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.plainbuffer.ColumnFilter;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferEncoder;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Responses built with the generated protos, decoded by the client into its model. */
class TunnelClientRoundTripTest {
    private static final long CREATED_MS = 1_700_000_000_123L;
    private final MockService service;
    private final TunnelClient client;

    TunnelClientRoundTripTest() throws Exception {
        service = new MockService();
        client = service.client();
    }

    @AfterEach
    void close() {
        client.close();
        service.close();
    }

    static TunnelProtos.TunnelInfo tunnelInfo() {
        return TunnelProtos.TunnelInfo.newBuilder()
                .setTunnelId("tid-1")
                .setTunnelType("BaseAndStream")
                .setTableName("orders")
                .setInstanceName("inst")
                .setStreamId("stream-1")
                .setStage("ProcessBaseData")
                .setExpired(false)
                .setTunnelName("orders-tunnel")
                .setCreateTime(CREATED_MS * 1_000_000L + 456_789L)
                .build();
    }

    static TableProtos.DescribeTableResponse describeTableResponse() {
        return TableProtos.DescribeTableResponse.newBuilder()
                .setTableMeta(
                        TableProtos.TableMeta.newBuilder()
                                .setTableName("orders")
                                .addPrimaryKey(
                                        TableProtos.PrimaryKeySchema.newBuilder()
                                                .setName("region")
                                                .setType(TableProtos.PrimaryKeyType.STRING))
                                .addPrimaryKey(
                                        TableProtos.PrimaryKeySchema.newBuilder()
                                                .setName("id")
                                                .setType(TableProtos.PrimaryKeyType.INTEGER)
                                                .setOption(
                                                        TableProtos.PrimaryKeyOption
                                                                .AUTO_INCREMENT))
                                .addPrimaryKey(
                                        TableProtos.PrimaryKeySchema.newBuilder()
                                                .setName("blob")
                                                .setType(TableProtos.PrimaryKeyType.BINARY))
                                .addDefinedColumn(
                                        def("i", TableProtos.DefinedColumnType.DCT_INTEGER))
                                .addDefinedColumn(
                                        def("d", TableProtos.DefinedColumnType.DCT_DOUBLE))
                                .addDefinedColumn(
                                        def("b", TableProtos.DefinedColumnType.DCT_BOOLEAN))
                                .addDefinedColumn(
                                        def("s", TableProtos.DefinedColumnType.DCT_STRING))
                                .addDefinedColumn(def("x", TableProtos.DefinedColumnType.DCT_BLOB)))
                .setReservedThroughputDetails(
                        TableProtos.ReservedThroughputDetails.newBuilder()
                                .setCapacityUnit(
                                        TableProtos.CapacityUnit.newBuilder()
                                                .setRead(0)
                                                .setWrite(0))
                                .setLastIncreaseTime(0))
                .setTableOptions(
                        TableProtos.TableOptions.newBuilder().setTimeToLive(-1).setMaxVersions(1))
                .setStreamDetails(
                        TableProtos.StreamDetails.newBuilder()
                                .setEnableStream(true)
                                .setStreamId("stream-1")
                                .setExpirationTime(168)
                                .addColumnToGet("s")
                                .addColumnToGet("d"))
                .build();
    }

    private static TableProtos.DefinedColumnSchema.Builder def(
            String name, TableProtos.DefinedColumnType type) {
        return TableProtos.DefinedColumnSchema.newBuilder().setName(name).setType(type);
    }

    @Test
    void createTunnelAndConnectReturnIds() {
        service.ok(TunnelProtos.CreateTunnelResponse.newBuilder().setTunnelId("tid-9").build());
        service.ok(TunnelProtos.ConnectResponse.newBuilder().setClientId("cid-9").build());
        assertThat(
                        client.createTunnel(
                                io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest
                                        .builder("t", "n", TunnelType.STREAM)
                                        .build()))
                .isEqualTo("tid-9");
        assertThat(client.connect("tid-9", 300, "tag")).isEqualTo("cid-9");
    }

    @Test
    void describeTunnelConvertsTimesAndEnumStrings() {
        long rpoMs = 1_700_000_100_000L;
        service.ok(
                TunnelProtos.DescribeTunnelResponse.newBuilder()
                        .setTunnel(tunnelInfo())
                        .addChannels(
                                TunnelProtos.ChannelInfo.newBuilder()
                                        .setChannelId("BaseData_0")
                                        .setChannelType("BaseData")
                                        .setChannelStatus("OPEN")
                                        .setClientId("cid")
                                        .setChannelRpo(rpoMs * 1_000_000L + 999_999L)
                                        .setChannelCount(42))
                        .addChannels(
                                TunnelProtos.ChannelInfo.newBuilder()
                                        .setChannelId("shard-1")
                                        .setChannelType("Stream")
                                        .setChannelStatus("WAIT"))
                        .addChannels(TunnelProtos.ChannelInfo.newBuilder().setChannelId("shard-2"))
                        .setTunnelRpo(rpoMs * 1_000_000L)
                        .build());

        TunnelDescription d = client.describeTunnel("orders", "orders-tunnel");

        TunnelInfo t = d.tunnel();
        assertThat(t.tunnelId()).isEqualTo("tid-1");
        assertThat(t.tunnelName()).isEqualTo("orders-tunnel");
        assertThat(t.tableName()).isEqualTo("orders");
        assertThat(t.instanceName()).isEqualTo("inst");
        assertThat(t.type()).isEqualTo(TunnelType.BASE_AND_STREAM);
        assertThat(t.stage()).isEqualTo("ProcessBaseData");
        assertThat(t.streamId()).isEqualTo("stream-1");
        assertThat(t.expired()).isFalse();
        assertThat(t.createTimeMillis()).isEqualTo(CREATED_MS);
        assertThat(d.tunnelRpoMillis()).isEqualTo(rpoMs);

        assertThat(d.channels()).hasSize(3);
        ChannelInfo base = d.channels().get(0);
        assertThat(base.channelId()).isEqualTo("BaseData_0");
        assertThat(base.type()).isEqualTo(ChannelType.BASE_DATA);
        assertThat(base.status()).isEqualTo(ChannelStatus.OPEN);
        assertThat(base.clientId()).isEqualTo("cid");
        assertThat(base.consumePointMillis()).isEqualTo(rpoMs);
        assertThat(base.recordCount()).isEqualTo(42);
        ChannelInfo stream = d.channels().get(1);
        assertThat(stream.type()).isEqualTo(ChannelType.STREAM);
        assertThat(stream.status()).isEqualTo(ChannelStatus.WAIT);
        assertThat(stream.clientId()).isNull();
        ChannelInfo bare = d.channels().get(2);
        assertThat(bare.type()).isNull();
        assertThat(bare.status()).isNull();
        assertThat(bare.consumePointMillis()).isZero();
    }

    @Test
    void describeTunnelReportsTheStreamRangeTheTunnelWasCreatedWith() {
        service.ok(
                TunnelProtos.DescribeTunnelResponse.newBuilder()
                        .setTunnel(
                                tunnelInfo().toBuilder()
                                        .setStreamTunnelConfig(
                                                TunnelProtos.StreamTunnelConfig.newBuilder()
                                                        .setStartOffset(1_700_000_000_123_000_000L)
                                                        .setEndOffset(1_700_000_360_000_000_000L)))
                        .build());
        StreamRange range = client.describeTunnel("orders", "orders-tunnel").tunnel().streamRange();
        assertThat(range.startMillis()).isEqualTo(1_700_000_000_123L);
        assertThat(range.endMillis()).isEqualTo(1_700_000_360_000L);

        service.ok(
                TunnelProtos.DescribeTunnelResponse.newBuilder()
                        .setTunnel(
                                tunnelInfo().toBuilder()
                                        .setStreamTunnelConfig(
                                                TunnelProtos.StreamTunnelConfig.newBuilder()
                                                        .setFlag(
                                                                TunnelProtos.StartOffsetFlag
                                                                        .EARLIEST)))
                        .build());
        range = client.describeTunnel("orders", "orders-tunnel").tunnel().streamRange();
        assertThat(range.startFlag()).isEqualTo(CreateTunnelRequest.StreamStart.EARLIEST);
        assertThat(range.startMillis()).isZero();
        assertThat(range.endMillis()).isZero();

        service.ok(
                TunnelProtos.DescribeTunnelResponse.newBuilder().setTunnel(tunnelInfo()).build());
        assertThat(client.describeTunnel("orders", "orders-tunnel").tunnel().streamRange())
                .isNull();
    }

    @Test
    void describeTunnelReportsTheStreamRecordOptionsAndInvalidAsUnset() {
        TunnelProtos.StreamColumn all =
                TunnelProtos.StreamColumn.newBuilder()
                        .setType(TunnelProtos.StreamColumnType.ALL_COLUMNS)
                        .build();
        TunnelProtos.StreamColumn invalid =
                TunnelProtos.StreamColumn.newBuilder()
                        .setType(TunnelProtos.StreamColumnType.INVALID)
                        .build();
        service.ok(
                TunnelProtos.DescribeTunnelResponse.newBuilder()
                        .setTunnel(
                                tunnelInfo().toBuilder()
                                        .setStreamRecordOptions(
                                                TunnelProtos.StreamRecordOptions.newBuilder()
                                                        .setOldColumnsToGet(invalid)
                                                        .setNewColumnsToGet(all)))
                        .build());
        StreamRecordOptions options =
                client.describeTunnel("orders", "orders-tunnel").tunnel().streamRecordOptions();
        assertThat(options).isEqualTo(StreamRecordOptions.fullRowImages());
        assertThat(options.hasFullAfterImage()).isTrue();
        assertThat(options.hasFullBeforeImage()).isFalse();

        service.ok(
                TunnelProtos.DescribeTunnelResponse.newBuilder()
                        .setTunnel(
                                tunnelInfo().toBuilder()
                                        .setStreamRecordOptions(
                                                TunnelProtos.StreamRecordOptions.newBuilder()
                                                        .setOldColumnsToGet(invalid)
                                                        .setNewColumnsToGet(invalid)))
                        .build());
        assertThat(client.describeTunnel("orders", "orders-tunnel").tunnel().streamRecordOptions())
                .isNull();
    }

    @Test
    void listTunnelsDecodesEveryTunnel() {
        service.ok(
                TunnelProtos.ListTunnelResponse.newBuilder()
                        .addTunnels(tunnelInfo())
                        .addTunnels(
                                tunnelInfo().toBuilder()
                                        .setTunnelId("tid-2")
                                        .setTunnelType("Stream")
                                        .setStage("ProcessStream")
                                        .setExpired(true)
                                        .clearTunnelName())
                        .build());
        List<TunnelInfo> tunnels = client.listTunnels("orders");
        assertThat(tunnels).extracting(TunnelInfo::tunnelId).containsExactly("tid-1", "tid-2");
        assertThat(tunnels.get(1).type()).isEqualTo(TunnelType.STREAM);
        assertThat(tunnels.get(1).expired()).isTrue();
        assertThat(tunnels.get(1).tunnelName()).isNull();
    }

    @Test
    void unknownEnumStringIsABadResponseWithTheRequestId() {
        service.ok(
                TunnelProtos.ListTunnelResponse.newBuilder()
                        .addTunnels(tunnelInfo().toBuilder().setTunnelType("Mystery"))
                        .build());
        assertThatThrownBy(() -> client.listTunnels("orders"))
                .isInstanceOfSatisfying(
                        TablestoreException.class,
                        e -> {
                            assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_BAD_RESPONSE);
                            assertThat(e.requestId()).isEqualTo("req-1");
                            assertThat(e.httpStatus()).isEqualTo(200);
                            assertThat(e.isRetryable()).isFalse();
                        })
                .hasMessageContaining("Mystery");
    }

    @Test
    void heartbeatReturnsTheServersChannelView() {
        service.ok(
                TunnelProtos.HeartbeatResponse.newBuilder()
                        .addChannels(
                                TunnelProtos.Channel.newBuilder()
                                        .setChannelId("a")
                                        .setVersion(3)
                                        .setStatus(TunnelProtos.ChannelStatus.OPEN))
                        .addChannels(
                                TunnelProtos.Channel.newBuilder()
                                        .setChannelId("b")
                                        .setVersion(9)
                                        .setStatus(TunnelProtos.ChannelStatus.CLOSING))
                        .build());
        assertThat(client.heartbeat("tid", "cid", List.of()))
                .containsExactly(
                        new ChannelState("a", 3, ChannelStatus.OPEN),
                        new ChannelState("b", 9, ChannelStatus.CLOSING));
    }

    @Test
    void getCheckpointAndShutdownAndCheckpoint() {
        service.ok(
                TunnelProtos.GetCheckpointResponse.newBuilder()
                        .setCheckpoint("finished")
                        .setSequenceNumber(12)
                        .build());
        service.ok(TunnelProtos.CheckpointResponse.getDefaultInstance());
        service.ok(TunnelProtos.ShutdownResponse.getDefaultInstance());
        ChannelCheckpoint cp = client.getCheckpoint("tid", "cid", "ch");
        assertThat(cp).isEqualTo(new ChannelCheckpoint("finished", 12));
        assertThat(cp.isFinished()).isTrue();
        client.checkpoint("tid", "cid", "ch", "tok", 13);
        client.shutdown("tid", "cid");
        assertThat(service.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void readRecordsDecodesRecordsAsReadOnlyViews() {
        byte[] row1 = {0x75, 0, 0, 0, 1, 2, 3};
        byte[] row2 = {0x75, 0, 0, 0, 9};
        byte[] origin2 = {0x75, 0, 0, 0, 8, 8};
        TunnelProtos.ReadRecordsResponse response =
                TunnelProtos.ReadRecordsResponse.newBuilder()
                        .addRecords(
                                TunnelProtos.Record.newBuilder()
                                        .setActionType(TunnelProtos.ActionType.PUT_ROW)
                                        .setRecord(ByteString.copyFrom(row1)))
                        .addRecords(
                                TunnelProtos.Record.newBuilder()
                                        .setActionType(TunnelProtos.ActionType.UPDATE_ROW)
                                        .setRecord(ByteString.copyFrom(row2))
                                        .setOriginRecord(ByteString.copyFrom(origin2)))
                        .addRecords(
                                TunnelProtos.Record.newBuilder()
                                        .setActionType(TunnelProtos.ActionType.DELETE_ROW)
                                        .setRecord(ByteString.copyFrom(row2)))
                        .setNextToken("next-token")
                        .setMayMoreRecord(true)
                        .build();
        service.ok(response);
        service.ok(TunnelProtos.ReadRecordsResponse.newBuilder().setNextToken("finished").build());

        ReadRecordsResult<RawRecord> result = client.readRecords("tid", "cid", "ch", "tok");
        assertThat(result.nextToken()).isEqualTo("next-token");
        assertThat(result.isFinished()).isFalse();
        assertThat(result.mayMoreRecord()).isTrue();
        assertThat(result.responseBytes()).isEqualTo(response.getSerializedSize());
        assertThat(result.records())
                .extracting(RawRecord::action)
                .containsExactly(
                        RecordAction.PUT_ROW, RecordAction.UPDATE_ROW, RecordAction.DELETE_ROW);
        RawRecord first = result.records().get(0);
        assertThat(first.record().isReadOnly()).isTrue();
        assertThat(bytes(first.record())).isEqualTo(row1);
        assertThat(first.originRecord()).isNull();
        assertThat(bytes(result.records().get(1).originRecord())).isEqualTo(origin2);
        assertThat(result.records().get(1).encodedSize()).isEqualTo(row2.length + origin2.length);

        ReadRecordsResult<RawRecord> last = client.readRecords("tid", "cid", "ch", "next-token");
        assertThat(last.isFinished()).isTrue();
        assertThat(last.records()).isEmpty();
        assertThat(last.mayMoreRecord()).isNull();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void describeTableDecodesKeysColumnsAndStream() {
        service.ok(describeTableResponse());
        TableDescription t = client.describeTable("orders");
        assertThat(t.tableName()).isEqualTo("orders");
        assertThat(t.primaryKey())
                .extracting(TableDescription.PrimaryKeyColumnSchema::name)
                .containsExactly("region", "id", "blob");
        assertThat(t.primaryKey())
                .extracting(TableDescription.PrimaryKeyColumnSchema::type)
                .containsExactly(
                        PrimaryKeyType.STRING, PrimaryKeyType.INTEGER, PrimaryKeyType.BINARY);
        assertThat(t.primaryKey())
                .extracting(TableDescription.PrimaryKeyColumnSchema::autoIncrement)
                .containsExactly(false, true, false);
        assertThat(t.definedColumns())
                .extracting(TableDescription.DefinedColumnSchema::type)
                .containsExactly(
                        DefinedColumnType.INTEGER,
                        DefinedColumnType.DOUBLE,
                        DefinedColumnType.BOOLEAN,
                        DefinedColumnType.STRING,
                        DefinedColumnType.BINARY);
        assertThat(t.streamEnabled()).isTrue();
        assertThat(t.streamId()).isEqualTo("stream-1");
        assertThat(t.streamExpirationHours()).isEqualTo(168);
        assertThat(t.streamOriginColumns()).containsExactly("s", "d");
    }

    @Test
    void describeTableWithoutStream() {
        service.ok(
                describeTableResponse().toBuilder()
                        .setStreamDetails(
                                TableProtos.StreamDetails.newBuilder().setEnableStream(false))
                        .build());
        service.ok(describeTableResponse().toBuilder().clearStreamDetails().build());
        for (int i = 0; i < 2; i++) {
            TableDescription t = client.describeTable("orders");
            assertThat(t.streamEnabled()).isFalse();
            assertThat(t.streamId()).isNull();
            assertThat(t.streamOriginColumns()).isEmpty();
        }
    }

    @Test
    void describeStreamShardsFollowsEveryPage() throws Exception {
        TableProtos.DescribeStreamResponse.Builder page =
                TableProtos.DescribeStreamResponse.newBuilder()
                        .setStreamId("s")
                        .setExpirationTime(24)
                        .setTableName("t")
                        .setCreationTime(1)
                        .setStreamStatus(TableProtos.StreamStatus.STREAM_ACTIVE);
        service.ok(
                page.clone()
                        .addShards(TableProtos.StreamShard.newBuilder().setShardId("a"))
                        .addShards(TableProtos.StreamShard.newBuilder().setShardId("b"))
                        .setNextShardId("c")
                        .build());
        service.ok(
                page.clone()
                        .addShards(
                                TableProtos.StreamShard.newBuilder()
                                        .setShardId("c")
                                        .setParentId("a"))
                        .addShards(
                                TableProtos.StreamShard.newBuilder()
                                        .setShardId("d")
                                        .setParentId("a"))
                        .setNextShardId("e")
                        .build());
        service.ok(
                page.clone()
                        .addShards(
                                TableProtos.StreamShard.newBuilder()
                                        .setShardId("e")
                                        .setParentId("b")
                                        .setParentSiblingId("d"))
                        .build());

        List<StreamShard> shards = client.describeStreamShards("s");

        assertThat(shards)
                .containsExactly(
                        new StreamShard("a", null, null),
                        new StreamShard("b", null, null),
                        new StreamShard("c", "a", null),
                        new StreamShard("d", "a", null),
                        new StreamShard("e", "b", "d"));
        assertThat(shards.get(4).parents()).containsExactly("b", "d");
        assertThat(startOf(service.take())).isNull();
        assertThat(startOf(service.take())).isEqualTo("c");
        assertThat(startOf(service.take())).isEqualTo("e");
    }

    private static String startOf(mockwebserver3.RecordedRequest r) throws Exception {
        TableProtos.DescribeStreamRequest req =
                TableProtos.DescribeStreamRequest.parseFrom(MockService.body(r));
        assertThat(req.getStreamId()).isEqualTo("s");
        return req.hasInclusiveStartShardId() ? req.getInclusiveStartShardId() : null;
    }

    @Test
    void describeStreamPagingThatLoopsIsABadResponse() {
        TableProtos.DescribeStreamResponse looping =
                TableProtos.DescribeStreamResponse.newBuilder()
                        .setStreamId("s")
                        .setExpirationTime(24)
                        .setTableName("t")
                        .setCreationTime(1)
                        .setStreamStatus(TableProtos.StreamStatus.STREAM_ACTIVE)
                        .addShards(TableProtos.StreamShard.newBuilder().setShardId("a"))
                        .setNextShardId("a")
                        .build();
        service.ok(looping);
        service.ok(looping);
        assertThatThrownBy(() -> client.describeStreamShards("s"))
                .isInstanceOfSatisfying(
                        TablestoreException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_BAD_RESPONSE))
                .hasMessageContaining("shard a");
    }

    @Test
    void invalidArgumentsAreNamedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.describeTunnel("", "n")).hasMessageContaining("tableName");
        assertThatThrownBy(() -> client.readRecords("t", "c", "ch", null))
                .hasMessageContaining("token");
        assertThatThrownBy(() -> client.connect("t", 0, null))
                .hasMessageContaining("heartbeatTimeoutSeconds");
        assertThatThrownBy(
                        () ->
                                client.heartbeat(
                                        "t",
                                        "c",
                                        List.of(new ChannelState("x", 1, ChannelStatus.WAIT))))
                .hasMessageContaining("x")
                .hasMessageContaining("WAIT");
        assertThatThrownBy(() -> client.describeStreamShards(null))
                .hasMessageContaining("streamId");
        assertThat(service.server.getRequestCount()).isZero();
    }

    @Test
    void closedClientRefusesCalls() {
        client.close();
        assertThatThrownBy(() -> client.listTunnels("t")).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] record(long id, String v, String w) {
        return PlainBufferEncoder.encodeRecord(
                new TunnelRecord(
                        RecordAction.PUT_ROW,
                        PrimaryKey.of(new PrimaryKeyColumn("id", ColumnValue.ofLong(id))),
                        List.of(
                                Cell.put("v", ColumnValue.ofString(v), 1L),
                                Cell.put("w", ColumnValue.ofString(w), 1L)),
                        null,
                        List.of()));
    }

    private static TunnelProtos.ReadRecordsResponse answer(byte[]... records) {
        TunnelProtos.ReadRecordsResponse.Builder b = TunnelProtos.ReadRecordsResponse.newBuilder();
        for (byte[] r : records) {
            b.addRecords(
                    TunnelProtos.Record.newBuilder()
                            .setActionType(TunnelProtos.ActionType.PUT_ROW)
                            .setRecord(ByteString.copyFrom(r)));
        }
        return b.setNextToken("next-token").build();
    }

    @Test
    void readBatchDecodesTheRecordsWithTheColumnsAsked() {
        service.ok(answer(record(1, "a", "x"), record(2, "b", "y")));
        ReadRecordsResult<TunnelRecord> batch =
                client.readBatch("tid", "cid", "ch", "tok", ColumnFilter.of("w"));
        assertThat(batch.nextToken()).isEqualTo("next-token");
        assertThat(batch.records()).hasSize(2);
        assertThat(batch.records().get(1).primaryKey().get(0).value().asLong()).isEqualTo(2);
        assertThat(batch.records().get(1).columns()).extracting(Cell::name).containsExactly("w");
    }

    @Test
    void aRecordThatCannotBeDecodedFailsTheReadNamingChannelTokenRecordAndOffset() {
        byte[] corrupt = record(2, "b", "y");
        corrupt[corrupt.length - 3] ^= 0x5a; // inside the last cell: its checksum no longer fits
        service.ok(answer(record(1, "a", "x"), corrupt));
        assertThatThrownBy(() -> client.readBatch("tid", "cid", "ch", "tok", ColumnFilter.all()))
                .isInstanceOfSatisfying(
                        TablestoreException.class,
                        e -> {
                            assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_CORRUPT_RECORD);
                            assertThat(e.isRetryable()).isFalse();
                        })
                .hasMessageContaining("Record 1 of the batch")
                .hasMessageContaining("channel ch")
                .hasMessageContaining("token tok")
                .hasMessageMatching("(?s).*at byte \\d+.*");
        assertThat(service.server.getRequestCount()).isEqualTo(1); // not retried
    }
}

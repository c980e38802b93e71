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

package io.github.tablestore.flink.tunnel.emulator.ownclient;

import io.github.tablestore.flink.tunnel.client.ErrorCodes;
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.TunnelClientConfig;
import io.github.tablestore.flink.tunnel.client.TunnelClients;
import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.ChannelInfo;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.model.StreamShard;
import io.github.tablestore.flink.tunnel.client.model.TableDescription;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.model.TunnelDescription;
import io.github.tablestore.flink.tunnel.client.model.TunnelInfo;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferDecoder;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.emulator.PartitionInfo;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultSpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** This project's own TunnelClient (OkHttp) against the emulator: every API, errors, signatures. */
class OwnClientTest {
    private static TablestoreEmulator emulator;
    private static TunnelClient client;
    private final PlainBufferDecoder decoder = new PlainBufferDecoder();

    @BeforeAll
    static void start() {
        emulator =
                TablestoreEmulator.builder()
                        .addStsCredentials("STS.temporary", "sts-secret", "sts-token")
                        .start();
        client = TunnelClients.create(config().build());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    private static TunnelClientConfig.Builder config() {
        return emulator.clientConfig();
    }

    private static PrimaryKey key(String pk) {
        return PrimaryKey.of(new PrimaryKeyColumn("pk", ColumnValue.ofString(pk)));
    }

    private static void createTable(String name, int partitions) {
        emulator.createTable(
                TableSpec.builder(name)
                        .primaryKey("pk", PrimaryKeyType.STRING)
                        .partitions(partitions)
                        .stream(24, List.of("v"))
                        .build());
    }

    private List<TunnelRecord> decode(ReadRecordsResult<RawRecord> result) {
        List<TunnelRecord> out = new ArrayList<>();
        for (RawRecord r : result.records()) {
            out.add(decoder.decodeRecord(r));
        }
        return out;
    }

    /** Reads from the channel's checkpoint until the channel has no more records right now. */
    private List<TunnelRecord> drain(
            String tunnelId, String clientId, String channelId, String[] lastToken) {
        String token = client.getCheckpoint(tunnelId, clientId, channelId).token();
        List<TunnelRecord> records = new ArrayList<>();
        while (true) {
            ReadRecordsResult<RawRecord> r =
                    client.readRecords(tunnelId, clientId, channelId, token);
            records.addAll(decode(r));
            token = r.nextToken();
            if (!Boolean.TRUE.equals(r.mayMoreRecord())) {
                break;
            }
        }
        lastToken[0] = token;
        return records;
    }

    @Test
    void consumesABaseAndStreamTunnelThroughEveryApi() {
        createTable("own", 2);
        TableDescription table = client.describeTable("own");
        assertThat(table.primaryKey())
                .extracting(TableDescription.PrimaryKeyColumnSchema::name)
                .containsExactly("pk");
        assertThat(table.streamEnabled()).isTrue();
        assertThat(table.streamOriginColumns()).containsExactly("v");
        for (int i = 0; i < 10; i++) {
            emulator.putRow(
                    "own", Row.of(key("k" + i), List.of(Cell.put("v", ColumnValue.ofLong(i)))));
        }

        String tunnelId =
                client.createTunnel(
                        CreateTunnelRequest.builder("own", "t", TunnelType.BASE_AND_STREAM)
                                .build());
        assertThat(client.listTunnels("own"))
                .singleElement()
                .satisfies(t -> assertThat(t.tunnelId()).isEqualTo(tunnelId));
        TunnelDescription described = client.describeTunnel("own", "t");
        assertThat(described.channels()).hasSize(4);
        assertThat(described.channels())
                .extracting(ChannelInfo::type)
                .containsExactlyInAnyOrder(
                        ChannelType.BASE_DATA,
                        ChannelType.BASE_DATA,
                        ChannelType.STREAM,
                        ChannelType.STREAM);

        String clientId = client.connect(tunnelId, 60, "own-client");
        List<ChannelState> held = client.heartbeat(tunnelId, clientId, List.of());
        assertThat(held)
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.channelId()).startsWith("BaseData_"));
        List<String> baseKeys = new ArrayList<>();
        List<ChannelState> reports = new ArrayList<>();
        String[] last = new String[1];
        for (ChannelState c : held) {
            ChannelCheckpoint cp = client.getCheckpoint(tunnelId, clientId, c.channelId());
            for (TunnelRecord r : drain(tunnelId, clientId, c.channelId(), last)) {
                assertThat(r.action()).isEqualTo(RecordAction.PUT_ROW);
                assertThat(r.isBaseData()).isTrue();
                baseKeys.add(r.primaryKey().get(0).value().asString());
            }
            assertThat(last[0]).isEqualTo(ChannelCheckpoint.FINISHED_TOKEN);
            client.checkpoint(tunnelId, clientId, c.channelId(), last[0], cp.sequenceNumber() + 1);
            reports.add(c.reportAs(ChannelStatus.TERMINATED));
        }
        assertThat(baseKeys).hasSize(10);

        held = client.heartbeat(tunnelId, clientId, reports);
        assertThat(held).hasSize(2).allSatisfy(c -> assertThat(c.channelId()).startsWith("shard-"));
        emulator.updateRow(
                "own", Row.of(key("k1"), List.of(Cell.put("v", ColumnValue.ofLong(100)))));
        emulator.deleteRow("own", key("k2"));
        List<TunnelRecord> changes = new ArrayList<>();
        for (ChannelState c : held) {
            List<TunnelRecord> got = drain(tunnelId, clientId, c.channelId(), last);
            changes.addAll(got);
            if (!got.isEmpty()) {
                long seq = client.getCheckpoint(tunnelId, clientId, c.channelId()).sequenceNumber();
                client.checkpoint(tunnelId, clientId, c.channelId(), last[0], seq + 1);
                assertThatThrownBy(
                                () ->
                                        client.checkpoint(
                                                tunnelId,
                                                clientId,
                                                c.channelId(),
                                                last[0],
                                                seq + 1))
                        .isInstanceOfSatisfying(
                                TablestoreException.class,
                                e ->
                                        assertThat(e.errorCode())
                                                .isEqualTo(ErrorCodes.SEQUENCE_NUMBER_NOT_MATCH));
            }
        }
        assertThat(changes)
                .extracting(TunnelRecord::action)
                .containsExactlyInAnyOrder(RecordAction.UPDATE_ROW, RecordAction.DELETE_ROW);
        TunnelRecord update =
                changes.stream()
                        .filter(r -> r.action() == RecordAction.UPDATE_ROW)
                        .findFirst()
                        .get();
        assertThat(update.column("v").value().asLong()).isEqualTo(100);
        assertThat(update.originColumns())
                .singleElement()
                .satisfies(c -> assertThat(c.value().asLong()).isEqualTo(1));
        assertThat(update.sequenceInfo().timestamp()).isPositive();

        client.shutdown(tunnelId, clientId);
        assertThatThrownBy(() -> client.heartbeat(tunnelId, clientId, List.of()))
                .isInstanceOfSatisfying(
                        TablestoreException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.RESOURCE_GONE));
        client.deleteTunnel("own", "t");
        assertThatThrownBy(() -> client.describeTunnel("own", "t"))
                .isInstanceOfSatisfying(
                        TablestoreException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.PARAMETER_INVALID));
    }

    @Test
    void describesStreamShardsWithTheirParents() {
        createTable("shards", 1);
        List<PartitionInfo> children =
                emulator.splitPartition("shards", "shard-0", ColumnValue.ofString("m"));
        PartitionInfo merged =
                emulator.mergePartitions("shards", children.get(0).id(), children.get(1).id());
        String streamId = client.describeTable("shards").streamId();
        List<StreamShard> shards = client.describeStreamShards(streamId);
        assertThat(shards)
                .containsExactly(
                        new StreamShard("shard-0", null, null),
                        new StreamShard(children.get(0).id(), "shard-0", null),
                        new StreamShard(children.get(1).id(), "shard-0", null),
                        new StreamShard(merged.id(), children.get(0).id(), children.get(1).id()));
    }

    @Test
    void worksWithV4SignaturesStsCredentialsAndCompressedResponses() {
        createTable("variants", 1);
        try (TunnelClient v4 = TunnelClients.create(config().signatureV4("cn-hangzhou").build());
                TunnelClient sts =
                        TunnelClients.create(
                                config().credentialsProvider(
                                                CredentialsProvider.of(
                                                        "STS.temporary", "sts-secret", "sts-token"))
                                        .build());
                TunnelClient compressed =
                        TunnelClients.create(config().responseCompression(true).build());
                TunnelClient requestCompressed =
                        TunnelClients.create(
                                config().signatureV4("cn-hangzhou")
                                        .requestCompression(true)
                                        .build())) {
            assertThat(v4.describeTable("variants").tableName()).isEqualTo("variants");
            assertThat(sts.describeTable("variants").tableName()).isEqualTo("variants");
            assertThat(compressed.describeTable("variants").tableName()).isEqualTo("variants");
            // The emulator inflates the body after checking MD5 and signature over what was sent.
            assertThat(requestCompressed.describeTable("variants").tableName())
                    .isEqualTo("variants");
            String id =
                    requestCompressed.createTunnel(
                            CreateTunnelRequest.builder("variants", "compressed", TunnelType.STREAM)
                                    .streamStart(CreateTunnelRequest.StreamStart.EARLIEST)
                                    .streamEndMillis(4_000_000_000_000L)
                                    .build());
            TunnelInfo info = requestCompressed.describeTunnel("variants", "compressed").tunnel();
            assertThat(info.tunnelId()).isEqualTo(id);
            assertThat(info.streamRange().startFlag())
                    .isEqualTo(CreateTunnelRequest.StreamStart.EARLIEST);
            assertThat(info.streamRange().endMillis()).isEqualTo(4_000_000_000_000L);
        }
        try (TunnelClient badToken =
                TunnelClients.create(
                        config().credentialsProvider(
                                        CredentialsProvider.of(
                                                "STS.temporary", "sts-secret", "forged"))
                                .build())) {
            assertThatThrownBy(() -> badToken.describeTable("variants"))
                    .isInstanceOfSatisfying(
                            TablestoreException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.AUTH_FAILED));
        }
    }

    @Test
    void retriesInjectedTransientFaultsOfIdempotentCallsOnly() {
        createTable("faulty", 1);
        String tunnelId =
                client.createTunnel(
                        CreateTunnelRequest.builder("faulty", "t", TunnelType.STREAM).build());
        String clientId = client.connect(tunnelId, 60, "c");
        client.heartbeat(tunnelId, clientId, List.of());
        String token = client.getCheckpoint(tunnelId, clientId, "shard-0").token();

        String unavailable =
                emulator.faults()
                        .add(FaultSpec.on("ReadRecords").tunnelServerUnavailable().times(2));
        emulator.faults().add(FaultSpec.on("ListTunnel").dropConnection().times(1));
        assertThat(client.readRecords(tunnelId, clientId, "shard-0", token).records()).isEmpty();
        assertThat(client.listTunnels("faulty")).hasSize(1);
        assertThat(emulator.faults().rules()).extracting(r -> r.id()).doesNotContain(unavailable);

        emulator.faults().add(FaultSpec.on("Heartbeat").serverBusy().times(1));
        assertThatThrownBy(() -> client.heartbeat(tunnelId, clientId, List.of()))
                .isInstanceOfSatisfying(
                        TablestoreException.class,
                        e -> {
                            assertThat(e.errorCode()).isEqualTo(ErrorCodes.SERVER_BUSY);
                            assertThat(e.httpStatus()).isEqualTo(503);
                        });
        emulator.faults().add(FaultSpec.on("Heartbeat").tunnelExpired().times(1));
        assertThatThrownBy(() -> client.heartbeat(tunnelId, clientId, List.of()))
                .isInstanceOfSatisfying(
                        TablestoreException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.TUNNEL_EXPIRED));
        assertThat(client.heartbeat(tunnelId, clientId, List.of())).hasSize(1);
        assertThat(emulator.faults().rules()).isEmpty();
    }
}

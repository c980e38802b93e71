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

package io.github.tablestore.flink.tunnel.emulator;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferDecoder;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulator's Java API: tables, pinned partitions, the clock and leases, lifecycle. */
class TablestoreEmulatorTest {
    private TablestoreEmulator emulator;
    private TunnelClient client;

    @BeforeEach
    void start() {
        emulator =
                TablestoreEmulator.builder()
                        .partitions(2)
                        .sweepInterval(Duration.ofMillis(50))
                        .start();
        client = emulator.client();
        emulator.createTable(
                TableSpec.builder("t").primaryKey("pk", PrimaryKeyType.STRING).build());
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private static PrimaryKey key(String pk) {
        return PrimaryKey.of(new PrimaryKeyColumn("pk", ColumnValue.ofString(pk)));
    }

    @Test
    void aNewPinnedPartitionIsAChannelThatReceivesAddressedChangesLater() {
        String tunnelId =
                client.createTunnel(
                        CreateTunnelRequest.builder("t", "tn", TunnelType.STREAM).build());
        String clientId = client.connect(tunnelId, 60, "c");
        assertThat(client.heartbeat(tunnelId, clientId, List.of())).hasSize(2);

        PartitionInfo split = emulator.addPartition("t");
        assertThat(split.pinned()).isTrue();
        assertThat(split.parents()).isEmpty();
        List<ChannelState> held = client.heartbeat(tunnelId, clientId, List.of());
        assertThat(held).extracting(ChannelState::channelId).contains(split.id());

        emulator.writeToPartition(
                "t",
                split.id(),
                List.of(Row.of(key("a"), List.of(Cell.put("v", ColumnValue.ofLong(1))))));
        emulator.writeToPartition(
                "t",
                split.id(),
                RecordAction.UPDATE_ROW,
                Row.of(key("a"), List.of(Cell.put("v", ColumnValue.ofLong(2)))));
        emulator.writeToPartition(
                "t", split.id(), RecordAction.DELETE_ROW, Row.of(key("a"), List.of()));
        String token = client.getCheckpoint(tunnelId, clientId, split.id()).token();
        ReadRecordsResult<RawRecord> r = client.readRecords(tunnelId, clientId, split.id(), token);
        List<RecordAction> actions = new ArrayList<>();
        PlainBufferDecoder decoder = new PlainBufferDecoder();
        for (RawRecord raw : r.records()) {
            TunnelRecord rec = decoder.decodeRecord(raw);
            actions.add(rec.action());
            assertThat(rec.primaryKey()).isEqualTo(key("a"));
        }
        assertThat(actions)
                .containsExactly(
                        RecordAction.PUT_ROW, RecordAction.UPDATE_ROW, RecordAction.DELETE_ROW);
        assertThat(emulator.rowCount("t")).isZero();
        assertThatThrownBy(
                        () ->
                                emulator.writeToPartition(
                                        "t", "shard-0", List.of(Row.of(key("b"), List.of()))))
                .hasMessageContaining("not pinned");
    }

    @Test
    void advancingTheClockLapsesLeasesAndTheSweeperReleasesTheChannels() {
        String tunnelId =
                client.createTunnel(
                        CreateTunnelRequest.builder("t", "tn", TunnelType.STREAM).build());
        String clientId = client.connect(tunnelId, 60, "c");
        client.heartbeat(tunnelId, clientId, List.of());
        emulator.advanceClock(Duration.ofSeconds(61));
        assertThat(emulator.tunnel(tunnelId).clients()).isEmpty();
        assertThat(emulator.tunnel(tunnelId).channels())
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(ChannelStatus.WAIT));
    }

    @Test
    void splitsHashPartitionsAndWritesWithoutAClient() {
        emulator.createTable(
                TableSpec.builder("h")
                        .primaryKey("pk", PrimaryKeyType.STRING)
                        .partitions(2)
                        .build());
        List<PartitionInfo> children = emulator.splitPartitionAtHash("h", "shard-0", 1000);
        assertThat(children)
                .extracting(PartitionInfo::span)
                .containsExactly("hash[0, 1000)", "hash[1000, 2147483648)");
        emulator.putRow("h", Row.of(key("x"), List.of()));
        emulator.updateRow(
                "h", Row.of(key("y"), List.of(Cell.put("v", ColumnValue.ofBoolean(true)))));
        assertThat(emulator.rowCount("h")).isEqualTo(2);
        emulator.deleteRow("h", key("x"));
        assertThat(emulator.rowCount("h")).isEqualTo(1);
        assertThat(emulator.tableNames()).containsExactly("h", "t");
        assertThatThrownBy(() -> emulator.partitions("missing"))
                .hasMessageContaining("no table missing");
    }

    @Test
    void stopsIdempotentlyAndFreesThePort() throws Exception {
        int port = emulator.port();
        emulator.stop();
        emulator.stop();
        assertThat(emulator.isRunning()).isFalse();
        try (ServerSocket reuse = new ServerSocket(port)) {
            assertThat(reuse.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aRevokedAccessKeyIsRefusedUntilRestored() {
        client.listTunnels("t");
        emulator.revokeAccessKey(emulator.accessKeyId());
        assertThatThrownBy(() -> client.listTunnels("t"))
                .isInstanceOfSatisfying(
                        io.github.tablestore.flink.tunnel.client.TablestoreException.class,
                        e -> {
                            assertThat(e.errorCode()).isEqualTo("OTSAuthFailed");
                            assertThat(e.httpStatus()).isEqualTo(403);
                        });
        emulator.restoreAccessKey(emulator.accessKeyId());
        assertThat(client.listTunnels("t")).isEmpty();
    }

    @Test
    void aTokenTellsHowManyRecordsOfItsChannelComeBeforeIt() {
        PartitionInfo p = emulator.addPartition("t");
        String tunnelId =
                client.createTunnel(
                        CreateTunnelRequest.builder("t", "tn", TunnelType.STREAM).build());
        String clientId = client.connect(tunnelId, 60, "c");
        client.heartbeat(tunnelId, clientId, List.of());
        for (int i = 0; i < 3; i++) {
            emulator.writeToPartition(
                    "t",
                    p.id(),
                    List.of(Row.of(key("k" + i), List.of(Cell.put("v", ColumnValue.ofLong(i))))));
        }
        String start = client.getCheckpoint(tunnelId, clientId, p.id()).token();
        assertThat(emulator.recordsBefore(start)).isZero();
        assertThat(
                        emulator.recordsBefore(
                                client.readRecords(tunnelId, clientId, p.id(), start).nextToken()))
                .isEqualTo(3);
        assertThatThrownBy(() -> emulator.recordsBefore("finished"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.recordsBefore("garbage"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

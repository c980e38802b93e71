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

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.model.StreamRecordOptions;
import io.github.tablestore.flink.tunnel.client.model.StreamRecordOptions.Columns;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.model.TunnelInfo;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferDecoder;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.testing.RawHttp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stream record options (our model of the service, see docs/emulator.md) seen through this
 * project's TunnelClient: what DescribeTunnel and ListTunnel report, and the before- and
 * after-images of a PutRow, a partial UpdateRow and a DeleteRow.
 */
class StreamRecordOptionsTest {
    private static final String TABLE = "images";
    private static TablestoreEmulator emulator;
    private static TunnelClient client;
    private final PlainBufferDecoder decoder = new PlainBufferDecoder();

    @BeforeAll
    static void start() {
        emulator = TablestoreEmulator.start();
        client = emulator.client();
        createTable(TABLE);
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    private static PrimaryKey key(String pk) {
        return PrimaryKey.of(new PrimaryKeyColumn("pk", ColumnValue.ofString(pk)));
    }

    private static String create(String name, StreamRecordOptions options) {
        return create(name, TunnelType.STREAM, options);
    }

    private static String create(String name, TunnelType type, StreamRecordOptions options) {
        return client.createTunnel(
                CreateTunnelRequest.builder(TABLE, name, type)
                        .streamStart(CreateTunnelRequest.StreamStart.EARLIEST)
                        .streamRecordOptions(options)
                        .build());
    }

    /** Every record of the tunnel's one stream channel from its start, in log order. */
    private List<RawRecord> readAll(String tunnelId) {
        String clientId = client.connect(tunnelId, 60, "images");
        try {
            client.heartbeat(tunnelId, clientId, List.of());
            String token = client.getCheckpoint(tunnelId, clientId, "shard-0").token();
            List<RawRecord> records = new ArrayList<>();
            while (true) {
                ReadRecordsResult<RawRecord> r =
                        client.readRecords(tunnelId, clientId, "shard-0", token);
                records.addAll(r.records());
                token = r.nextToken();
                if (!Boolean.TRUE.equals(r.mayMoreRecord())) {
                    return records;
                }
            }
        } finally {
            client.shutdown(tunnelId, clientId);
        }
    }

    /**
     * Decoded records with the after-image of every record: our decoder skips a PUT's (its cells
     * are the whole row), but what the emulator sends for a PUT is checked here too.
     */
    private List<TunnelRecord> decode(List<RawRecord> raw) {
        List<TunnelRecord> out = new ArrayList<>();
        for (RawRecord r : raw) {
            TunnelRecord t = decoder.decodeRecord(r);
            if (r.action() == RecordAction.PUT_ROW && r.latestRecord() != null) {
                List<Cell> latest =
                        decoder.decodeRecord(
                                        new RawRecord(
                                                RecordAction.UPDATE_ROW,
                                                r.record(),
                                                r.originRecord(),
                                                r.latestRecord()))
                                .latestColumns();
                t =
                        new TunnelRecord(
                                t.action(),
                                t.primaryKey(),
                                t.columns(),
                                t.sequenceInfo(),
                                t.originColumns(),
                                latest);
            }
            out.add(t);
        }
        return out;
    }

    /** Column name to value, in image order; {@code null} for no image. */
    private static Map<String, Long> values(List<Cell> cells) {
        if (cells == null) {
            return null;
        }
        Map<String, Long> m = new LinkedHashMap<>();
        for (Cell c : cells) {
            assertThat(c.hasTimestamp()).as("cell %s has its timestamp", c).isTrue();
            m.put(c.name(), c.value().asLong());
        }
        return m;
    }

    private static Map<String, Long> map(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        }
        return m;
    }

    private static List<Map<String, Long>> latest(List<TunnelRecord> records) {
        List<Map<String, Long>> out = new ArrayList<>();
        for (TunnelRecord r : records) {
            out.add(values(r.latestColumns()));
        }
        return out;
    }

    private static List<Map<String, Long>> origin(List<TunnelRecord> records) {
        List<Map<String, Long>> out = new ArrayList<>();
        for (TunnelRecord r : records) {
            out.add(values(r.originColumns()));
        }
        return out;
    }

    /**
     * One test for the whole story: the images depend on the log, so the tunnels created before
     * the writes and those created after (EARLIEST) must agree.
     */
    @Test
    void stampsBeforeAndAfterImagesOnEveryChange() {
        StreamRecordOptions specified =
                new StreamRecordOptions(
                        Columns.specified(List.of("c")), Columns.specified(List.of("c", "b")));
        StreamRecordOptions input = new StreamRecordOptions(Columns.input(), Columns.input());
        String plainEarly = create("plain-early", null);
        String fullEarly = create("full-early", StreamRecordOptions.fullRowImagesWithBefore());

        emulator.putRow(
                TABLE,
                Row.of(
                        key("k1"),
                        List.of(
                                Cell.put("a", ColumnValue.ofLong(1)),
                                Cell.put("b", ColumnValue.ofLong(2)),
                                Cell.put("c", ColumnValue.ofLong(3)))));
        emulator.updateRow(
                TABLE,
                Row.of(
                        key("k1"),
                        List.of(
                                Cell.put("a", ColumnValue.ofLong(10)),
                                Cell.deleteAllVersions("c"))));
        emulator.deleteRow(TABLE, key("k1"));

        String plainLate = create("plain-late", null);
        String fullLate = create("full-late", StreamRecordOptions.fullRowImagesWithBefore());
        String afterOnly = create("after-only", StreamRecordOptions.fullRowImages());
        String named = create("specified", specified);
        String inputs = create("input", input);

        List<TunnelRecord> full = decode(readAll(fullLate));
        assertThat(full)
                .extracting(TunnelRecord::action)
                .containsExactly(
                        RecordAction.PUT_ROW, RecordAction.UPDATE_ROW, RecordAction.DELETE_ROW);
        assertThat(latest(full))
                .containsExactly(map("a", 1, "b", 2, "c", 3), map("a", 10, "b", 2), null);
        assertThat(origin(full))
                .containsExactly(map(), map("a", 1, "b", 2, "c", 3), map("a", 10, "b", 2));
        // The image cells are the row's newest versions, timestamps included.
        assertThat(full.get(1).latestColumns().get(0)).isEqualTo(full.get(1).column("a"));
        assertThat(full.get(1).latestColumns().get(1)).isEqualTo(full.get(0).column("b"));
        assertThat(decode(readAll(fullEarly))).isEqualTo(full);

        List<TunnelRecord> after = decode(readAll(afterOnly));
        assertThat(latest(after)).isEqualTo(latest(full));
        // No before-image set: the table stream's origin columns, as without options.
        assertThat(origin(after)).containsExactly(map(), map("a", 1), map("a", 10));

        List<TunnelRecord> bySpec = decode(readAll(named));
        assertThat(latest(bySpec)).containsExactly(map("b", 2, "c", 3), map("b", 2), null);
        assertThat(origin(bySpec)).containsExactly(map(), map("c", 3), map());

        List<TunnelRecord> byInput = decode(readAll(inputs));
        assertThat(latest(byInput))
                .containsExactly(map("a", 1, "b", 2, "c", 3), map("a", 10), null);
        assertThat(origin(byInput))
                .containsExactly(map(), map("a", 1, "c", 3), map("a", 10, "b", 2));

        List<RawRecord> plain = readAll(plainLate);
        assertThat(plain).allSatisfy(r -> assertThat(r.latestRecord()).isNull());
        assertThat(origin(decode(plain))).containsExactly(map(), map("a", 1), map("a", 10));
        assertThat(bytes(readAll(plainEarly))).isEqualTo(bytes(plain));
        // Reading the image tunnels again, after other options were read, changes nothing.
        assertThat(decode(readAll(fullLate))).isEqualTo(full);
        assertThat(decode(readAll(named))).isEqualTo(bySpec);
    }

    @Test
    void aRowWithNoColumnLeftGetsAnEmptyImageNotNone() {
        createTable("emptied");
        String tunnelId =
                client.createTunnel(
                        CreateTunnelRequest.builder("emptied", "t", TunnelType.STREAM)
                                .streamRecordOptions(StreamRecordOptions.fullRowImagesWithBefore())
                                .build());
        emulator.putRow("emptied", Row.of(key("k"), List.of(Cell.put("x", ColumnValue.ofLong(1)))));
        emulator.updateRow("emptied", Row.of(key("k"), List.of(Cell.deleteAllVersions("x"))));

        List<RawRecord> raw = readAll(tunnelId);
        assertThat(raw).allSatisfy(r -> assertThat(r.latestRecord()).isNotNull());
        List<TunnelRecord> records = decode(raw);
        assertThat(latest(records)).containsExactly(map("x", 1), map());
        assertThat(origin(records)).containsExactly(map(), map("x", 1));
    }

    @Test
    void describeAndListReportTheOptionsAsSet() {
        createTable("described");
        StreamRecordOptions beforeOnly =
                new StreamRecordOptions(Columns.specified(List.of("b", "a")), null);
        client.createTunnel(
                CreateTunnelRequest.builder("described", "full", TunnelType.BASE_AND_STREAM)
                        .streamRecordOptions(StreamRecordOptions.fullRowImages())
                        .build());
        client.createTunnel(
                CreateTunnelRequest.builder("described", "before", TunnelType.STREAM)
                        .streamRecordOptions(beforeOnly)
                        .build());
        client.createTunnel(
                CreateTunnelRequest.builder("described", "plain", TunnelType.STREAM).build());

        assertThat(client.describeTunnel("described", "full").tunnel().streamRecordOptions())
                .isEqualTo(StreamRecordOptions.fullRowImages());
        assertThat(client.describeTunnel("described", "before").tunnel().streamRecordOptions())
                .isEqualTo(beforeOnly);
        assertThat(client.describeTunnel("described", "plain").tunnel().streamRecordOptions())
                .isNull();
        Map<String, StreamRecordOptions> listed = new LinkedHashMap<>();
        for (TunnelInfo t : client.listTunnels("described")) {
            listed.put(t.tunnelName(), t.streamRecordOptions());
        }
        Map<String, StreamRecordOptions> expected = new LinkedHashMap<>();
        expected.put("full", StreamRecordOptions.fullRowImages());
        expected.put("before", beforeOnly);
        expected.put("plain", null);
        assertThat(listed).isEqualTo(expected);
    }

    /** Our client cannot send these (it refuses empty names and skips options on BaseData). */
    @Test
    void refusesSpecifiedWithoutNamesAndIgnoresOptionsOfBaseDataTunnels() throws Exception {
        createTable("raw");
        TunnelProtos.StreamRecordOptions noNames =
                TunnelProtos.StreamRecordOptions.newBuilder()
                        .setNewColumnsToGet(
                                TunnelProtos.StreamColumn.newBuilder()
                                        .setType(TunnelProtos.StreamColumnType.SPECIFIED_COLUMN))
                        .build();
        RawHttp.Response refused = createRaw("bad", TunnelProtos.TunnelType.Stream, noNames);
        assertThat(refused.status).isEqualTo(400);
        TableProtos.Error error = TableProtos.Error.parseFrom(refused.body);
        assertThat(error.getCode()).isEqualTo("OTSParameterInvalid");
        assertThat(error.getMessage()).contains("new_columns_to_get", "SPECIFIED_COLUMN");

        TunnelProtos.StreamRecordOptions all =
                TunnelProtos.StreamRecordOptions.newBuilder()
                        .setNewColumnsToGet(
                                TunnelProtos.StreamColumn.newBuilder()
                                        .setType(TunnelProtos.StreamColumnType.ALL_COLUMNS))
                        .build();
        assertThat(createRaw("base", TunnelProtos.TunnelType.BaseData, all).status).isEqualTo(200);
        assertThat(createRaw("base-bad", TunnelProtos.TunnelType.BaseData, noNames).status)
                .isEqualTo(200);
        assertThat(client.describeTunnel("raw", "base").tunnel().streamRecordOptions()).isNull();

        TunnelProtos.StreamRecordOptions invalid =
                TunnelProtos.StreamRecordOptions.newBuilder()
                        .setOldColumnsToGet(
                                TunnelProtos.StreamColumn.newBuilder()
                                        .setType(TunnelProtos.StreamColumnType.INVALID))
                        .build();
        assertThat(createRaw("unset", TunnelProtos.TunnelType.Stream, invalid).status)
                .isEqualTo(200);
        assertThat(client.describeTunnel("raw", "unset").tunnel().streamRecordOptions()).isNull();
    }

    private static RawHttp.Response createRaw(
            String name, TunnelProtos.TunnelType type, TunnelProtos.StreamRecordOptions options)
            throws Exception {
        byte[] body =
                TunnelProtos.CreateTunnelRequest.newBuilder()
                        .setTunnel(
                                TunnelProtos.Tunnel.newBuilder()
                                        .setTableName("raw")
                                        .setTunnelName(name)
                                        .setTunnelType(type)
                                        .setStreamRecordOptions(options))
                        .build()
                        .toByteArray();
        String path = "/tunnel/create";
        try (RawHttp http = new RawHttp(emulator.port())) {
            return http.call(
                    "POST",
                    path,
                    RawHttp.signedHeaders(
                            path,
                            body,
                            emulator.instanceName(),
                            emulator.accessKeyId(),
                            emulator.accessKeySecret(),
                            Instant.now()),
                    body);
        }
    }

    private static void createTable(String name) {
        emulator.createTable(
                TableSpec.builder(name)
                        .primaryKey("pk", PrimaryKeyType.STRING)
                        .partitions(1)
                        .stream(24, List.of("a"))
                        .build());
    }

    private static List<List<Object>> bytes(List<RawRecord> records) {
        List<List<Object>> out = new ArrayList<>();
        for (RawRecord r : records) {
            out.add(
                    List.of(
                            r.action(),
                            r.record(),
                            r.originRecord() == null ? "none" : r.originRecord()));
        }
        return out;
    }
}

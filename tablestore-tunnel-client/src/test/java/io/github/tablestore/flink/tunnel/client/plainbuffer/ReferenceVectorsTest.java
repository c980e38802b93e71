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

package io.github.tablestore.flink.tunnel.client.plainbuffer;

import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.CellOperation;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hex vectors of the protocol reference (§3.3, §3.5): each decodes exactly as documented and
 * the model re-encodes to the identical bytes.
 */
class ReferenceVectorsTest {
    private static final long TS = 1700000000000L;
    private static final PrimaryKey PK_A =
            PrimaryKey.of(new PrimaryKeyColumn("pk", ColumnValue.ofString("a")));
    private static final SequenceInfo SEQ = new SequenceInfo(1, 1700000000000000L, 2);

    static final String PUT_ROW =
            "7500000001030402000000706b05060000000301000000610ad4030402000000696405090000000001000000000000000a0a02030401000000630506000000030100000076070068e5cf8b0100000a3b0304010000006e05090000000007000000000000000a2209f7";
    static final String UPDATE_ROW =
            "7500000001030402000000706b05060000000301000000610ad40203040100000063050200000002010a55030401000000640603070068e5cf8b0100000a110304010000006506010ab303040100000066050900000000020000000000000006040a900970";
    static final String DELETE_ROW_PK =
            "7500000001030402000000706b05060000000301000000610ad40809e9";
    static final String PK_INF_MIN = "7500000001030402000000706b0501000000090a3a097b";
    static final String PK_AUTO_INCREMENT = "7500000001030402000000706b05010000000b0a3409ad";
    static final String STREAM_UPDATE =
            "7500000001030402000000706b05060000000301000000610ad402030401000000630506000000030100000076070068e5cf8b0100000a3b030401000000640603070068e5cf8b0100000a110304010000006506010ab30b180000000c130000000d010000000e00401e18240a06000f020000000978";
    static final String STREAM_DELETE =
            "7500000001030402000000706b05060000000301000000610ad4080b180000000c130000000d010000000e00401e18240a06000f0200000009e9";
    static final String REAL_TOKEN_PK =
            "7500000001030403000000 6b6579 0506000000 03 01000000 35 0a20 09ae";

    @Test
    void putRowRow() {
        Row expected =
                Row.of(
                        PrimaryKey.of(
                                new PrimaryKeyColumn("pk", ColumnValue.ofString("a")),
                                new PrimaryKeyColumn("id", ColumnValue.ofLong(1))),
                        List.of(
                                Cell.put("c", ColumnValue.ofString("v"), TS),
                                Cell.put("n", ColumnValue.ofLong(7))));
        assertThat(PlainBufferDecoder.decodeRow(Hex.buffer(PUT_ROW))).isEqualTo(expected);
        assertEncodes(PlainBufferEncoder.encodeRow(expected), PUT_ROW);
        assertThat(PlainBufferEncoder.rowSize(expected)).isEqualTo(Hex.bytes(PUT_ROW).length);
    }

    @Test
    void updateRowChange() {
        Row expected =
                Row.of(
                        PK_A,
                        List.of(
                                Cell.put("c", ColumnValue.ofBoolean(true)),
                                Cell.deleteOneVersion("d", TS),
                                Cell.deleteAllVersions("e"),
                                Cell.increment("f", 2)));
        assertThat(PlainBufferDecoder.decodeRow(Hex.buffer(UPDATE_ROW))).isEqualTo(expected);
        assertEncodes(PlainBufferEncoder.encodeRow(expected), UPDATE_ROW);
    }

    @Test
    void deleteRowPrimaryKeyWithMarker() {
        Row expected = new Row(PK_A, List.of(), true, null);
        assertThat(PlainBufferDecoder.decodeRow(Hex.buffer(DELETE_ROW_PK))).isEqualTo(expected);
        assertThat(PlainBufferDecoder.decodePrimaryKey(Hex.buffer(DELETE_ROW_PK))).isEqualTo(PK_A);
        assertEncodes(PlainBufferEncoder.encodeRow(expected), DELETE_ROW_PK);
    }

    @Test
    void primaryKeyMarkers() {
        PrimaryKey infMin = PrimaryKey.of(new PrimaryKeyColumn("pk", ColumnValue.INF_MIN));
        assertThat(PlainBufferDecoder.decodePrimaryKey(Hex.buffer(PK_INF_MIN))).isEqualTo(infMin);
        assertEncodes(PlainBufferEncoder.encodePrimaryKey(infMin), PK_INF_MIN);

        PrimaryKey auto = PrimaryKey.of(new PrimaryKeyColumn("pk", ColumnValue.AUTO_INCREMENT));
        assertThat(PlainBufferDecoder.decodePrimaryKey(Hex.buffer(PK_AUTO_INCREMENT)))
                .isEqualTo(auto);
        assertEncodes(PlainBufferEncoder.encodePrimaryKey(auto), PK_AUTO_INCREMENT);
    }

    @Test
    void realServiceTokenPrimaryKey() {
        PrimaryKey expected = PrimaryKey.of(new PrimaryKeyColumn("key", ColumnValue.ofString("5")));
        assertThat(PlainBufferDecoder.decodePrimaryKey(Hex.buffer(REAL_TOKEN_PK)))
                .isEqualTo(expected);
        assertEncodes(PlainBufferEncoder.encodePrimaryKey(expected), REAL_TOKEN_PK);
    }

    @Test
    void streamUpdateRecordWithSequenceInfo() {
        TunnelRecord expected =
                new TunnelRecord(
                        RecordAction.UPDATE_ROW,
                        PK_A,
                        List.of(
                                Cell.put("c", ColumnValue.ofString("v"), TS),
                                Cell.deleteOneVersion("d", TS),
                                Cell.deleteAllVersions("e")),
                        SEQ,
                        List.of());
        TunnelRecord decoded =
                new PlainBufferDecoder()
                        .decodeRecord(raw(RecordAction.UPDATE_ROW, STREAM_UPDATE, null));
        assertThat(decoded).isEqualTo(expected);
        assertThat(decoded.columns().get(1).operation())
                .isEqualTo(CellOperation.DELETE_ONE_VERSION);
        assertEncodes(PlainBufferEncoder.encodeRecord(expected), STREAM_UPDATE);
        assertThat(PlainBufferEncoder.recordSize(expected))
                .isEqualTo(Hex.bytes(STREAM_UPDATE).length);

        // The same bytes as a generic row keep the sequence info too.
        Row row = PlainBufferDecoder.decodeRow(Hex.buffer(STREAM_UPDATE));
        assertThat(row.sequenceInfo()).isEqualTo(SEQ);
        assertEncodes(PlainBufferEncoder.encodeRow(row), STREAM_UPDATE);
    }

    @Test
    void streamDeleteRecordWithMarkerAndSequenceInfo() {
        TunnelRecord expected =
                new TunnelRecord(RecordAction.DELETE_ROW, PK_A, List.of(), SEQ, List.of());
        TunnelRecord decoded =
                new PlainBufferDecoder()
                        .decodeRecord(raw(RecordAction.DELETE_ROW, STREAM_DELETE, null));
        assertThat(decoded).isEqualTo(expected);
        assertEncodes(PlainBufferEncoder.encodeRecord(expected), STREAM_DELETE);
    }

    @Test
    void baseDataRecordHasNoSequenceInfo() {
        TunnelRecord expected =
                new TunnelRecord(
                        RecordAction.PUT_ROW,
                        PK_A,
                        List.of(Cell.put("c", ColumnValue.ofString("v"), TS)),
                        null,
                        List.of());
        byte[] bytes = PlainBufferEncoder.encodeRecord(expected);
        TunnelRecord decoded =
                new PlainBufferDecoder()
                        .decodeRecord(raw(RecordAction.PUT_ROW, Hex.of(bytes), null));
        assertThat(decoded).isEqualTo(expected);
        assertThat(decoded.isBaseData()).isTrue();
    }

    @Test
    void putRowVectorIsNotAValidTunnelRecordBecauseACellLacksATimestamp() {
        assertThatThrownBy(
                        () ->
                                new PlainBufferDecoder()
                                        .decodeRecord(raw(RecordAction.PUT_ROW, PUT_ROW, null)))
                .isInstanceOf(PlainBufferException.class)
                .hasMessageContaining("'n'")
                .hasMessageContaining("timestamp");
    }

    @Test
    void incrementIsNotAValidTunnelRecordCell() {
        assertThatThrownBy(
                        () ->
                                new PlainBufferDecoder()
                                        .decodeRecord(
                                                raw(RecordAction.UPDATE_ROW, UPDATE_ROW, null)))
                .isInstanceOf(PlainBufferException.class);
    }

    @Test
    void originRecordWithoutPrimaryKeyGivesOriginColumns() {
        List<Cell> origin =
                List.of(
                        Cell.put("c", ColumnValue.ofString("old"), TS - 1),
                        Cell.deleteAllVersions("e"));
        byte[] originBytes = PlainBufferEncoder.encodeImageColumns(origin);
        TunnelRecord decoded =
                new PlainBufferDecoder()
                        .decodeRecord(
                                raw(RecordAction.UPDATE_ROW, STREAM_UPDATE, Hex.of(originBytes)));
        assertThat(decoded.originColumns()).isEqualTo(origin);
        assertThat(PlainBufferEncoder.imageColumnsSize(origin)).isEqualTo(originBytes.length);
    }

    static RawRecord raw(RecordAction action, String recordHex, String originHex) {
        return new RawRecord(
                action, Hex.buffer(recordHex), originHex == null ? null : Hex.buffer(originHex));
    }

    private static void assertEncodes(byte[] actual, String expectedHex) {
        assertThat(Hex.of(actual)).isEqualTo(Hex.of(Hex.bytes(expectedHex)));
    }
}

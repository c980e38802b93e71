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

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainBufferEncoderTest {
    private static final PrimaryKey PK =
            PrimaryKey.of(new PrimaryKeyColumn("pk", ColumnValue.ofLong(1)));

    @Test
    void noRowsEncodeToNothing() {
        assertThat(PlainBufferEncoder.encodeRows(List.of())).isEmpty();
        assertThat(PlainBufferEncoder.rowsSize(List.of())).isZero();
    }

    @Test
    void rowsNeedAPrimaryKey() {
        assertThatThrownBy(() -> PlainBufferEncoder.encodeRow(Row.of(PrimaryKey.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("primary key");
        assertThatThrownBy(() -> PlainBufferEncoder.encodePrimaryKey(PrimaryKey.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void originColumnsFollowTunnelRules() {
        assertThatThrownBy(
                        () ->
                                PlainBufferEncoder.encodeImageColumns(
                                        List.of(Cell.increment("f", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'f'");
        assertThatThrownBy(
                        () ->
                                PlainBufferEncoder.encodeImageColumns(
                                        List.of(Cell.put("c", ColumnValue.ofLong(1)))))
                .isInstanceOf(IllegalArgumentException.class);
        // An empty origin row is still a valid buffer: ROW_PK tag, no cells, checksum.
        assertThat(Hex.of(PlainBufferEncoder.encodeImageColumns(List.of())))
                .isEqualTo("75000000" + "01" + "09" + "00");
    }

    @Test
    void onlyDeleteRowRecordsCarryTheDeleteMarker() {
        for (RecordAction action : RecordAction.values()) {
            TunnelRecord record =
                    new TunnelRecord(action, PK, List.of(), new SequenceInfo(0, 1, 2), List.of());
            Row asRow =
                    PlainBufferDecoder.decodeRow(
                            ByteBuffer.wrap(PlainBufferEncoder.encodeRecord(record)));
            assertThat(asRow.deleteMarker()).isEqualTo(action == RecordAction.DELETE_ROW);
            assertThat(asRow.sequenceInfo()).isEqualTo(new SequenceInfo(0, 1, 2));
        }
    }

    @Test
    void sizesAreExact() {
        Row row =
                new Row(
                        PrimaryKey.of(
                                new PrimaryKeyColumn("键", ColumnValue.ofString("\uD83D\uDE00")),
                                new PrimaryKeyColumn("b", ColumnValue.ofBinary(new byte[7]))),
                        List.of(
                                Cell.put("d", ColumnValue.ofDouble(1.5), 3),
                                Cell.put("b", ColumnValue.ofBoolean(false)),
                                Cell.increment("i", -1),
                                Cell.deleteOneVersion("x", 9),
                                Cell.deleteAllVersions("y")),
                        true,
                        new SequenceInfo(-1, -1, -1));
        assertThat(PlainBufferEncoder.encodeRow(row))
                .hasSize((int) PlainBufferEncoder.rowSize(row));
        assertThat(PlainBufferEncoder.encodeRows(List.of(row, row)))
                .hasSize((int) PlainBufferEncoder.rowsSize(List.of(row, row)));
        assertThat(PlainBufferDecoder.decodeRow(ByteBuffer.wrap(PlainBufferEncoder.encodeRow(row))))
                .isEqualTo(row);
    }

    @Test
    void unpairedSurrogatesInNamesEncodeAsQuestionMarks() {
        Row row =
                Row.of(
                        PrimaryKey.of(new PrimaryKeyColumn("a\uDC00", ColumnValue.ofLong(1))),
                        List.of());
        byte[] bytes = PlainBufferEncoder.encodeRow(row);
        assertThat(bytes).hasSize((int) PlainBufferEncoder.rowSize(row));
        assertThat(PlainBufferDecoder.decodeRow(ByteBuffer.wrap(bytes)).primaryKey().get(0).name())
                .isEqualTo("a?");
    }
}

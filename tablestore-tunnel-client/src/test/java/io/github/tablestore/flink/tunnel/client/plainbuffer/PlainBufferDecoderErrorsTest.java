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
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;

import com.alicloud.openservices.tablestore.core.protocol.PlainBufferCell;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferRow;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Corrupt input yields a {@link PlainBufferException} that says what is wrong and where. Offsets
 * below refer to the reference PutRow vector: header 0..3, ROW_PK 4, cell pk 5..25, cell id
 * 26..49, ROW_DATA 50, cell c 51..79 (checksum at 79), cell n 80..102, ROW_CHECKSUM 103..104.
 */
class PlainBufferDecoderErrorsTest {

    private static byte[] putRow() {
        return Hex.bytes(ReferenceVectorsTest.PUT_ROW);
    }

    @Test
    void referenceLayoutIsAsDescribed() {
        byte[] b = putRow();
        assertThat(b).hasSize(105);
        assertThat(b[50]).isEqualTo((byte) 0x02);
        assertThat(b[79]).isEqualTo((byte) 0x3b);
        assertThat(b[103]).isEqualTo((byte) 0x09);
    }

    @Test
    void cellChecksumMismatch() {
        byte[] b = putRow();
        b[79] = 0x12;
        assertRowError(b, 79)
                .hasMessage("CRC mismatch in cell 'c' at offset 79: expected 0x3b, found 0x12");
    }

    @Test
    void rowChecksumMismatch() {
        byte[] b = putRow();
        b[104] ^= 0x40;
        assertRowError(b, 104)
                .hasMessage("CRC mismatch in row at offset 104: expected 0xf7, found 0xb7");
    }

    @Test
    void corruptedValueByteIsCaughtByTheCellChecksum() {
        byte[] b = putRow();
        b[68] = 'w'; // value "v" of cell c
        assertRowError(b, 79).hasMessageStartingWith("CRC mismatch in cell 'c' at offset 79");
    }

    @Test
    void offsetsCountFromTheBufferPositionAndThePositionIsNotMoved() {
        byte[] b = putRow();
        b[79] = 0x12;
        byte[] padded = new byte[b.length + 7];
        System.arraycopy(b, 0, padded, 3, b.length);
        ByteBuffer buffer = ByteBuffer.wrap(padded, 3, b.length);
        assertThatThrownBy(() -> PlainBufferDecoder.decodeRow(buffer))
                .isInstanceOfSatisfying(
                        PlainBufferException.class, e -> assertThat(e.offset()).isEqualTo(79));
        assertThat(buffer.position()).isEqualTo(3);
        assertThat(buffer.order()).isEqualTo(ByteOrder.BIG_ENDIAN);

        ByteBuffer valid = ByteBuffer.wrap(putRow());
        PlainBufferDecoder.decodeRow(valid);
        assertThat(valid.position()).isZero();
    }

    @Test
    void badHeader() {
        byte[] b = putRow();
        b[0] = 0x76;
        assertRowError(b, 0)
                .hasMessage("Bad header at offset 0: expected 0x00000075, found 0x00000076");
        assertRowError(new byte[] {0x75, 0}, 0)
                .hasMessage("Truncated header at offset 0: needs 4 bytes, 2 remain");
    }

    @Test
    void hugeAndNegativeLengths() {
        byte[] b = putRow();
        putInt(b, 7, Integer.MAX_VALUE);
        assertRowError(b, 7)
                .hasMessage(
                        "Length of cell name too large at offset 7: 2147483647 exceeds the 94 remaining bytes");
        putInt(b, 7, -1);
        assertRowError(b, 7).hasMessage("Negative length of cell name at offset 7: -1");
        b = putRow();
        putInt(b, 64, 1 << 20); // string length inside the value of cell c
        assertRowError(b, 64)
                .hasMessageStartingWith(
                        "Bad string/binary length in cell 'c' at offset 64: 1048576");
    }

    @Test
    void valueLengthMustMatchTheValue() {
        byte[] b = putRow();
        putInt(b, 35, 10); // cell id's value is 9 bytes: type + int64
        assertRowError(b, 39)
                .hasMessage(
                        "Value length mismatch in cell 'id' at offset 39: length field says 10 bytes, the value takes 9");
    }

    @Test
    void unknownValueTypeAndUnknownTag() {
        byte[] b = putRow();
        b[39] = 0x06;
        assertRowError(b, 39).hasMessage("Unknown value type 0x06 in cell 'id' at offset 39");
        b = putRow();
        b[50] = 0x0F;
        assertRowError(b, 50)
                .hasMessage(
                        "Unexpected tag 0x0f (SEQ_INFO_ROW_INDEX) at offset 50: expected CELL, ROW_DATA, DELETE_ROW_MARKER, EXTENSION or ROW_CHECKSUM");
    }

    @Test
    void truncationAndTrailingBytes() {
        assertRowError(java.util.Arrays.copyOf(putRow(), 60), 59)
                .hasMessage("Truncated cell value length at offset 59: needs 4 bytes, 1 remain");
        assertRowError(java.util.Arrays.copyOf(putRow(), 103), 103)
                .hasMessage(
                        "Truncated buffer at offset 103: expected CELL, ROW_DATA, DELETE_ROW_MARKER, EXTENSION or ROW_CHECKSUM");
        byte[] longer = java.util.Arrays.copyOf(putRow(), 106);
        assertRowError(longer, 105).hasMessage("1 trailing bytes after the row at offset 105");
    }

    @Test
    void booleansMustBeZeroOrOne() {
        byte[] b = Hex.bytes(ReferenceVectorsTest.UPDATE_ROW);
        // UPDATE_ROW: ... 02 | 03 04 01000000 63 | 05 02000000 02 01 ... : the boolean byte of cell
        // c.
        int at = 27 + 1 + 1 + 4 + 1 + 1 + 4 + 1; // cell c starts at 27
        assertThat(b[at]).isEqualTo((byte) 1);
        b[at] = 2;
        assertRowError(b, at)
                .hasMessage("Bad boolean in cell 'c' at offset " + at + ": found 0x02");
    }

    @Test
    void rowsNeedANonEmptyPrimaryKeyWithPlainKeyCells() {
        byte[] noKey = PlainBufferEncoder.encodeImageColumns(List.of(Cell.deleteAllVersions("c")));
        assertRowError(noKey, 4).hasMessage("Row has an empty primary key at offset 4");

        PlainBufferCell keyWithTimestamp =
                SdkOracle.toSdkCell(
                        new io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn(
                                "pk", ColumnValue.ofLong(1)));
        keyWithTimestamp.setCellTimestamp(5);
        byte[] b =
                SdkOracle.sdkWrite(new PlainBufferRow(List.of(keyWithTimestamp), List.of(), false));
        assertRowError(b, 5)
                .hasMessage("Primary-key cell 'pk' has an operation or timestamp at offset 5");

        PlainBufferCell doubleKey = new PlainBufferCell();
        doubleKey.setCellName("pk");
        doubleKey.setCellValue(
                com.alicloud.openservices.tablestore.model.ColumnValue.fromDouble(1.5));
        b = SdkOracle.sdkWrite(new PlainBufferRow(List.of(doubleKey), List.of(), false));
        assertRowError(b, 5).hasMessage("Primary-key cell 'pk' has a DOUBLE value at offset 5");
    }

    @Test
    void cellRulesForRows() {
        PlainBufferCell negative = new PlainBufferCell();
        negative.setCellName("c");
        negative.setCellValue(com.alicloud.openservices.tablestore.model.ColumnValue.fromLong(1));
        negative.setCellTimestamp(-1);
        assertRowError(rowWith(negative), -1)
                .hasMessageStartingWith("Negative timestamp in cell 'c' at offset");

        PlainBufferCell unknownOp = new PlainBufferCell();
        unknownOp.setCellName("c");
        unknownOp.setCellType((byte) 0x02);
        assertRowError(rowWith(unknownOp), -1)
                .hasMessageStartingWith("Unsupported cell operation 0x02 in cell 'c'");

        PlainBufferCell putWithoutValue = new PlainBufferCell();
        putWithoutValue.setCellName("c");
        assertRowError(rowWith(putWithoutValue), -1)
                .hasMessageStartingWith("PUT cell 'c' needs a value");

        PlainBufferCell incrementWithTimestamp = new PlainBufferCell();
        incrementWithTimestamp.setCellName("c");
        incrementWithTimestamp.setCellValue(
                com.alicloud.openservices.tablestore.model.ColumnValue.fromLong(1));
        incrementWithTimestamp.setCellType((byte) 0x04);
        incrementWithTimestamp.setCellTimestamp(1);
        assertRowError(rowWith(incrementWithTimestamp), -1)
                .hasMessageStartingWith("INCREMENT cell 'c'");
    }

    @Test
    void originRecordErrorsSayWhereTheyAre() {
        byte[] origin = PlainBufferEncoder.encodeImageColumns(List.of(Cell.deleteAllVersions("c")));
        origin[origin.length - 1] ^= 1;
        RawRecord raw =
                new RawRecord(
                        RecordAction.UPDATE_ROW,
                        Hex.buffer(ReferenceVectorsTest.STREAM_UPDATE),
                        ByteBuffer.wrap(origin).asReadOnlyBuffer());
        assertThatThrownBy(() -> new PlainBufferDecoder().decodeRecord(raw))
                .isInstanceOf(PlainBufferException.class)
                .hasMessageStartingWith("CRC mismatch in row at offset " + (origin.length - 1))
                .hasMessageEndingWith("(in origin record)");
    }

    @Test
    void emptyInputs() {
        assertThat(PlainBufferDecoder.decodeRows(ByteBuffer.allocate(0))).isEmpty();
        assertThat(PlainBufferDecoder.decodeRows(Hex.buffer("75000000"))).isEmpty();
        assertRowError(new byte[0], 0).hasMessageStartingWith("Truncated header");
        RawRecord emptyOrigin =
                new RawRecord(
                        RecordAction.UPDATE_ROW,
                        Hex.buffer(ReferenceVectorsTest.STREAM_UPDATE),
                        ByteBuffer.allocate(0));
        assertThat(new PlainBufferDecoder().decodeRecord(emptyOrigin).originColumns()).isEmpty();
    }

    @Test
    void decodedValuesAliasTheInputWithoutCopying() {
        byte[] b = putRow();
        Row row = PlainBufferDecoder.decodeRow(ByteBuffer.wrap(b));
        ColumnValue v = row.cells().get(0).value();
        assertThat(v.utf8View().get(0)).isEqualTo((byte) 'v');
        b[68] = 'w';
        assertThat(v.utf8View().get(0)).isEqualTo((byte) 'w');
    }

    private static byte[] rowWith(PlainBufferCell cell) {
        return SdkOracle.sdkWrite(
                new PlainBufferRow(
                        List.of(
                                SdkOracle.toSdkCell(
                                        new io.github.tablestore.flink.tunnel.client.record
                                                .PrimaryKeyColumn("pk", ColumnValue.ofLong(1)))),
                        List.of(cell),
                        false));
    }

    /** Decodes {@code bytes} as one row; expects a PlainBufferException at {@code offset} (-1: any). */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertRowError(
            byte[] bytes, long offset) {
        return assertThatThrownBy(
                        () ->
                                PlainBufferDecoder.decodeRow(
                                        ByteBuffer.wrap(bytes).asReadOnlyBuffer()))
                .isInstanceOfSatisfying(
                        PlainBufferException.class,
                        e -> {
                            if (offset >= 0) {
                                assertThat(e.offset()).isEqualTo(offset);
                            }
                        });
    }

    private static void putInt(byte[] b, int at, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }
}

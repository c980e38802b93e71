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
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnFilterTest {
    private static final long TS = 1700000000000L;

    @Test
    void onlyWantedColumnsAreDecodedAndOnlyTheirNamesCached() {
        PlainBufferDecoder decoder = new PlainBufferDecoder();
        TunnelRecord record =
                decoder.decodeRecord(
                        ReferenceVectorsTest.raw(
                                RecordAction.UPDATE_ROW, ReferenceVectorsTest.STREAM_UPDATE, null),
                        ColumnFilter.of("d", "not-there"));
        assertThat(record.columns()).containsExactly(Cell.deleteOneVersion("d", TS));
        assertThat(record.primaryKey().value("pk")).isEqualTo(ColumnValue.ofString("a"));
        // "pk" and "d" only: the skipped cells "c" and "e" created no String.
        assertThat(decoder.cachedNameCount()).isEqualTo(2);
    }

    @Test
    void skippedCellsAreStillChecksumVerified() {
        byte[] bytes = Hex.bytes(ReferenceVectorsTest.STREAM_UPDATE);
        int cellCrcOfC = indexOf(bytes, Hex.bytes("0a3b")) + 1;
        bytes[cellCrcOfC] ^= 0x01;
        RawRecord raw =
                new RawRecord(
                        RecordAction.UPDATE_ROW, ByteBuffer.wrap(bytes).asReadOnlyBuffer(), null);
        assertThatThrownBy(() -> new PlainBufferDecoder().decodeRecord(raw, ColumnFilter.of("d")))
                .isInstanceOf(PlainBufferException.class)
                .hasMessage(
                        "CRC mismatch in cell 'c' at offset "
                                + cellCrcOfC
                                + ": expected 0x3b, found 0x3a");
    }

    @Test
    void skippedCellsAreStillValidatedAgainstTunnelRules() {
        // "n" is a PUT without timestamp: invalid in a tunnel record even when not requested.
        RawRecord raw =
                ReferenceVectorsTest.raw(RecordAction.PUT_ROW, ReferenceVectorsTest.PUT_ROW, null);
        assertThatThrownBy(() -> new PlainBufferDecoder().decodeRecord(raw, ColumnFilter.of("c")))
                .isInstanceOf(PlainBufferException.class)
                .hasMessageContaining("'n'");
    }

    @Test
    void emptyFilterKeepsOnlyThePrimaryKeyAndAppliesToOriginColumnsToo() {
        List<Cell> origin =
                List.of(
                        Cell.put("c", ColumnValue.ofString("old"), TS),
                        Cell.deleteAllVersions("x"));
        RawRecord raw =
                ReferenceVectorsTest.raw(
                        RecordAction.UPDATE_ROW,
                        ReferenceVectorsTest.STREAM_UPDATE,
                        Hex.of(PlainBufferEncoder.encodeImageColumns(origin)));
        TunnelRecord none = new PlainBufferDecoder().decodeRecord(raw, ColumnFilter.of());
        assertThat(none.columns()).isEmpty();
        assertThat(none.originColumns()).isEmpty();
        assertThat(none.primaryKey().size()).isEqualTo(1);

        TunnelRecord onlyC = new PlainBufferDecoder().decodeRecord(raw, ColumnFilter.of("c"));
        assertThat(onlyC.columns()).extracting(Cell::name).containsExactly("c");
        assertThat(onlyC.originColumns()).containsExactly(origin.get(0));
    }

    @Test
    void latestColumnsAreDecodedWithTheSameFilterAndAbsentMeansNull() {
        List<Cell> latest =
                List.of(
                        Cell.put("c", ColumnValue.ofString("now"), TS),
                        Cell.put("d", ColumnValue.ofLong(7), TS));
        RawRecord plain =
                ReferenceVectorsTest.raw(
                        RecordAction.UPDATE_ROW, ReferenceVectorsTest.STREAM_UPDATE, null);
        RawRecord withLatest =
                new RawRecord(
                        plain.action(),
                        plain.record(),
                        null,
                        ByteBuffer.wrap(PlainBufferEncoder.encodeImageColumns(latest)));
        assertThat(new PlainBufferDecoder().decodeRecord(plain).latestColumns()).isNull();
        assertThat(new PlainBufferDecoder().decodeRecord(withLatest).latestColumns())
                .isEqualTo(latest);
        assertThat(
                        new PlainBufferDecoder()
                                .decodeRecord(withLatest, ColumnFilter.of("d"))
                                .latestColumns())
                .containsExactly(latest.get(1));
        // A row with no attribute column left is an empty image, not a missing one.
        RawRecord emptyImage =
                new RawRecord(
                        plain.action(),
                        plain.record(),
                        null,
                        ByteBuffer.wrap(PlainBufferEncoder.encodeImageColumns(List.of())));
        assertThat(new PlainBufferDecoder().decodeRecord(emptyImage).latestColumns()).isEmpty();
        // A PUT's cells are its whole row: its after-image is not decoded.
        RawRecord put =
                new RawRecord(
                        RecordAction.PUT_ROW,
                        plain.record(),
                        null,
                        ByteBuffer.wrap(PlainBufferEncoder.encodeImageColumns(latest)));
        assertThat(new PlainBufferDecoder().decodeRecord(put).latestColumns()).isNull();
    }

    @Test
    void manyAndNonAsciiNamesMatchExactly() {
        List<String> wanted = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            wanted.add("列" + i);
            cells.add(Cell.put("列" + i, ColumnValue.ofLong(i), TS));
            cells.add(
                    Cell.put(
                            "列" + i + "x",
                            ColumnValue.ofLong(i),
                            TS)); // shares a prefix, not wanted
        }
        TunnelRecord record =
                new TunnelRecord(
                        RecordAction.PUT_ROW,
                        PrimaryKey.of(new PrimaryKeyColumn("pk", ColumnValue.ofLong(1))),
                        cells,
                        null,
                        List.of());
        TunnelRecord decoded =
                new PlainBufferDecoder()
                        .decodeRecord(
                                PlainBufferSdkOracleProperties.raw(record),
                                ColumnFilter.of(wanted));
        assertThat(decoded.columns()).extracting(Cell::name).containsExactlyElementsOf(wanted);
    }

    @Test
    void filterBasics() {
        ColumnFilter all = ColumnFilter.all();
        assertThat(all.includesAll()).isTrue();
        assertThat(all.includes("anything")).isTrue();
        assertThat(all.names()).isEmpty();

        ColumnFilter some = ColumnFilter.of("a", "b", "a");
        assertThat(some.includesAll()).isFalse();
        assertThat(some.names()).containsExactly("a", "b");
        assertThat(some.includes("a")).isTrue();
        assertThat(some.includes("c")).isFalse();
        assertThat(some)
                .isEqualTo(ColumnFilter.of(List.of("a", "b")))
                .hasToString("ColumnFilter[a, b]");
        assertThatThrownBy(() -> ColumnFilter.of("a", null))
                .isInstanceOf(NullPointerException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}

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

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;

/** Generators for the PlainBuffer model: every value type, cell operation and row feature. */
final class PlainBufferArbitraries {
    /** Names that recur across rows, so the decoder's name cache gets hits as well as misses. */
    private static final List<String> COMMON_NAMES =
            List.of("pk", "id", "c", "name", "列名", "ts_ms", "\uD83D\uDE00emoji");

    private PlainBufferArbitraries() {}

    /** Well-formed Unicode text (no unpaired surrogates), weighted towards ASCII. */
    static Arbitrary<String> text(int minLength, int maxLength) {
        @SuppressWarnings("unchecked")
        Arbitrary<Integer> codePoint =
                Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.integers().between(0x20, 0x7E)),
                        Tuple.of(1, Arbitraries.integers().between(0x00, 0x1F)),
                        Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
                        Tuple.of(2, Arbitraries.integers().between(0x800, 0xD7FF)),
                        Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                        Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint
                .list()
                .ofMinSize(minLength)
                .ofMaxSize(maxLength)
                .map(
                        cps -> {
                            StringBuilder sb = new StringBuilder();
                            cps.forEach(sb::appendCodePoint);
                            return sb.toString();
                        });
    }

    static Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.of(COMMON_NAMES), text(1, 12));
    }

    static Arbitrary<byte[]> binaries() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    }

    static Arbitrary<Long> timestamps() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.longs().between(1_600_000_000_000L, 1_800_000_000_000L));
    }

    static Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.doubles()
                        .withSpecialValue(Double.NaN)
                        .withSpecialValue(-0.0)
                        .withSpecialValue(Double.POSITIVE_INFINITY)
                        .withSpecialValue(Double.NEGATIVE_INFINITY),
                // Arbitrary bit patterns, including NaNs with payloads: the exact bits must
                // survive.
                Arbitraries.longs().map(Double::longBitsToDouble));
    }

    /** Ordinary primary-key values: integer, string, binary. */
    static Arbitrary<ColumnValue> keyValues() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(ColumnValue::ofLong),
                text(0, 20).map(ColumnValue::ofString),
                binaries().map(ColumnValue::ofBinary));
    }

    /** Key values including INF_MIN/INF_MAX, and AUTO_INCREMENT when {@code withAutoIncrement}. */
    static Arbitrary<ColumnValue> anyKeyValues(boolean withAutoIncrement) {
        Arbitrary<ColumnValue> markers =
                withAutoIncrement
                        ? Arbitraries.of(
                                ColumnValue.INF_MIN,
                                ColumnValue.INF_MAX,
                                ColumnValue.AUTO_INCREMENT)
                        : Arbitraries.of(ColumnValue.INF_MIN, ColumnValue.INF_MAX);
        return Arbitraries.frequencyOf(Tuple.of(5, keyValues()), Tuple.of(1, markers));
    }

    static Arbitrary<ColumnValue> cellValues() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(ColumnValue::ofLong),
                doubles().map(ColumnValue::ofDouble),
                Arbitraries.of(true, false).map(ColumnValue::ofBoolean),
                text(0, 30).map(ColumnValue::ofString),
                binaries().map(ColumnValue::ofBinary));
    }

    static Arbitrary<PrimaryKey> primaryKeys(Arbitrary<ColumnValue> values) {
        return Combinators.combine(names(), values)
                .as(PrimaryKeyColumn::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(PrimaryKey::new);
    }

    /** Data-plane cells: PUT with or without timestamp, both deletes, INCREMENT. */
    static Arbitrary<Cell> rowCells() {
        return Arbitraries.oneOf(
                Combinators.combine(names(), cellValues(), timestamps()).as(Cell::put),
                Combinators.combine(names(), cellValues()).as(Cell::put),
                Combinators.combine(names(), timestamps()).as(Cell::deleteOneVersion),
                names().map(Cell::deleteAllVersions),
                Combinators.combine(names(), Arbitraries.longs()).as(Cell::increment));
    }

    /** Tunnel-record cells: PUT with timestamp, both deletes. */
    static Arbitrary<Cell> tunnelCells() {
        return Arbitraries.oneOf(
                Combinators.combine(names(), cellValues(), timestamps()).as(Cell::put),
                Combinators.combine(names(), timestamps()).as(Cell::deleteOneVersion),
                names().map(Cell::deleteAllVersions));
    }

    static Arbitrary<SequenceInfo> sequenceInfos() {
        return Combinators.combine(
                        Arbitraries.integers(), Arbitraries.longs(), Arbitraries.integers())
                .as(SequenceInfo::new);
    }

    /** Generic rows; {@code withAutoIncrement} false for rows the SDK reader must parse. */
    static Arbitrary<Row> rows(boolean withAutoIncrement) {
        return Combinators.combine(
                        primaryKeys(anyKeyValues(withAutoIncrement)),
                        rowCells().list().ofMaxSize(8),
                        Arbitraries.of(true, false),
                        sequenceInfos().injectNull(0.5))
                .as(Row::new);
    }

    static Arbitrary<TunnelRecord> records() {
        return Combinators.combine(
                        Arbitraries.of(RecordAction.class),
                        primaryKeys(keyValues()),
                        tunnelCells().list().ofMaxSize(8),
                        sequenceInfos().injectNull(0.3),
                        tunnelCells().list().ofMaxSize(4))
                .as(TunnelRecord::new);
    }
}

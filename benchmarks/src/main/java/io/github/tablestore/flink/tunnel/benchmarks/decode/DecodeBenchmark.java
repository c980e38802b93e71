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

package io.github.tablestore.flink.tunnel.benchmarks.decode;

import io.github.tablestore.flink.tunnel.benchmarks.data.BenchRows;
import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.plainbuffer.ColumnFilter;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferDecoder;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferEncoder;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import com.alicloud.openservices.tablestore.core.protocol.PlainBufferCodedInputStream;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferConversion;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferInputStream;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferRow;
import com.alicloud.openservices.tablestore.core.protocol.TunnelServiceApi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decoding one tunnel record (a stream change of a benchmark row: 3 key columns, 10 attributes,
 * sequence info) from the same bytes, ours against the official SDK's. Scores are per record.
 *
 * <ul>
 *   <li>{@code sdk}: what the SDK's tunnel client does per record — its PlainBuffer reader
 *       ({@code readRowsWithHeader}) and the conversion to the {@code StreamRecord} its callback
 *       gets. Its values are decoded eagerly (strings included).
 *   <li>{@code ours}: {@code PlainBufferDecoder.decodeRecord} — strings stay UTF-8 slices until
 *       asked for.
 *   <li>{@code oursAllValues}: ours plus reading every value (strings decoded), the fair
 *       comparison when a job uses every column.
 *   <li>{@code oursTwoColumns}: ours with a column filter keeping 2 of the 10 attributes (SQL
 *       projection push-down); every cell is still checksummed.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecodeBenchmark {
    static final int RECORDS = 1000;

    private byte[][] bytes;
    private RawRecord[] raw;
    private PlainBufferDecoder decoder;
    private ColumnFilter twoColumns;

    @Setup(Level.Trial)
    public void setUp() {
        bytes = new byte[RECORDS][];
        raw = new RawRecord[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            bytes[i] = encodedRecord(i);
            raw[i] =
                    new RawRecord(
                            RecordAction.PUT_ROW,
                            ByteBuffer.wrap(bytes[i]).asReadOnlyBuffer(),
                            null);
        }
        decoder = new PlainBufferDecoder();
        twoColumns = ColumnFilter.of(BenchRows.PROJECTED);
    }

    /** The {@code record} bytes of benchmark row {@code i} as a stream change. */
    public static byte[] encodedRecord(long i) {
        Row row = BenchRows.row(i);
        TunnelRecord record =
                new TunnelRecord(
                        RecordAction.PUT_ROW,
                        row.primaryKey(),
                        row.cells(),
                        new SequenceInfo(1, 1_767_225_600_000_000L + i, 0),
                        List.of());
        return PlainBufferEncoder.encodeRecord(record);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void sdk(Blackhole bh) throws IOException {
        for (int i = 0; i < RECORDS; i++) {
            List<PlainBufferRow> rows =
                    new PlainBufferCodedInputStream(
                                    new PlainBufferInputStream(
                                            ByteBuffer.wrap(bytes[i]).asReadOnlyBuffer()))
                            .readRowsWithHeader();
            bh.consume(
                    PlainBufferConversion.toStreamRecord(
                            rows.get(0), null, TunnelServiceApi.ActionType.PUT_ROW, false));
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void ours(Blackhole bh) {
        for (int i = 0; i < RECORDS; i++) {
            bh.consume(decoder.decodeRecord(raw[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void oursAllValues(Blackhole bh) {
        for (int i = 0; i < RECORDS; i++) {
            TunnelRecord r = decoder.decodeRecord(raw[i]);
            for (PrimaryKeyColumn c : r.primaryKey().columns()) {
                touch(c.value(), bh);
            }
            for (Cell c : r.columns()) {
                touch(c.value(), bh);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void oursTwoColumns(Blackhole bh) {
        for (int i = 0; i < RECORDS; i++) {
            bh.consume(decoder.decodeRecord(raw[i], twoColumns));
        }
    }

    private static void touch(ColumnValue v, Blackhole bh) {
        switch (v.type()) {
            case STRING:
                bh.consume(v.asString());
                break;
            case BINARY:
                bh.consume(v.asBinary());
                break;
            case INTEGER:
                bh.consume(v.asLong());
                break;
            case DOUBLE:
                bh.consume(v.asDouble());
                break;
            case BOOLEAN:
                bh.consume(v.asBoolean());
                break;
            default:
                bh.consume(v);
        }
    }
}

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
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import com.alicloud.openservices.tablestore.core.protocol.PlainBufferBuilder;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferRow;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our codec against the official Java SDK's PlainBuffer reader and writer (5.17.10), on randomized
 * rows and tunnel records covering every value type, cell operation, primary-key marker,
 * timestamps, the delete marker and sequence info. Both directions, compared field by field (via
 * the model's equality) and byte for byte.
 */
class PlainBufferSdkOracleProperties {
    /** Fixed so that CI runs are reproducible; change it locally to explore other samples. */
    private static final String SEED = "20240611";

    @Provide
    Arbitrary<Row> rows() {
        return PlainBufferArbitraries.rows(true);
    }

    /** The SDK reader cannot parse AUTO_INCREMENT key values (it only writes them). */
    @Provide
    Arbitrary<Row> sdkReadableRows() {
        return PlainBufferArbitraries.rows(false);
    }

    @Provide
    Arbitrary<List<Row>> sdkReadableRowLists() {
        return PlainBufferArbitraries.rows(false).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<TunnelRecord> records() {
        return PlainBufferArbitraries.records();
    }

    @Provide
    Arbitrary<List<TunnelRecord>> recordLists() {
        return PlainBufferArbitraries.records().list().ofMaxSize(20);
    }

    @Property(tries = 500, seed = SEED)
    void rowsWeEncodeDecodeIdenticallyWithTheSdkReader(@ForAll("sdkReadableRows") Row row)
            throws Exception {
        byte[] ours = PlainBufferEncoder.encodeRow(row);
        List<PlainBufferRow> sdkRows = SdkOracle.sdkRead(ours);
        assertThat(sdkRows).hasSize(1);
        assertThat(SdkOracle.fromSdkRow(sdkRows.get(0))).isEqualTo(row);
        assertThat((long) ours.length).isEqualTo(PlainBufferEncoder.rowSize(row));
    }

    @Property(tries = 500, seed = SEED)
    void rowsTheSdkWritesDecodeIdenticallyWithOursAndMatchOurBytes(@ForAll("rows") Row row) {
        byte[] sdk = SdkOracle.sdkWrite(SdkOracle.toSdkRow(row));
        assertThat(PlainBufferDecoder.decodeRow(ByteBuffer.wrap(sdk))).isEqualTo(row);
        assertThat(PlainBufferEncoder.encodeRow(row)).isEqualTo(sdk);
    }

    @Property(tries = 200, seed = SEED)
    void multiRowBuffersAgreeBothWays(@ForAll("sdkReadableRowLists") List<Row> rows)
            throws Exception {
        byte[] ours = PlainBufferEncoder.encodeRows(rows);
        List<PlainBufferRow> sdkRows = SdkOracle.sdkRead(ours);
        List<Row> fromSdk = new ArrayList<>();
        for (PlainBufferRow r : sdkRows) {
            fromSdk.add(SdkOracle.fromSdkRow(r));
        }
        assertThat(fromSdk).isEqualTo(rows);

        List<PlainBufferRow> sdkModel = new ArrayList<>();
        for (Row r : rows) {
            sdkModel.add(SdkOracle.toSdkRow(r));
        }
        byte[] sdk = SdkOracle.sdkWrite(sdkModel);
        assertThat(ours).isEqualTo(sdk);
        assertThat(PlainBufferDecoder.decodeRows(ByteBuffer.wrap(sdk))).isEqualTo(rows);
        assertThat(PlainBufferEncoder.rowsSize(rows)).isEqualTo(ours.length);
    }

    @Property(tries = 300, seed = SEED)
    void primaryKeysMatchTheSdkBuilder(@ForAll("rows") Row row) throws Exception {
        PrimaryKey pk = row.primaryKey();
        List<com.alicloud.openservices.tablestore.model.PrimaryKeyColumn> sdkColumns =
                new ArrayList<>();
        for (var c : pk.columns()) {
            sdkColumns.add(
                    new com.alicloud.openservices.tablestore.model.PrimaryKeyColumn(
                            c.name(), SdkOracle.toSdkKey(c.value())));
        }
        byte[] sdk =
                PlainBufferBuilder.buildPrimaryKeyWithHeader(
                        new com.alicloud.openservices.tablestore.model.PrimaryKey(sdkColumns));
        assertThat(PlainBufferEncoder.encodePrimaryKey(pk)).isEqualTo(sdk);
        assertThat(PlainBufferDecoder.decodePrimaryKey(ByteBuffer.wrap(sdk))).isEqualTo(pk);
    }

    @Property(tries = 500, seed = SEED)
    void recordsWeEncodeDecodeIdenticallyWithTheSdkTunnelConversion(
            @ForAll("records") TunnelRecord record) throws Exception {
        byte[] bytes = PlainBufferEncoder.encodeRecord(record);
        byte[] origin =
                record.originColumns().isEmpty()
                        ? null
                        : PlainBufferEncoder.encodeImageColumns(record.originColumns());
        assertThat(SdkOracle.sdkDecodeRecord(record.action(), bytes, origin)).isEqualTo(record);
    }

    @Property(tries = 500, seed = SEED)
    void recordsTheSdkWritesDecodeIdenticallyWithOursAndMatchOurBytes(
            @ForAll("records") TunnelRecord record) {
        byte[] sdk =
                SdkOracle.sdkWrite(
                        SdkOracle.toSdkRow(
                                record.primaryKey(),
                                record.columns(),
                                record.action() == RecordAction.DELETE_ROW,
                                record.sequenceInfo()));
        byte[] sdkOrigin = null;
        if (!record.originColumns().isEmpty()) {
            sdkOrigin =
                    SdkOracle.sdkWrite(
                            SdkOracle.toSdkRow(
                                    PrimaryKey.of(), record.originColumns(), false, null));
            assertThat(PlainBufferEncoder.encodeImageColumns(record.originColumns()))
                    .isEqualTo(sdkOrigin);
        }
        RawRecord raw =
                new RawRecord(
                        record.action(),
                        ByteBuffer.wrap(sdk).asReadOnlyBuffer(),
                        sdkOrigin == null ? null : ByteBuffer.wrap(sdkOrigin).asReadOnlyBuffer());
        assertThat(new PlainBufferDecoder().decodeRecord(raw)).isEqualTo(record);
        assertThat(PlainBufferEncoder.encodeRecord(record)).isEqualTo(sdk);
    }

    /** One decoder (one name cache) across many records gives what fresh decoders give. */
    @Property(tries = 100, seed = SEED)
    void aReusedDecoderMatchesFreshDecoders(@ForAll("recordLists") List<TunnelRecord> records) {
        PlainBufferDecoder shared = new PlainBufferDecoder();
        for (int round = 0; round < 2; round++) {
            for (TunnelRecord record : records) {
                RawRecord raw = raw(record);
                assertThat(shared.decodeRecord(raw))
                        .isEqualTo(new PlainBufferDecoder().decodeRecord(raw))
                        .isEqualTo(record);
            }
        }
    }

    /** A filtered decode equals the full decode restricted to the wanted columns. */
    @Property(tries = 300, seed = SEED)
    void filteredDecodeKeepsExactlyTheWantedColumns(
            @ForAll("records") TunnelRecord record, @ForAll("records") TunnelRecord other) {
        // Want some of this record's names and some names it does not have.
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < record.columns().size(); i += 2) {
            wanted.add(record.columns().get(i).name());
        }
        for (Cell c : other.columns()) {
            wanted.add(c.name());
        }
        ColumnFilter filter = ColumnFilter.of(wanted);
        TunnelRecord decoded = new PlainBufferDecoder().decodeRecord(raw(record), filter);

        assertThat(decoded.primaryKey()).isEqualTo(record.primaryKey());
        assertThat(decoded.sequenceInfo()).isEqualTo(record.sequenceInfo());
        assertThat(decoded.columns()).isEqualTo(keep(record.columns(), filter));
        assertThat(decoded.originColumns()).isEqualTo(keep(record.originColumns(), filter));
    }

    private static List<Cell> keep(List<Cell> cells, ColumnFilter filter) {
        List<Cell> kept = new ArrayList<>();
        for (Cell c : cells) {
            if (filter.includes(c.name())) {
                kept.add(c);
            }
        }
        return kept;
    }

    static RawRecord raw(TunnelRecord record) {
        byte[] bytes = PlainBufferEncoder.encodeRecord(record);
        byte[] origin =
                record.originColumns().isEmpty()
                        ? null
                        : PlainBufferEncoder.encodeImageColumns(record.originColumns());
        return new RawRecord(
                record.action(),
                ByteBuffer.wrap(bytes).asReadOnlyBuffer(),
                origin == null ? null : ByteBuffer.wrap(origin).asReadOnlyBuffer());
    }
}

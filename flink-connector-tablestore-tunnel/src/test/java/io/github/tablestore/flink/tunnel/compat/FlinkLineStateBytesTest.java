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

package io.github.tablestore.flink.tunnel.compat;

import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.enumerator.TunnelEnumeratorState;
import io.github.tablestore.flink.tunnel.source.enumerator.TunnelEnumeratorStateSerializer;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordSerializer;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordTypeInfo;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplitSerializer;
import io.github.tablestore.flink.tunnel.source.util.Hex;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.io.SimpleVersionedSerialization;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.util.EnvironmentInformation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector's state is the same bytes on every Flink line: a savepoint taken by the 2.2 build
 * restores in the 1.20 build and back (Flink itself does not promise savepoint compatibility
 * across major versions, but the connector's part of it never stands in the way). This class is in
 * the tests of both lines (src/test/java), so the frozen bytes below are checked by the 2.2 and by
 * the 1.20 build: written by each, and read by each.
 *
 * <p>Covered: splits and enumerator state (with Flink's version-and-length framing, which is what
 * a checkpoint holds), {@link TunnelRecord}s through the {@link TypeSerializer} Flink gets from
 * {@link TunnelRecordTypeInfo}, and that serializer's snapshot (written into savepoints whenever a
 * record is in keyed state). The per-version golden bytes are in TunnelChannelSplitSerializerTest
 * and TunnelEnumeratorStateSerializerTest, which run on both lines as well.
 */
class FlinkLineStateBytesTest {
    static TunnelChannelSplit split() {
        return new TunnelChannelSplit(
                "shard", ChannelType.STREAM, "seek=123", 7, List.of("p-1", "p0€"), true, 258);
    }

    static TunnelEnumeratorState enumeratorState() {
        return new TunnelEnumeratorState(
                "tunnel-1",
                "client-9",
                List.of(
                        new TunnelChannelSplit(
                                "child", ChannelType.STREAM, "t0", 3, List.of("parent"))),
                Map.of("a", 1L, "b", 2L),
                Set.of("parent"),
                List.of(
                        new TunnelChannelSplit(
                                "c", ChannelType.BASE_DATA, "t7", 4, List.of(), true, 3)),
                4);
    }

    static TunnelRecord record() {
        return new TunnelRecord(
                RecordAction.UPDATE_ROW,
                PrimaryKey.of(
                        new PrimaryKeyColumn("id", ColumnValue.ofLong(7)),
                        new PrimaryKeyColumn("name", ColumnValue.ofString("ä€"))),
                List.of(
                        Cell.put("price", ColumnValue.ofDouble(9.5), 1_700_000_000_000L),
                        Cell.put("blob", ColumnValue.ofBinary(new byte[] {1, 2, 3}), 5L),
                        Cell.put("ok", ColumnValue.ofBoolean(true), 5L),
                        Cell.deleteOneVersion("old", 1_600_000_000_000L),
                        Cell.deleteAllVersions("gone")),
                new SequenceInfo(1, 1_700_000_000_000_000L, 2),
                List.of(Cell.put("price", ColumnValue.ofDouble(8.0), 1L)));
    }

    /** {@link #split()} as a checkpoint holds it: version, length, serializer bytes. */
    static final String FRAMED_SPLIT_HEX =
            "00000003000000350005736861726401000000087365656b3d313233000000000000000700000002"
                    + "0003702d3100057030e282ac010000000000000102";

    /** {@link #enumeratorState()} as a checkpoint holds it. */
    static final String FRAMED_ENUMERATOR_STATE_HEX =
            "000000030000009a01000874756e6e656c2d31010008636c69656e742d3900000003000000010005"
                    + "6368696c64010000000274300000000000000003000000010006706172656e740000000000000000"
                    + "0000000002000161000162000000010006706172656e740000000100016300000000027437000000"
                    + "00000000040000000001000000000000000300000000000000010000000000000002000000000000"
                    + "0004";

    /** {@link #record()} through the record serializer. */
    static final String RECORD_HEX =
            "01000000020002696400000000000000000700046e616d650300000005c3a4e282ac000000050005"
                    + "7072696365000000018bcfe568000140230000000000000004626c6f620000000000000000050400"
                    + "00000301020300026f6b000000000000000005020100036f6c640100000174876e80000004676f6e"
                    + "65028000000000000000010000000100060a24181e40000000000200000001000570726963650000"
                    + "00000000000001014020000000000000";

    /** The record serializer's snapshot, as Flink writes it into a savepoint. */
    static final String RECORD_SERIALIZER_SNAPSHOT_HEX =
            "006c696f2e6769746875622e7461626c6573746f72652e666c696e6b2e74756e6e656c2e736f7572"
                    + "63652e73657269616c697a6174696f6e2e54756e6e656c5265636f726453657269616c697a657224"
                    + "54756e6e656c5265636f726453657269616c697a6572536e617073686f7400000003";

    @Test
    void theConnectorIsCompiledForTheFlinkItRunsOn() {
        String line = System.getProperty("flink.line");
        if (line != null) {
            assertThat(FlinkLine.LINE).isEqualTo(line);
        }
        assertThat(EnvironmentInformation.getVersion()).startsWith(FlinkLine.LINE + ".");
    }

    @Test
    void splitsAreTheSameBytesOnEveryLine() throws IOException {
        byte[] framed =
                SimpleVersionedSerialization.writeVersionAndSerialize(
                        TunnelChannelSplitSerializer.INSTANCE, split());
        assertThat(Hex.format(framed)).isEqualTo(FRAMED_SPLIT_HEX);
        assertThat(
                        SimpleVersionedSerialization.readVersionAndDeSerialize(
                                TunnelChannelSplitSerializer.INSTANCE, Hex.parse(FRAMED_SPLIT_HEX)))
                .isEqualTo(split());
    }

    @Test
    void enumeratorStateIsTheSameBytesOnEveryLine() throws IOException {
        byte[] framed =
                SimpleVersionedSerialization.writeVersionAndSerialize(
                        TunnelEnumeratorStateSerializer.INSTANCE, enumeratorState());
        assertThat(Hex.format(framed)).isEqualTo(FRAMED_ENUMERATOR_STATE_HEX);
        assertThat(
                        SimpleVersionedSerialization.readVersionAndDeSerialize(
                                TunnelEnumeratorStateSerializer.INSTANCE,
                                Hex.parse(FRAMED_ENUMERATOR_STATE_HEX)))
                .isEqualTo(enumeratorState());
    }

    @Test
    void recordsAreTheSameBytesOnEveryLine() throws IOException {
        TypeSerializer<TunnelRecord> serializer =
                TunnelRecordTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
        assertThat(serializer).isSameAs(TunnelRecordSerializer.INSTANCE);
        DataOutputSerializer out = new DataOutputSerializer(128);
        serializer.serialize(record(), out);
        assertThat(Hex.format(out.getCopyOfBuffer())).isEqualTo(RECORD_HEX);
        assertThat(serializer.deserialize(new DataInputDeserializer(Hex.parse(RECORD_HEX))))
                .isEqualTo(record());
    }

    @Test
    void theRecordSerializerSnapshotIsTheSameBytesOnEveryLine() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        TypeSerializerSnapshot.writeVersionedSnapshot(
                out, TunnelRecordSerializer.INSTANCE.snapshotConfiguration());
        assertThat(Hex.format(out.getCopyOfBuffer())).isEqualTo(RECORD_SERIALIZER_SNAPSHOT_HEX);
        TypeSerializerSnapshot<TunnelRecord> read =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(Hex.parse(RECORD_SERIALIZER_SNAPSHOT_HEX)),
                        getClass().getClassLoader());
        assertThat(read.restoreSerializer()).isSameAs(TunnelRecordSerializer.INSTANCE);
    }
}

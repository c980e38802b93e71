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

package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.MemorySegment;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.VarCharType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row images from partial changes: shape (id BIGINT key, a STRING, b BIGINT) + metadata type.
 * Versions are the cells' timestamps; a change names what it does to each column.
 */
class RowImageFunctionTest {
    private static final byte PUT = 0;
    private static final byte UPDATE = 1;
    private static final byte DELETE = 2;
    private static final long NONE = ImageEnvelope.NO_VERSION;

    private KeyedOneInputStreamOperatorTestHarness<String, RowData, RowData> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static RowShape shape(boolean bNotNull) {
        List<LogicalType> types =
                List.of(
                        new BigIntType(false),
                        new VarCharType(VarCharType.MAX_LENGTH),
                        new BigIntType(!bNotNull));
        return new RowShape(
                "t",
                List.of("id", "a", "b"),
                types,
                List.of(true, false, false),
                List.of("type"),
                List.of(new VarCharType(false, VarCharType.MAX_LENGTH)));
    }

    private void open(
            boolean changelog, boolean ignoreDelete, boolean seeded, boolean skip, boolean bNotNull)
            throws Exception {
        RowShape shape = shape(bNotNull);
        RowImageFunction f = new RowImageFunction(shape, changelog, ignoreDelete, seeded, skip);
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(f),
                        new TablestoreTunnelTableSource.RowKey(),
                        Types.STRING);
        harness.setup(new RowDataSerializer(ImageEnvelope.producedTypes(shape)));
        harness.open();
    }

    /** A change of key {@code id}: ops per column (id, a, b), versions, values. */
    private void send(byte action, long id, byte[] ops, long[] versions, String a, Long b)
            throws Exception {
        harness.processElement(envelope(action, id, ops, versions, a, b), 0L);
    }

    private static GenericRowData envelope(
            byte action, long id, byte[] ops, long[] versions, String a, Long b) {
        byte[] changes = ImageEnvelope.newChanges(ops.length);
        for (int i = 0; i < ops.length; i++) {
            ImageEnvelope.setChange(changes, ops.length, i, ops[i], versions[i]);
        }
        GenericRowData row = new GenericRowData(ImageEnvelope.HEADER + 4);
        row.setField(
                ImageEnvelope.KEY,
                RowKeys.encode(PrimaryKey.of(new PrimaryKeyColumn("id", ColumnValue.ofLong(id)))));
        row.setField(ImageEnvelope.ACTION, action);
        row.setField(ImageEnvelope.CHANNEL, StringData.fromString("shard-0"));
        row.setField(ImageEnvelope.CHANGES, changes);
        row.setField(ImageEnvelope.HEADER, id);
        row.setField(ImageEnvelope.HEADER + 1, a == null ? null : StringData.fromString(a));
        row.setField(ImageEnvelope.HEADER + 2, b);
        row.setField(
                ImageEnvelope.HEADER + 3,
                StringData.fromString(new String[] {"PUT", "UPDATE", "DELETE"}[action]));
        return row;
    }

    private void put(long id, String a, long aVersion, Long b, long bVersion) throws Exception {
        send(PUT, id, new byte[] {0, 1, 1}, new long[] {0, aVersion, bVersion}, a, b);
    }

    private static byte[] ops(int a, int b) {
        return new byte[] {0, (byte) a, (byte) b};
    }

    private List<String> output() {
        List<String> out = new ArrayList<>();
        for (RowData r : harness.extractOutputValues()) {
            out.add(r.toString());
        }
        harness.getOutput().clear();
        return out;
    }

    /** The envelope as it arrives after the keyBy exchange: a binary row, deserialized. */
    private static RowData overTheWire(GenericRowData envelope) throws Exception {
        RowDataSerializer serializer = new RowDataSerializer(ImageEnvelope.rowType(shape(false)));
        DataOutputSerializer bytes = new DataOutputSerializer(256);
        serializer.serialize(envelope, bytes);
        return serializer.deserialize(new DataInputDeserializer(bytes.getCopyOfBuffer()));
    }

    @Test
    void theStateKeepsNoMemoryOfTheInputRow() throws Exception {
        open(true, false, true, false, false);
        BinaryRowData put =
                (BinaryRowData)
                        overTheWire(
                                envelope(
                                        PUT,
                                        1,
                                        new byte[] {0, 1, 1},
                                        new long[] {0, 10, 10},
                                        "kept",
                                        7L));
        harness.processElement(put, 0L);
        // The input's memory is reused (object reuse): the held row must not change with it.
        for (MemorySegment segment : put.getSegments()) {
            segment.put(0, new byte[segment.size()]);
        }
        harness.processElement(
                overTheWire(envelope(UPDATE, 1, ops(0, 1), new long[] {0, NONE, 20}, null, 8L)),
                0L);
        assertThat(output())
                .containsExactly("+I(1,kept,7,PUT)", "-U(1,kept,7,PUT)", "+U(1,kept,8,UPDATE)");
    }

    /** The state value of key {@code id}, as the operator's keyed state backend holds it. */
    private ValueState<byte[]> stateOf(long id) throws Exception {
        harness.getOperator()
                .getKeyedStateBackend()
                .setCurrentKey(
                        RowKeys.key(
                                RowKeys.encode(
                                        PrimaryKey.of(
                                                new PrimaryKeyColumn(
                                                        "id", ColumnValue.ofLong(id))))));
        return harness.getOperator()
                .getKeyedStateBackend()
                .getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        new ValueStateDescriptor<>(
                                "row-image",
                                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Test
    void theStateHoldsOneEncodedImagePerKey() throws Exception {
        open(true, false, true, false, false);
        put(1, "x", 10, 7L, 10);
        send(UPDATE, 1, ops(1, 0), new long[] {0, 20, NONE}, "y", null);
        RowImageCodec codec = new RowImageCodec(ImageEnvelope.producedTypes(shape(false)), 3);
        long[] versions = new long[3];
        assertThat(codec.decode(stateOf(1).value(), versions).toString())
                .isEqualTo("+I(1,y,7,UPDATE)");
        assertThat(versions).containsExactly(0, 20, 10);
        send(DELETE, 1, ops(0, 0), new long[] {0, NONE, NONE}, null, null);
        assertThat(stateOf(1).value()).isNull();
    }

    @Test
    void appendModeKeepsNoMetadataInTheState() throws Exception {
        open(false, false, true, false, false);
        put(1, "x", 10, 7L, 10);
        RowImageCodec codec = new RowImageCodec(ImageEnvelope.producedTypes(shape(false)), 3);
        assertThat(codec.decode(stateOf(1).value(), new long[3]).toString())
                .isEqualTo("+I(1,x,7,null)");
    }

    @Test
    void aCorruptStateValueFailsNamingTheOffset() throws Exception {
        open(true, false, true, false, false);
        put(1, "x", 10, 7L, 10);
        ValueState<byte[]> state = stateOf(1);
        byte[] held = state.value();
        state.update(java.util.Arrays.copyOf(held, held.length - 1));
        assertThatThrownBy(() -> send(UPDATE, 1, ops(1, 0), new long[] {0, 20, NONE}, "y", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Corrupt row image state at byte ");
    }

    @Test
    void imagesContinueFromRestoredState() throws Exception {
        open(true, false, true, false, false);
        put(1, "x", 10, 7L, 10);
        send(UPDATE, 1, ops(1, 0), new long[] {0, 20, NONE}, "y", null);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();
        output();

        RowShape shape = shape(false);
        RowImageFunction f = new RowImageFunction(shape, true, false, true, false);
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(f),
                        new TablestoreTunnelTableSource.RowKey(),
                        Types.STRING);
        harness.setup(new RowDataSerializer(ImageEnvelope.producedTypes(shape)));
        harness.initializeState(snapshot);
        harness.open();
        send(
                UPDATE,
                1,
                ops(1, 0),
                new long[] {0, 15, NONE},
                "older",
                null); // older than a's held version 20
        send(
                UPDATE,
                1,
                ops(0, 3),
                new long[] {0, NONE, 10},
                null,
                null); // deletes b's held version
        assertThat(output()).containsExactly("-U(1,y,7,UPDATE)", "+U(1,y,null,UPDATE)");
    }

    @Test
    void appendModeEmitsTheRowAfterEachChange() throws Exception {
        open(false, false, true, false, false);
        put(1, "x", 10, 7L, 10);
        send(UPDATE, 1, ops(0, 1), new long[] {0, NONE, 20}, null, 8L); // b only
        send(UPDATE, 1, ops(1, 0), new long[] {0, 5, NONE}, "older", null); // an older version of a
        send(
                UPDATE,
                1,
                ops(3, 0),
                new long[] {0, 10, NONE},
                null,
                null); // delete a's newest version
        send(DELETE, 1, ops(0, 0), new long[] {0, NONE, NONE}, null, null);
        assertThat(output())
                .containsExactly(
                        "+I(1,x,7,PUT)",
                        "+I(1,x,8,UPDATE)",
                        "+I(1,x,8,UPDATE)",
                        "+I(1,null,8,UPDATE)",
                        "+I(1,null,null,DELETE)");
    }

    @Test
    void aFunctionPlannedWithoutKeyByRefusesToRunAsOneOfSeveralSubtasks() throws Exception {
        RowShape shape = shape(false);
        RowImageFunction chained = new RowImageFunction(shape, false, false, true, false, true);
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(chained),
                        new TablestoreTunnelTableSource.RowKey(),
                        Types.STRING,
                        128,
                        2,
                        0);
        harness.setup(new RowDataSerializer(ImageEnvelope.producedTypes(shape)));
        assertThatThrownBy(() -> harness.open())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("planned for parallelism 1")
                .hasMessageContaining("run at parallelism 2");
    }

    @Test
    void aPutInAppendModeReplacesWhateverTheKeyHeld() throws Exception {
        // Append mode does not read the held image for a PUT; the next UPDATE must still see
        // the PUT's row, not what the key held before it.
        open(false, false, true, false, false);
        put(1, "x", 10, 7L, 10);
        send(UPDATE, 1, ops(0, 1), new long[] {0, NONE, 20}, null, 8L);
        put(1, "y", 30, null, NONE);
        send(UPDATE, 1, ops(1, 0), new long[] {0, 40, NONE}, "z", null);
        assertThat(output())
                .containsExactly(
                        "+I(1,x,7,PUT)",
                        "+I(1,x,8,UPDATE)",
                        "+I(1,y,null,PUT)",
                        "+I(1,z,null,UPDATE)");
    }

    @Test
    void changelogModeRetractsWhatItEmittedBefore() throws Exception {
        open(true, false, true, false, false);
        put(1, "x", 10, 7L, 10);
        send(UPDATE, 1, ops(1, 0), new long[] {0, 20, NONE}, "y", null);
        send(
                UPDATE,
                1,
                ops(1, 0),
                new long[] {0, 20, NONE},
                "y",
                null); // the same again: no change
        send(UPDATE, 1, ops(0, 2), new long[] {0, NONE, NONE}, null, null); // delete b
        send(DELETE, 1, ops(0, 0), new long[] {0, NONE, NONE}, null, null);
        send(DELETE, 2, ops(0, 0), new long[] {0, NONE, NONE}, null, null); // unknown: nothing
        send(UPDATE, 3, ops(1, 0), new long[] {0, 1, NONE}, "new", null); // creates the row
        assertThat(output())
                .containsExactly(
                        "+I(1,x,7,PUT)",
                        "-U(1,x,7,PUT)",
                        "+U(1,y,7,UPDATE)",
                        "-U(1,y,7,UPDATE)",
                        "+U(1,y,null,UPDATE)",
                        "-D(1,y,null,UPDATE)",
                        "+I(3,new,null,UPDATE)");
    }

    @Test
    void ignoredDeletesKeepTheShownRowAndTheNextChangeReplacesIt() throws Exception {
        open(true, true, true, false, false);
        put(1, "x", 10, 7L, 10);
        send(DELETE, 1, ops(0, 0), new long[] {0, NONE, NONE}, null, null);
        // The row is gone in the table: an update starts from nothing, the old row is retracted.
        send(UPDATE, 1, ops(1, 0), new long[] {0, 30, NONE}, "z", null);
        assertThat(output())
                .containsExactly("+I(1,x,7,PUT)", "-U(1,x,7,PUT)", "+U(1,z,null,UPDATE)");
    }

    @Test
    void aPartialUpdateOfAnUnseenKeyOfAStreamTunnelIsInvalid() throws Exception {
        open(false, false, false, false, false);
        assertThatThrownBy(() -> send(UPDATE, 9, ops(0, 1), new long[] {0, NONE, 1}, null, 1L))
                .isInstanceOf(InvalidTunnelDataException.class)
                .hasMessageContaining("table 't'")
                .hasMessageContaining("channel 'shard-0'")
                .hasMessageContaining("row key [9]")
                .hasMessageContaining("[a]")
                .hasMessageContaining("skip-invalid-data");
    }

    @Test
    void unseenKeysOfAStreamTunnelAreFineWhenTheChangeIsComplete() throws Exception {
        open(false, false, false, true, false);
        send(UPDATE, 9, ops(0, 1), new long[] {0, NONE, 1}, null, 1L); // skipped: a is unknown
        send(UPDATE, 9, ops(2, 1), new long[] {0, NONE, 1}, null, 1L); // names both columns
        put(8, "p", 1, 2L, 1);
        assertThat(output()).containsExactly("+I(9,null,1,UPDATE)", "+I(8,p,2,PUT)");
    }

    @Test
    void aNotNullColumnWithoutValueIsInvalid() throws Exception {
        open(false, false, true, false, true);
        assertThatThrownBy(() -> put(1, "x", 10, null, NONE))
                .isInstanceOf(InvalidTunnelDataException.class)
                .hasMessageContaining("column 'b' is declared NOT NULL");
    }
}

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

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.EpochUnit;

import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records to rows: shape (b BIGINT, id BIGINT key, a STRING, k STRING key) + metadata channel-id.
 * The projection deliberately orders columns unlike the record.
 */
class TunnelRowDataDeserializerTest {
    private static final RowShape SHAPE =
            new RowShape(
                    "t",
                    List.of("b", "id", "a", "k"),
                    List.<LogicalType>of(
                            new BigIntType(),
                            new BigIntType(false),
                            new VarCharType(VarCharType.MAX_LENGTH),
                            new VarCharType(false, VarCharType.MAX_LENGTH)),
                    List.of(false, true, false, true),
                    List.of("channel-id"),
                    List.<LogicalType>of(new VarCharType(false, VarCharType.MAX_LENGTH)));

    private final List<RowData> out = new ArrayList<>();

    private static TunnelRowDataDeserializer open(boolean images, boolean skipInvalid) {
        return open(images, false, false, skipInvalid);
    }

    private static TunnelRowDataDeserializer open(
            boolean images, boolean tunnelImages, boolean changelog, boolean skipInvalid) {
        CellConverter[] converters = new CellConverter[SHAPE.physicalCount()];
        for (int i = 0; i < converters.length; i++) {
            converters[i] = CellConverters.forType(SHAPE.types[i], EpochUnit.MILLISECONDS);
        }
        TunnelMetadata.Reader[] metadata = {
            TunnelMetadata.CHANNEL_ID.reader(SHAPE.metadataTypes[0])
        };
        TunnelRowDataDeserializer d =
                new TunnelRowDataDeserializer(
                        SHAPE,
                        converters,
                        metadata,
                        images,
                        tunnelImages,
                        changelog,
                        false,
                        skipInvalid,
                        null);
        d.open(
                new DeserializationSchema.InitializationContext() {
                    @Override
                    public MetricGroup getMetricGroup() {
                        return new UnregisteredMetricsGroup();
                    }

                    @Override
                    public UserCodeClassLoader getUserCodeClassLoader() {
                        return SimpleUserCodeClassLoader.create(
                                TunnelRowDataDeserializerTest.class.getClassLoader());
                    }
                });
        return d;
    }

    /** A name equal to {@code s} but a new instance, as from a decoder that had not cached it. */
    private static String fresh(String s) {
        return new String(s.toCharArray());
    }

    private static PrimaryKey key(long id, String k) {
        return PrimaryKey.of(
                new PrimaryKeyColumn(fresh("id"), ColumnValue.ofLong(id)),
                new PrimaryKeyColumn(fresh("k"), ColumnValue.ofString(k)));
    }

    private static TunnelRecord record(RecordAction action, PrimaryKey key, Cell... cells) {
        return new TunnelRecord(action, key, List.of(cells), null, List.of());
    }

    private void read(TunnelRowDataDeserializer d, String channel, TunnelRecord record) {
        d.deserialize(channel, record, new ListCollector<>(out));
    }

    private List<String> rows() {
        List<String> s = new ArrayList<>();
        for (RowData r : out) {
            s.add(r.toString());
        }
        out.clear();
        return s;
    }

    @Test
    void columnsAreFoundByNameWhateverTheirOrderAndInstances() {
        TunnelRowDataDeserializer d = open(false, false);
        String a = "a";
        String b = "b";
        read(
                d,
                "c0",
                record(
                        RecordAction.PUT_ROW,
                        key(1, "x"),
                        Cell.put(a, ColumnValue.ofString("a1"), 1),
                        Cell.put(b, ColumnValue.ofLong(10), 1)));
        read(
                d,
                "c0",
                record(
                        RecordAction.PUT_ROW,
                        key(2, "y"),
                        Cell.put(b, ColumnValue.ofLong(20), 1),
                        Cell.put(a, ColumnValue.ofString("a2"), 1)));
        read(
                d,
                "c1",
                record(
                        RecordAction.PUT_ROW,
                        key(3, "z"),
                        Cell.put(fresh("zz"), ColumnValue.ofLong(0), 1),
                        Cell.put(fresh("a"), ColumnValue.ofString("a3"), 1)));
        read(
                d,
                "c1",
                record(
                        RecordAction.PUT_ROW,
                        key(4, "w"),
                        Cell.put(a, ColumnValue.ofString("old"), 1),
                        Cell.put(fresh("a"), ColumnValue.ofString("new"), 2),
                        Cell.put(a, ColumnValue.ofString("older"), 0)));
        read(d, "c0", record(RecordAction.DELETE_ROW, key(5, "v")));
        assertThat(rows())
                .containsExactly(
                        "+I(10,1,a1,x,c0)",
                        "+I(20,2,a2,y,c0)",
                        "+I(null,3,a3,z,c1)",
                        "+I(null,4,new,w,c1)",
                        "+I(null,5,null,v,c0)");
    }

    private static TunnelRecord streamRecord(
            RecordAction action,
            PrimaryKey key,
            List<Cell> cells,
            List<Cell> origin,
            List<Cell> latest) {
        return new TunnelRecord(action, key, cells, new SequenceInfo(1, 5, 0), origin, latest);
    }

    @Test
    void tunnelAfterImagesGiveFullRowsWithoutState() {
        TunnelRowDataDeserializer d = open(false, true, false, false);
        Cell a2 = Cell.put("a", ColumnValue.ofString("a2"), 2);
        Cell b1 = Cell.put("b", ColumnValue.ofLong(10), 1);
        // A partial update of 'a': the after-image has 'b' too.
        read(
                d,
                "c0",
                streamRecord(
                        RecordAction.UPDATE_ROW,
                        key(1, "x"),
                        List.of(a2),
                        List.of(),
                        List.of(a2, b1)));
        // A PUT is its own full row; a delete keeps the key only.
        read(
                d,
                "c0",
                streamRecord(RecordAction.PUT_ROW, key(2, "y"), List.of(b1), List.of(), null));
        read(
                d,
                "c0",
                streamRecord(RecordAction.DELETE_ROW, key(1, "x"), List.of(), List.of(), null));
        // Base data has no images and needs none.
        read(d, "c1", record(RecordAction.PUT_ROW, key(3, "z"), a2));
        assertThat(rows())
                .containsExactly(
                        "+I(10,1,a2,x,c0)",
                        "+I(10,2,null,y,c0)",
                        "+I(null,1,null,x,c0)",
                        "+I(null,3,a2,z,c1)");

        TunnelRecord noImage =
                streamRecord(RecordAction.UPDATE_ROW, key(1, "x"), List.of(a2), List.of(), null);
        assertThatThrownBy(() -> read(d, "c0", noImage))
                .isInstanceOf(TunnelSourceException.class)
                .hasMessageContaining("channel 'c0'")
                .hasMessageContaining("carries no after-image")
                .hasMessageContaining("'scan.row-images' = 'flink-state'");
    }

    @Test
    void tunnelBeforeAndAfterImagesGiveAChangelog() {
        TunnelRowDataDeserializer d = open(false, true, true, false);
        Cell a1 = Cell.put("a", ColumnValue.ofString("a1"), 1);
        Cell a2 = Cell.put("a", ColumnValue.ofString("a2"), 2);
        Cell b1 = Cell.put("b", ColumnValue.ofLong(10), 1);
        // New row (empty before-image): INSERT.
        read(
                d,
                "c0",
                streamRecord(RecordAction.PUT_ROW, key(1, "x"), List.of(a1, b1), List.of(), null));
        // Partial update: UPDATE_BEFORE with the before-image, UPDATE_AFTER with the after-image.
        read(
                d,
                "c0",
                streamRecord(
                        RecordAction.UPDATE_ROW,
                        key(1, "x"),
                        List.of(a2),
                        List.of(a1, b1),
                        List.of(a2, b1)));
        // An update that changes no projected value emits nothing.
        read(
                d,
                "c0",
                streamRecord(
                        RecordAction.UPDATE_ROW,
                        key(1, "x"),
                        List.of(Cell.put("zz", ColumnValue.ofLong(1), 3)),
                        List.of(a2, b1),
                        List.of(a2, b1)));
        // A delete retracts the before-image; one of a row that did not exist emits nothing.
        read(
                d,
                "c0",
                streamRecord(
                        RecordAction.DELETE_ROW, key(1, "x"), List.of(), List.of(a2, b1), null));
        read(
                d,
                "c0",
                streamRecord(RecordAction.DELETE_ROW, key(9, "q"), List.of(), List.of(), null));
        assertThat(rows())
                .containsExactly(
                        "+I(10,1,a1,x,c0)",
                        "-U(10,1,a1,x,c0)",
                        "+U(10,1,a2,x,c0)",
                        "-D(10,1,a2,x,c0)");
    }

    @Test
    void aKeyColumnTheRecordLacksIsInvalid() {
        TunnelRowDataDeserializer d = open(false, false);
        PrimaryKey idOnly = PrimaryKey.of(new PrimaryKeyColumn("id", ColumnValue.ofLong(1)));
        assertThatThrownBy(() -> read(d, "c0", record(RecordAction.PUT_ROW, idOnly)))
                .isInstanceOf(InvalidTunnelDataException.class)
                .hasMessageContaining("column 'k' is not in the record's primary key");

        TunnelRowDataDeserializer skipping = open(false, true);
        read(skipping, "c0", record(RecordAction.PUT_ROW, idOnly));
        read(skipping, "c0", record(RecordAction.PUT_ROW, key(1, "x")));
        assertThat(rows()).containsExactly("+I(null,1,null,x,c0)");
    }

    @Test
    void envelopesCarryTheKeyAndWhatTheChangeDoesToEachColumn() {
        TunnelRowDataDeserializer d = open(true, false);
        read(
                d,
                "shard-1",
                record(
                        RecordAction.UPDATE_ROW,
                        key(7, "q"),
                        Cell.put("a", ColumnValue.ofString("v"), 42),
                        Cell.deleteOneVersion("b", 41)));
        read(
                d,
                "shard-1",
                record(RecordAction.UPDATE_ROW, key(7, "q"), Cell.deleteAllVersions("b")));
        read(
                d,
                "shard-2",
                record(
                        RecordAction.DELETE_ROW,
                        key(8, "r"),
                        Cell.put("a", ColumnValue.ofString("x"), 1)));

        GenericRowData first = (GenericRowData) out.get(0);
        assertThat((byte[]) first.getField(ImageEnvelope.KEY))
                .isEqualTo(RowKeys.encode(key(7, "q")));
        assertThat(first.getByte(ImageEnvelope.ACTION))
                .isEqualTo((byte) RecordAction.UPDATE_ROW.ordinal());
        assertThat(first.getString(ImageEnvelope.CHANNEL).toString()).isEqualTo("shard-1");
        assertThat(changes(first)).containsExactly("3@41", "0@0", "1@42", "0@0");
        assertThat(fields(first)).isEqualTo("[null, 7, v, q, shard-1]");

        GenericRowData second = (GenericRowData) out.get(1);
        assertThat(changes(second))
                .containsExactly(
                        "2@" + ImageEnvelope.NO_VERSION,
                        "0@0",
                        "0@" + ImageEnvelope.NO_VERSION,
                        "0@0");

        GenericRowData delete = (GenericRowData) out.get(2);
        assertThat(delete.getString(ImageEnvelope.CHANNEL).toString()).isEqualTo("shard-2");
        assertThat(delete.getByte(ImageEnvelope.ACTION))
                .isEqualTo((byte) RecordAction.DELETE_ROW.ordinal());
        assertThat(fields(delete)).isEqualTo("[null, 8, null, r, shard-2]");
    }

    private static List<String> changes(GenericRowData envelope) {
        byte[] changes = (byte[]) envelope.getField(ImageEnvelope.CHANGES);
        int n = SHAPE.physicalCount();
        assertThat(changes).hasSize(9 * n);
        List<String> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add(ImageEnvelope.op(changes, i) + "@" + ImageEnvelope.version(changes, n, i));
        }
        return s;
    }

    private static String fields(GenericRowData envelope) {
        List<Object> s = new ArrayList<>();
        for (int i = ImageEnvelope.HEADER; i < envelope.getArity(); i++) {
            Object f = envelope.getField(i);
            s.add(f == null ? null : f.toString());
        }
        return s.toString();
    }
}

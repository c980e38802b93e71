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

package io.github.tablestore.flink.tunnel.source.serialization;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.Collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TunnelRecordSchemasTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static TunnelRecord update() {
        return new TunnelRecord(
                RecordAction.UPDATE_ROW,
                PrimaryKey.of(
                        new PrimaryKeyColumn("id", ColumnValue.ofLong(7)),
                        new PrimaryKeyColumn("name", ColumnValue.ofString("ä€"))),
                List.of(
                        Cell.put("price", ColumnValue.ofDouble(9.5), 1_700_000_000_000L),
                        Cell.put("blob", ColumnValue.ofBinary(new byte[] {1, 2, 3}), 5L),
                        Cell.put("ok", ColumnValue.ofBoolean(true), 5L),
                        Cell.put("nan", ColumnValue.ofDouble(Double.NaN), 5L),
                        Cell.deleteOneVersion("old", 1_600_000_000_000L),
                        Cell.deleteAllVersions("gone")),
                new SequenceInfo(1, 1_700_000_000_000_000L, 2),
                List.of(Cell.put("price", ColumnValue.ofDouble(8.0), 1L)));
    }

    /** {@link #update()} with an after-image, as from a tunnel with row images. */
    static TunnelRecord updateWithLatest() {
        TunnelRecord u = update();
        return new TunnelRecord(
                u.action(),
                u.primaryKey(),
                u.columns(),
                u.sequenceInfo(),
                u.originColumns(),
                List.of(
                        Cell.put("price", ColumnValue.ofDouble(9.5), 1_700_000_000_000L),
                        Cell.put("kept", ColumnValue.ofString("k"), 4L)));
    }

    static TunnelRecord basePut() {
        return new TunnelRecord(
                RecordAction.PUT_ROW,
                PrimaryKey.of(new PrimaryKeyColumn("id", ColumnValue.ofLong(1))),
                List.of(Cell.put("v", ColumnValue.ofString("x"), 3L)),
                null,
                List.of());
    }

    private static <T> List<T> run(
            TunnelRecordDeserializationSchema<T> schema, String channel, TunnelRecord r)
            throws Exception {
        List<T> out = new ArrayList<>();
        schema.deserialize(
                channel,
                r,
                new Collector<T>() {
                    @Override
                    public void collect(T record) {
                        out.add(record);
                    }

                    @Override
                    public void close() {}
                });
        return out;
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        List<String> out = run(TunnelRecordDeserializationSchema.json(), "shard-1", update());
        assertThat(out).hasSize(1);
        JsonNode json = MAPPER.readTree(out.get(0));
        assertThat(json.get("type").asText()).isEqualTo("UPDATE");
        assertThat(json.get("channel").asText()).isEqualTo("shard-1");
        assertThat(json.get("primaryKey").get("id").asLong()).isEqualTo(7);
        assertThat(json.get("primaryKey").get("name").asText()).isEqualTo("ä€");
        JsonNode cols = json.get("columns");
        assertThat(cols.get("price").asDouble()).isEqualTo(9.5);
        assertThat(cols.get("blob").asText()).isEqualTo("AQID");
        assertThat(cols.get("ok").asBoolean()).isTrue();
        assertThat(cols.get("nan").asText()).isEqualTo("NaN");
        assertThat(cols.get("old").get("op").asText()).isEqualTo("DELETE_ONE_VERSION");
        assertThat(cols.get("old").get("timestamp").asLong()).isEqualTo(1_600_000_000_000L);
        assertThat(cols.get("gone").get("op").asText()).isEqualTo("DELETE_ALL_VERSIONS");
        assertThat(json.get("timestamp").asLong()).isEqualTo(1_700_000_000_000_000L);
        assertThat(json.get("sequence").get("epoch").asInt()).isEqualTo(1);
        assertThat(json.get("sequence").get("rowIndex").asInt()).isEqualTo(2);
        assertThat(json.get("origin").get("price").asDouble()).isEqualTo(8.0);
        assertThat(json.has("latest")).isFalse();
        JsonNode withLatest =
                MAPPER.readTree(
                        run(TunnelRecordDeserializationSchema.json(), "s", updateWithLatest())
                                .get(0));
        assertThat(withLatest.get("latest").get("kept").asText()).isEqualTo("k");
    }

    @Test
    void jsonOfBaseDataHasNoTimestamp() throws Exception {
        JsonNode json =
                MAPPER.readTree(
                        run(TunnelRecordDeserializationSchema.json(), "BaseData_1", basePut())
                                .get(0));
        assertThat(json.get("type").asText()).isEqualTo("PUT");
        assertThat(json.get("timestamp").isNull()).isTrue();
        assertThat(json.get("sequence").isNull()).isTrue();
        assertThat(json.has("origin")).isFalse();
    }

    @Test
    void passThroughKeepsTheRecord() throws Exception {
        TunnelRecord r = update();
        assertThat(run(TunnelRecordDeserializationSchema.records(), "c", r)).containsExactly(r);
        assertThat(TunnelRecordDeserializationSchema.records().getProducedType())
                .isEqualTo(TunnelRecordTypeInfo.INSTANCE);
    }

    @Test
    void recordSerializerRoundTrips() throws Exception {
        TypeSerializer<TunnelRecord> serializer =
                TunnelRecordTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
        for (TunnelRecord r :
                List.of(update(), updateWithLatest(), basePut(), serializer.createInstance())) {
            DataOutputSerializer out = new DataOutputSerializer(64);
            serializer.serialize(r, out);
            TunnelRecord back =
                    serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            assertThat(back).isEqualTo(r);
            // copy(DataInputView, DataOutputView) gives the same bytes
            DataOutputSerializer copied = new DataOutputSerializer(64);
            serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
            assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
        }
    }

    @Test
    void recordSerializerSnapshotRestoresACompatibleSerializer() throws Exception {
        TypeSerializerSnapshot<TunnelRecord> snapshot =
                TunnelRecordSerializer.INSTANCE.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(16);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<TunnelRecord> read =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());
        assertThat(read.restoreSerializer()).isSameAs(TunnelRecordSerializer.INSTANCE);
        TypeSerializerSchemaCompatibility<TunnelRecord> compat =
                TunnelRecordSerializer.INSTANCE
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(read);
        assertThat(compat.isCompatibleAsIs()).isTrue();
    }
}

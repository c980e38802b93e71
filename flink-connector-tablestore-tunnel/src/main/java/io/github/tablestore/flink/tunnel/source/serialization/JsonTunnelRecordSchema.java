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
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per record:
 *
 * <pre>{@code
 * {
 *   "type": "PUT" | "UPDATE" | "DELETE",
 *   "channel": "<channel id>",
 *   "primaryKey": {"<pk column>": <value>, ...},          // in key order
 *   "columns": {"<column>": <value>                       // a written value
 *              | {"op": "DELETE_ONE_VERSION", "timestamp": <ms>}
 *              | {"op": "DELETE_ALL_VERSIONS"}, ...},
 *   "timestamp": <µs> | null,                             // stream log time; null for base data
 *   "sequence": {"epoch": n, "timestamp": <µs>, "rowIndex": n} | null,
 *   "origin": {"<column>": ...},                          // before-image, only when kept
 *   "latest": {"<column>": ...}                           // an UPDATE's after-image, only
 *                                                         // with the tunnel's row images
 * }
 * }</pre>
 *
 * <p>Values: integers and doubles as JSON numbers (NaN and infinities as strings), booleans,
 * strings, binaries as Base64 strings. A column that appears several times in one record (several
 * versions) keeps its last cell. Base-data records are {@code PUT}s.
 */
public final class JsonTunnelRecordSchema implements TunnelRecordDeserializationSchema<String> {
    private static final long serialVersionUID = 1L;

    private transient JsonFactory factory;

    @Override
    public void deserialize(String channelId, TunnelRecord record, Collector<String> out)
            throws IOException {
        out.collect(toJson(channelId, record));
    }

    /** The JSON form of a record. */
    public String toJson(String channelId, TunnelRecord record) throws IOException {
        if (factory == null) {
            factory = new JsonFactory();
        }
        StringWriter writer = new StringWriter(128);
        try (JsonGenerator g = factory.createGenerator(writer)) {
            g.writeStartObject();
            g.writeStringField("type", type(record));
            g.writeStringField("channel", channelId);
            g.writeObjectFieldStart("primaryKey");
            for (PrimaryKeyColumn pk : record.primaryKey().columns()) {
                g.writeFieldName(pk.name());
                writeValue(g, pk.value());
            }
            g.writeEndObject();
            g.writeFieldName("columns");
            writeCells(g, record.columns());
            SequenceInfo seq = record.sequenceInfo();
            if (seq == null) {
                g.writeNullField("timestamp");
                g.writeNullField("sequence");
            } else {
                g.writeNumberField("timestamp", seq.timestamp());
                g.writeObjectFieldStart("sequence");
                g.writeNumberField("epoch", seq.epoch());
                g.writeNumberField("timestamp", seq.timestamp());
                g.writeNumberField("rowIndex", seq.rowIndex());
                g.writeEndObject();
            }
            if (!record.originColumns().isEmpty()) {
                g.writeFieldName("origin");
                writeCells(g, record.originColumns());
            }
            if (record.latestColumns() != null) {
                g.writeFieldName("latest");
                writeCells(g, record.latestColumns());
            }
            g.writeEndObject();
        }
        return writer.toString();
    }

    private static String type(TunnelRecord record) {
        switch (record.action()) {
            case PUT_ROW:
                return "PUT";
            case UPDATE_ROW:
                return "UPDATE";
            case DELETE_ROW:
                return "DELETE";
            default:
                throw new IllegalArgumentException("Unknown action " + record.action());
        }
    }

    private static void writeCells(JsonGenerator g, List<Cell> cells) throws IOException {
        Map<String, Cell> last = new LinkedHashMap<>();
        for (Cell cell : cells) {
            last.put(cell.name(), cell);
        }
        g.writeStartObject();
        for (Cell cell : last.values()) {
            g.writeFieldName(cell.name());
            switch (cell.operation()) {
                case PUT:
                    writeValue(g, cell.value());
                    break;
                case DELETE_ONE_VERSION:
                    g.writeStartObject();
                    g.writeStringField("op", "DELETE_ONE_VERSION");
                    g.writeNumberField("timestamp", cell.timestamp());
                    g.writeEndObject();
                    break;
                case DELETE_ALL_VERSIONS:
                    g.writeStartObject();
                    g.writeStringField("op", "DELETE_ALL_VERSIONS");
                    g.writeEndObject();
                    break;
                default:
                    throw new IOException(
                            "Unexpected cell operation "
                                    + cell.operation()
                                    + " of column "
                                    + cell.name());
            }
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, ColumnValue v) throws IOException {
        switch (v.type()) {
            case INTEGER:
                g.writeNumber(v.asLong());
                break;
            case DOUBLE:
                double d = v.asDouble();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    g.writeString(Double.toString(d));
                } else {
                    g.writeNumber(d);
                }
                break;
            case BOOLEAN:
                g.writeBoolean(v.asBoolean());
                break;
            case STRING:
                g.writeString(v.asString());
                break;
            case BINARY:
                g.writeString(Base64.getEncoder().encodeToString(v.asBinary()));
                break;
            default:
                // INF_MIN / INF_MAX / AUTO_INCREMENT never appear in records
                g.writeString(v.type().name());
        }
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}

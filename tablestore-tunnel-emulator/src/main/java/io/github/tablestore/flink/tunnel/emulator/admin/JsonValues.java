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

package io.github.tablestore.flink.tunnel.emulator.admin;

import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyColumnSchema;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * JSON to Tablestore values for the admin API. Primary-key values follow the schema (a number
 * for INTEGER, a string for STRING, Base64 text for BINARY); cell values follow their JSON type
 * (string, integral number = INTEGER, other number = DOUBLE, boolean) and {@code {"binary":
 * "<base64>"}} is a BINARY value.
 */
final class JsonValues {
    private JsonValues() {}

    static ColumnValue keyValue(JsonNode node, PrimaryKeyType type, String what) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        switch (type) {
            case INTEGER:
                if (!node.isIntegralNumber()) {
                    throw new IllegalArgumentException(what + " must be an integer, got " + node);
                }
                return ColumnValue.ofLong(node.asLong());
            case STRING:
                if (!node.isTextual()) {
                    throw new IllegalArgumentException(what + " must be a string, got " + node);
                }
                return ColumnValue.ofString(node.asText());
            case BINARY:
                if (!node.isTextual()) {
                    throw new IllegalArgumentException(what + " must be Base64 text, got " + node);
                }
                return ColumnValue.ofBinary(Base64.getDecoder().decode(node.asText()));
            default:
                throw new IllegalArgumentException("unsupported key type " + type);
        }
    }

    static ColumnValue cellValue(JsonNode node, String what) {
        if (node.isTextual()) {
            return ColumnValue.ofString(node.asText());
        }
        if (node.isIntegralNumber()) {
            return ColumnValue.ofLong(node.asLong());
        }
        if (node.isNumber()) {
            return ColumnValue.ofDouble(node.asDouble());
        }
        if (node.isBoolean()) {
            return ColumnValue.ofBoolean(node.asBoolean());
        }
        if (node.isObject() && node.has("binary") && node.size() == 1) {
            return ColumnValue.ofBinary(Base64.getDecoder().decode(node.get("binary").asText()));
        }
        throw new IllegalArgumentException(what + " has an unsupported value " + node);
    }

    /** {@code {"primaryKey": {...}, "columns": {...}}} as a row of PUT cells. */
    static Row row(JsonNode node, List<PrimaryKeyColumnSchema> schema) {
        JsonNode pk = node.get("primaryKey");
        if (pk == null || !pk.isObject()) {
            throw new IllegalArgumentException("a row needs a \"primaryKey\" object");
        }
        List<PrimaryKeyColumn> key = new ArrayList<>();
        for (PrimaryKeyColumnSchema s : schema) {
            key.add(
                    new PrimaryKeyColumn(
                            s.name(),
                            keyValue(
                                    pk.get(s.name()), s.type(), "primary key column " + s.name())));
        }
        List<Cell> cells = new ArrayList<>();
        JsonNode columns = node.get("columns");
        if (columns != null) {
            for (Map.Entry<String, JsonNode> e : columns.properties()) {
                cells.add(Cell.put(e.getKey(), cellValue(e.getValue(), "column " + e.getKey())));
            }
        }
        return Row.of(new PrimaryKey(key), cells);
    }
}

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

import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.emulator.PartitionInfo;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.api.ApiException;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultKind;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultRule;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultSpec;
import io.github.tablestore.flink.tunnel.emulator.store.PartitionScheme;
import io.github.tablestore.flink.tunnel.emulator.store.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin HTTP API under {@code /admin/}: JSON in, JSON out, for what the Tablestore API cannot
 * do (see docs/emulator.md for the routes). Unauthenticated — the emulator listens on loopback by
 * default. Errors answer {@code {"error": "..."}} with 400 (bad input), 404 or 405.
 */
public final class AdminHandler implements HttpHandler {
    private final TablestoreEmulator emulator;

    public AdminHandler(TablestoreEmulator emulator) {
        this.emulator = emulator;
    }

    private static final class HttpError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        HttpError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.substring("/admin/".length()).split("/");
            JsonNode body = readJson(exchange);
            Object result = route(method, parts, body);
            send(exchange, 200, result == null ? Map.of("ok", true) : result);
        } catch (HttpError e) {
            send(exchange, e.status, Map.of("error", e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException | ApiException e) {
            send(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private Object route(String method, String[] p, JsonNode body) {
        String head = p.length == 0 ? "" : p[0];
        switch (head) {
            case "state":
                expect(method, "GET", p, 1);
                return StateDump.tree(emulator);
            case "sweep":
                expect(method, "POST", p, 1);
                emulator.sweep();
                return null;
            case "clock":
                if (p.length == 1) {
                    expect(method, "GET", p, 1);
                    return clock();
                }
                expect(method, "POST", p, 2);
                if (!p[1].equals("advance")) {
                    throw notFound();
                }
                emulator.advanceClock(Duration.ofMillis(requiredLong(body, "millis")));
                return clock();
            case "tables":
                return tables(method, p, body);
            case "faults":
                return faults(method, p, body);
            case "clients":
                expect(method, "POST", p, 3);
                if (!p[2].equals("expire")) {
                    throw notFound();
                }
                return Map.of("expired", emulator.expireClient(p[1]));
            case "tunnels":
                expect(method, "POST", p, 3);
                if (!p[2].equals("expire")) {
                    throw notFound();
                }
                emulator.expireTunnel(p[1]);
                return null;
            default:
                throw notFound();
        }
    }

    private Map<String, Object> clock() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nowMillis", emulator.clock().millis());
        m.put("offsetMillis", emulator.clock().offset().toMillis());
        return m;
    }

    // POST /admin/tables                                   create a table
    // GET  /admin/tables/{t}/partitions                    list partitions
    // POST /admin/tables/{t}/partitions                    add a pinned partition
    // POST /admin/tables/{t}/partitions/{p}/split          split ({"point": v} | {"hash": n} | {})
    // POST /admin/tables/{t}/partitions/{p}/rows           put rows logged to pinned partition p
    // POST /admin/tables/{t}/merge                         merge {"partitions": [a, b]}
    private Object tables(String method, String[] p, JsonNode body) {
        if (p.length == 1) {
            expect(method, "POST", p, 1);
            emulator.createTable(tableSpec(body));
            return null;
        }
        if (p.length < 3) {
            throw notFound();
        }
        String table = p[1];
        Table t = emulator.instance().findTable(table);
        if (t == null) {
            throw new HttpError(404, "no table " + table);
        }
        if (p[2].equals("merge")) {
            expect(method, "POST", p, 3);
            JsonNode ids = body.get("partitions");
            if (ids == null || !ids.isArray() || ids.size() != 2) {
                throw new IllegalArgumentException("merge needs \"partitions\": [first, second]");
            }
            return StateDump.partition(
                    emulator.mergePartitions(table, ids.get(0).asText(), ids.get(1).asText()));
        }
        if (!p[2].equals("partitions")) {
            throw notFound();
        }
        if (p.length == 3) {
            if (method.equals("GET")) {
                List<Object> out = new ArrayList<>();
                for (PartitionInfo info : emulator.partitions(table)) {
                    out.add(StateDump.partition(info));
                }
                return out;
            }
            expect(method, "POST", p, 3);
            return StateDump.partition(emulator.addPartition(table));
        }
        expect(method, "POST", p, 5);
        String partition = p[3];
        switch (p[4]) {
            case "split":
                return splitResult(split(t, table, partition, body));
            case "rows":
                {
                    JsonNode rows = body.get("rows");
                    if (rows == null || !rows.isArray()) {
                        throw new IllegalArgumentException(
                                "needs \"rows\": [{\"primaryKey\": {...}, \"columns\": {...}}]");
                    }
                    List<Row> parsed = new ArrayList<>();
                    for (JsonNode r : rows) {
                        parsed.add(JsonValues.row(r, t.schema().primaryKey()));
                    }
                    emulator.writeToPartition(table, partition, parsed);
                    return Map.of("written", parsed.size());
                }
            default:
                throw notFound();
        }
    }

    private List<PartitionInfo> split(Table t, String table, String partition, JsonNode body) {
        if (body.has("hash")) {
            return emulator.splitPartitionAtHash(table, partition, requiredLong(body, "hash"));
        }
        if (body.has("point")) {
            if (t.scheme() != PartitionScheme.RANGE) {
                throw new IllegalArgumentException(
                        "table " + table + " is hash-partitioned; split at a \"hash\"");
            }
            ColumnValue point =
                    JsonValues.keyValue(body.get("point"), t.schema().partitionKeyType(), "point");
            return emulator.splitPartition(table, partition, point);
        }
        return emulator.splitPartition(table, partition);
    }

    private static Map<String, Object> splitResult(List<PartitionInfo> children) {
        List<Object> out = new ArrayList<>();
        for (PartitionInfo c : children) {
            out.add(StateDump.partition(c));
        }
        return Map.of("children", out);
    }

    private static TableSpec tableSpec(JsonNode body) {
        String name = requiredText(body, "name");
        TableSpec.Builder b = TableSpec.builder(name);
        JsonNode pk = body.get("primaryKey");
        if (pk == null || !pk.isArray() || pk.size() == 0) {
            throw new IllegalArgumentException(
                    "needs \"primaryKey\": [{\"name\": ..., \"type\": \"STRING\"}]");
        }
        PrimaryKeyType firstType = null;
        for (JsonNode c : pk) {
            PrimaryKeyType type =
                    PrimaryKeyType.valueOf(requiredText(c, "type").toUpperCase(Locale.ROOT));
            if (firstType == null) {
                firstType = type;
            }
            b.primaryKey(requiredText(c, "name"), type, c.path("autoIncrement").asBoolean(false));
        }
        if (body.has("partitions")) {
            b.partitions(body.get("partitions").asInt());
        }
        JsonNode points = body.get("splitPoints");
        if (points != null && points.isArray()) {
            List<ColumnValue> values = new ArrayList<>();
            for (JsonNode v : points) {
                values.add(JsonValues.keyValue(v, firstType, "split point"));
            }
            b.splitPoints(values);
        }
        if (body.has("maxVersions")) {
            b.maxVersions(body.get("maxVersions").asInt());
        }
        JsonNode stream = body.get("stream");
        if (stream != null && stream.path("enabled").asBoolean(false)) {
            List<String> origin = new ArrayList<>();
            for (JsonNode c : stream.path("originColumns")) {
                origin.add(c.asText());
            }
            b.stream(stream.path("expirationHours").asInt(24), origin);
        }
        return b.build();
    }

    // GET    /admin/faults          list
    // POST   /admin/faults          add {"api", "kind", "times"?, "probability"?, "latencyMillis"?,
    // "status"?, "code"?, "message"?}
    // DELETE /admin/faults          clear
    // DELETE /admin/faults/{id}     remove one
    private Object faults(String method, String[] p, JsonNode body) {
        if (p.length == 2) {
            expect(method, "DELETE", p, 2);
            if (!emulator.faults().remove(p[1])) {
                throw new HttpError(404, "no fault " + p[1]);
            }
            return null;
        }
        switch (method) {
            case "GET":
                {
                    List<Object> out = new ArrayList<>();
                    for (FaultRule r : emulator.faults().rules()) {
                        out.add(StateDump.rule(r));
                    }
                    return out;
                }
            case "DELETE":
                emulator.faults().clear();
                return null;
            case "POST":
                return Map.of("id", emulator.faults().add(faultSpec(body)));
            default:
                throw new HttpError(405, "method " + method + " not allowed here");
        }
    }

    private static FaultSpec faultSpec(JsonNode body) {
        FaultSpec.Target target = FaultSpec.on(body.path("api").asText("*"));
        FaultKind kind = FaultKind.valueOf(requiredText(body, "kind").toUpperCase(Locale.ROOT));
        FaultSpec spec;
        switch (kind) {
            case LATENCY:
                spec = target.latency(Duration.ofMillis(requiredLong(body, "latencyMillis")));
                break;
            case ERROR:
                spec =
                        target.error(
                                (int) requiredLong(body, "status"),
                                requiredText(body, "code"),
                                body.path("message").asText(null));
                break;
            default:
                spec = target.of(kind);
        }
        if (body.has("times")) {
            spec = spec.times(body.get("times").asInt());
        }
        if (body.has("probability")) {
            spec = spec.probability(body.get("probability").asDouble());
        }
        return spec;
    }

    private static void expect(String method, String wanted, String[] parts, int length) {
        if (parts.length != length) {
            throw notFound();
        }
        if (!method.equals(wanted)) {
            throw new HttpError(405, "use " + wanted);
        }
    }

    private static HttpError notFound() {
        return new HttpError(404, "no such admin route; see docs/emulator.md");
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw new IllegalArgumentException("needs \"" + field + "\" (text)");
        }
        return n.asText();
    }

    private static long requiredLong(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isIntegralNumber()) {
            throw new IllegalArgumentException("needs \"" + field + "\" (integer)");
        }
        return n.asLong();
    }

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readNBytes(16 * 1024 * 1024);
            if (raw.length == 0) {
                return StateDump.JSON.createObjectNode();
            }
            JsonNode n = StateDump.JSON.readTree(raw);
            if (!(n instanceof ObjectNode)) {
                throw new IllegalArgumentException("the request body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = StateDump.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }
}

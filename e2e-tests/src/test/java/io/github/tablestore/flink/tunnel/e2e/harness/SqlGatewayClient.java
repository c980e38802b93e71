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

package io.github.tablestore.flink.tunnel.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The SQL Gateway's REST endpoint (API v3): sessions, statements and their results, as the SQL
 * client and JDBC driver use it.
 */
public final class SqlGatewayClient {
    private final JsonHttp http;

    SqlGatewayClient(String baseUrl) {
        this.http = new JsonHttp(baseUrl);
    }

    /** {@code GET /v3/info}: product and version. */
    public JsonNode info() {
        return http.get("/v3/info");
    }

    /** Opens a session with these session properties; its handle. */
    public String openSession(Map<String, String> properties) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("sessionName", "e2e");
        request.put("properties", properties);
        return http.post("/v3/sessions", request).path("sessionHandle").asText();
    }

    public void closeSession(String session) {
        http.delete("/v3/sessions/" + session);
    }

    /** Submits a statement; the operation's handle. */
    public String submit(String session, String statement) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("statement", statement);
        return http.post("/v3/sessions/" + session + "/statements", request)
                .path("operationHandle")
                .asText();
    }

    /** Runs a statement that ends (DDL, {@code ADD JAR}, {@code SET}, a bounded query) and returns its rows. */
    public Rows execute(String session, String statement, Duration timeout) {
        String operation = submit(session, statement);
        Rows rows = fetch(session, operation, r -> false, timeout);
        closeOperation(session, operation);
        return rows;
    }

    /**
     * Reads the operation's result pages until its end or until {@code enough} holds for the rows
     * so far. A statement that failed shows up as the gateway's error answer.
     */
    public Rows fetch(
            String session, String operation, Predicate<List<JsonNode>> enough, Duration timeout) {
        List<JsonNode> rows = new ArrayList<>();
        String[] next = {
            "/v3/sessions/" + session + "/operations/" + operation + "/result/0?rowFormat=JSON"
        };
        String[] jobId = {null};
        List<String> columns = new ArrayList<>();
        Waits.value(
                "the result of operation " + operation,
                timeout,
                () -> {
                    while (true) {
                        JsonNode page = http.get(next[0]);
                        if (page.hasNonNull("jobID")) {
                            jobId[0] = page.path("jobID").asText();
                        }
                        if (columns.isEmpty()) {
                            for (JsonNode c : page.path("results").path("columns")) {
                                columns.add(c.path("name").asText());
                            }
                        }
                        for (JsonNode row : page.path("results").path("data")) {
                            rows.add(row);
                        }
                        String type = page.path("resultType").asText();
                        if ("EOS".equals(type) || enough.test(rows)) {
                            return Optional.of(Boolean.TRUE);
                        }
                        if (page.hasNonNull("nextResultUri")) {
                            next[0] = page.path("nextResultUri").asText();
                        }
                        if ("NOT_READY".equals(type)
                                || page.path("results").path("data").isEmpty()) {
                            return Optional.empty(); // poll again later
                        }
                    }
                },
                () -> rows.size() + " rows so far: " + rows);
        return new Rows(columns, rows, jobId[0]);
    }

    public void closeOperation(String session, String operation) {
        http.delete("/v3/sessions/" + session + "/operations/" + operation + "/close");
    }

    /** A result: column names, rows ({@code {"kind": "INSERT", "fields": [...]}}) and the job that produced them. */
    public static final class Rows {
        public final List<String> columns;
        public final List<JsonNode> rows;
        public final String jobId;

        Rows(List<String> columns, List<JsonNode> rows, String jobId) {
            this.columns = columns;
            this.rows = rows;
            this.jobId = jobId;
        }
    }
}

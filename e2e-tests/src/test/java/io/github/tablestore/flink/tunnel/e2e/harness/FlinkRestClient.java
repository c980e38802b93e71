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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The JobManager's REST API, as the web UI and {@code flink run} use it: jar upload and run, job
 * status, cancel, stop-with-savepoint, checkpoint statistics, cluster overview.
 */
public final class FlinkRestClient {
    private final JsonHttp http;

    FlinkRestClient(String baseUrl) {
        this.http = new JsonHttp(baseUrl);
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /** {@code GET /overview}. */
    public JsonNode overview() {
        return http.get("/overview");
    }

    /** Resource ids of the registered TaskManagers. */
    public List<String> taskManagerIds() {
        List<String> ids = new ArrayList<>();
        for (JsonNode tm : http.get("/taskmanagers").path("taskmanagers")) {
            ids.add(tm.path("id").asText());
        }
        return ids;
    }

    /** {@code POST /jars/upload} (multipart, field {@code jarfile}): the jar's id. */
    public String uploadJar(Path jar) {
        String boundary = "----e2e" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(
                    ("--"
                                    + boundary
                                    + "\r\n"
                                    + "Content-Disposition: form-data; name=\"jarfile\"; filename=\""
                                    + jar.getFileName()
                                    + "\"\r\n"
                                    + "Content-Type: application/x-java-archive\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(jar));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
        JsonNode answer =
                http.send(
                        http.request("/jars/upload")
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(
                                        java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                                                body.toByteArray()))
                                .build());
        String file = answer.path("filename").asText();
        if (!"success".equals(answer.path("status").asText()) || file.isEmpty()) {
            throw new IllegalStateException("Jar upload failed: " + answer);
        }
        return Path.of(file).getFileName().toString();
    }

    /**
     * {@code POST /jars/:jarid/run}: runs the jar's {@code main} on the JobManager; the job's id.
     *
     * @param savepointPath a savepoint or retained checkpoint to restore, or {@code null}
     */
    public String runJar(
            String jarId,
            String entryClass,
            List<String> args,
            int parallelism,
            String savepointPath) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("entryClass", entryClass);
        request.put("programArgsList", args);
        request.put("parallelism", parallelism);
        if (savepointPath != null) {
            request.put("savepointPath", savepointPath);
            request.put("allowNonRestoredState", false);
        }
        String jobId = http.post("/jars/" + jarId + "/run", request).path("jobid").asText();
        if (jobId.isEmpty()) {
            throw new IllegalStateException("No job id from running " + jarId);
        }
        return jobId;
    }

    /** {@code GET /jobs/:jobid}. */
    public JsonNode job(String jobId) {
        return http.get("/jobs/" + jobId);
    }

    public String jobState(String jobId) {
        return job(jobId).path("state").asText();
    }

    /** The job is RUNNING and so is every task of it (the source readers are up). */
    public boolean allTasksRunning(String jobId) {
        JsonNode job = job(jobId);
        if (!"RUNNING".equals(job.path("state").asText())) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (!"RUNNING".equals(vertex.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** {@code GET /jobs/:jobid/checkpoints}. */
    public JsonNode checkpoints(String jobId) {
        return http.get("/jobs/" + jobId + "/checkpoints");
    }

    /** {@code PATCH /jobs/:jobid?mode=cancel}. */
    public void cancel(String jobId) {
        http.patch("/jobs/" + jobId + "?mode=cancel");
    }

    /** {@code POST /jobs/:jobid/stop} then polls the operation: the savepoint's path. */
    public String stopWithSavepoint(String jobId, String targetDirectory, Duration timeout) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("targetDirectory", targetDirectory);
        request.put("drain", false);
        String trigger = http.post("/jobs/" + jobId + "/stop", request).path("request-id").asText();
        JsonNode operation =
                Waits.value(
                        "stop-with-savepoint of job " + jobId,
                        timeout,
                        () -> {
                            JsonNode status = http.get("/jobs/" + jobId + "/savepoints/" + trigger);
                            return "COMPLETED".equals(status.path("status").path("id").asText())
                                    ? Optional.of(status.path("operation"))
                                    : Optional.empty();
                        });
        if (!operation.hasNonNull("location")) {
            throw new IllegalStateException(
                    "Stop-with-savepoint failed: " + operation.path("failure-cause"));
        }
        return operation.path("location").asText();
    }
}

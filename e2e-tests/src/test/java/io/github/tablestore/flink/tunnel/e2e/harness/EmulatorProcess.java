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

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.TunnelClientConfig;
import io.github.tablestore.flink.tunnel.client.TunnelClients;
import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.model.ChannelInfo;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Tablestore emulator as its own process, from its standalone jar, and its admin HTTP API
 * (partitions, faults, state dump). Tables and rows go through the data API like an application's.
 */
public final class EmulatorProcess implements AutoCloseable {
    private static final String READY = "Tablestore emulator ready: endpoint=";

    private final ManagedProcess process;
    private final String endpoint;
    private final String instance;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final JsonHttp admin;

    private EmulatorProcess(
            ManagedProcess process, String endpoint, String instance, String id, String secret) {
        this.process = process;
        this.endpoint = endpoint;
        this.instance = instance;
        this.accessKeyId = id;
        this.accessKeySecret = secret;
        this.admin = new JsonHttp(endpoint + "/admin");
    }

    /**
     * Starts {@code java -jar <standalone jar>} on a free port and waits for its ready line.
     *
     * @param marker a JVM option that marks the process as the harness's
     */
    public static EmulatorProcess start(
            Path jar,
            Path logDir,
            String marker,
            String instance,
            String accessKeyId,
            String accessKeySecret,
            int partitions) {
        List<String> command =
                new JavaCommand()
                        .jvmOption(marker)
                        .jvmOption("-Xmx256m")
                        .jvmOption("-XX:+UseSerialGC")
                        .jar(jar)
                        .arguments(
                                List.of(
                                        "--port",
                                        "0",
                                        "--instance",
                                        instance,
                                        "--access-key-id",
                                        accessKeyId,
                                        "--access-key-secret",
                                        accessKeySecret,
                                        "--partitions",
                                        Integer.toString(partitions)))
                        .build();
        ManagedProcess process =
                ManagedProcess.start("emulator", command, Map.of(), logDir, List.of());
        try {
            String endpoint =
                    Waits.value(
                            "the emulator's ready line in " + process.outFile(),
                            Duration.ofSeconds(60),
                            () -> {
                                if (!process.isAlive()) {
                                    throw new IllegalStateException(
                                            "The emulator exited; see " + process.outFile());
                                }
                                for (String line :
                                        Files.readAllLines(
                                                process.outFile(), StandardCharsets.UTF_8)) {
                                    int at = line.indexOf(READY);
                                    if (at >= 0) {
                                        String rest = line.substring(at + READY.length());
                                        return Optional.of(rest.substring(0, rest.indexOf(' ')));
                                    }
                                }
                                return Optional.empty();
                            });
            return new EmulatorProcess(process, endpoint, instance, accessKeyId, accessKeySecret);
        } catch (RuntimeException | Error e) {
            process.close();
            throw e;
        }
    }

    public String endpoint() {
        return endpoint;
    }

    public String instance() {
        return instance;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    /** The secret the processes that need it get through their environment; never logged. */
    String accessKeySecret() {
        return accessKeySecret;
    }

    public ManagedProcess process() {
        return process;
    }

    /** {@code GET /admin/state}. */
    public JsonNode state() {
        return admin.get("/state");
    }

    /** The state dump's entry for a tunnel, if it exists. */
    public Optional<JsonNode> tunnel(String table, String tunnelName) {
        for (JsonNode t : state().path("tunnels")) {
            if (table.equals(t.path("tableName").asText())
                    && tunnelName.equals(t.path("tunnelName").asText())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Client ids of the tunnel's live sessions (leases). */
    public List<String> tunnelClients(String table, String tunnelName) {
        List<String> ids = new ArrayList<>();
        tunnel(table, tunnelName)
                .ifPresent(
                        t -> t.path("clients").forEach(c -> ids.add(c.path("clientId").asText())));
        return ids;
    }

    /**
     * {@code channel=client} for every channel a client holds, as DescribeTunnel (this project's
     * client) reports it: empty when no session holds a channel. A TERMINATED channel keeps the id
     * of the client that finished it, but nobody holds it.
     */
    public List<String> channelOwners(String table, String tunnelName) {
        TunnelClient client =
                TunnelClients.create(
                        TunnelClientConfig.builder()
                                .endpoint(endpoint)
                                .instanceName(instance)
                                .credentialsProvider(
                                        CredentialsProvider.of(accessKeyId, accessKeySecret))
                                .build());
        try {
            List<String> owners = new ArrayList<>();
            for (ChannelInfo channel : client.describeTunnel(table, tunnelName).channels()) {
                if (channel.status() != ChannelStatus.TERMINATED
                        && channel.clientId() != null
                        && !channel.clientId().isEmpty()) {
                    owners.add(channel.channelId() + "=" + channel.clientId());
                }
            }
            return owners;
        } finally {
            client.close();
        }
    }

    /** Partitions of a table (id, parents, retired, ...). */
    public List<JsonNode> partitions(String table) {
        JsonNode answer = admin.get("/tables/" + table + "/partitions");
        JsonNode list = answer.isArray() ? answer : answer.path("partitions");
        List<JsonNode> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    /** Splits a partition where the emulator chooses; the children's ids. */
    public List<String> splitPartition(String table, String partitionId) {
        JsonNode answer =
                admin.post("/tables/" + table + "/partitions/" + partitionId + "/split", Map.of());
        List<String> children = new ArrayList<>();
        for (JsonNode c : answer.path("children")) {
            children.add(c.isTextual() ? c.asText() : c.path("id").asText());
        }
        return children;
    }

    /** Adds a fault rule; its id. */
    public String addFault(Map<String, Object> rule) {
        return admin.post("/faults", new LinkedHashMap<>(rule)).path("id").asText();
    }

    public void clearFaults() {
        admin.delete("/faults");
    }

    @Override
    public void close() {
        process.close();
    }
}

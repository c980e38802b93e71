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
import io.github.tablestore.flink.tunnel.emulator.process.EmulatorLauncher;
import io.github.tablestore.flink.tunnel.emulator.process.LaunchedEmulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Tablestore emulator as its own process, from its standalone jar (started by the emulator's
 * {@link EmulatorLauncher}), and its admin HTTP API (partitions, faults, state dump). Tables and
 * rows go through the data API like an application's.
 */
public final class EmulatorProcess implements AutoCloseable {
    private final LaunchedEmulator process;
    private final String accessKeySecret;
    private final JsonHttp admin;

    private EmulatorProcess(LaunchedEmulator process, String secret) {
        this.process = process;
        this.accessKeySecret = secret;
        this.admin = new JsonHttp(endpoint() + "/admin");
    }

    /**
     * Starts {@code java -jar <standalone jar>} on a free port and waits for its ready line; its
     * output goes to {@code <logDir>/emulator.out}.
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
        LaunchedEmulator process =
                EmulatorLauncher.builder()
                        .jar(jar)
                        .jvmOptions(marker, "-XX:+UseSerialGC")
                        .maxHeap("256m")
                        .arguments(
                                "--port",
                                "0",
                                "--instance",
                                instance,
                                "--access-key-id",
                                accessKeyId,
                                "--access-key-secret",
                                accessKeySecret,
                                "--partitions",
                                Integer.toString(partitions))
                        .logFile(logDir.resolve("emulator.out"))
                        .start();
        ProcessReaper.record(process.processHandle());
        return new EmulatorProcess(process, accessKeySecret);
    }

    public String endpoint() {
        return process.endpoint();
    }

    public String instance() {
        return process.instanceName();
    }

    public String accessKeyId() {
        return process.accessKeyId();
    }

    /** The secret the processes that need it get through their environment; never logged. */
    String accessKeySecret() {
        return accessKeySecret;
    }

    /** Its output file, for log dumps. */
    Map<String, List<Path>> logs() {
        return Map.of(process.toString(), List.of(process.logFile()));
    }

    /** {@code GET /admin/state}. */
    public JsonNode state() {
        return admin.get("/state");
    }

    /**
     * The tunnel's stage: {@code ProcessBaseData} while its scan runs, then {@code
     * ProcessStream}; {@code (no tunnel)} before it exists.
     */
    public String tunnelStage(String table, String tunnelName) {
        return tunnel(table, tunnelName).map(t -> t.path("stage").asText()).orElse("(no tunnel)");
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
                                .endpoint(endpoint())
                                .instanceName(instance())
                                .credentialsProvider(
                                        CredentialsProvider.of(accessKeyId(), accessKeySecret))
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

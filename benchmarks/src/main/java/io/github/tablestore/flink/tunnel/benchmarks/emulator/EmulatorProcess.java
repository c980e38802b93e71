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

package io.github.tablestore.flink.tunnel.benchmarks.emulator;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.TunnelClientConfig;
import io.github.tablestore.flink.tunnel.client.TunnelClients;
import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.emulator.process.EmulatorLauncher;
import io.github.tablestore.flink.tunnel.emulator.process.LaunchedEmulator;

import com.alicloud.openservices.tablestore.ClientConfiguration;
import com.alicloud.openservices.tablestore.SyncClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The emulator in its own JVM, so the contenders' CPU, heap and GC are measured without the
 * server's (both still share the machine's cores). Started by the emulator's {@link
 * EmulatorLauncher} with {@link BenchEmulatorMain}, its tables loaded; closing it ends the process.
 */
public final class EmulatorProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LaunchedEmulator process;
    private final String accessKeySecret;
    private final HttpClient admin =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private EmulatorProcess(LaunchedEmulator process, String accessKeySecret) {
        this.process = process;
        this.accessKeySecret = accessKeySecret;
    }

    /** One table to create and load: {@code partitions} hash partitions, rows 0..rows-1. */
    public static String table(String name, int partitions, long rows) {
        return name + ":" + partitions + ":" + rows;
    }

    /**
     * Starts the process and waits until its tables are loaded.
     *
     * @param heap the emulator JVM's heap, e.g. {@code 2g}
     */
    public static EmulatorProcess start(
            int readRecords, int readBytes, String heap, String... tables) {
        return start(List.of(), readRecords, readBytes, heap, tables);
    }

    /**
     * Starts the process behind a command prefix, e.g. {@code taskset -c 0} to pin it to a core.
     */
    public static EmulatorProcess start(
            List<String> commandPrefix,
            int readRecords,
            int readBytes,
            String heap,
            String... tables) {
        String secret = "bench-secret-" + UUID.randomUUID();
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(readRecords));
        args.add(Integer.toString(readBytes));
        args.addAll(List.of(tables));
        LaunchedEmulator process =
                EmulatorLauncher.builder()
                        .commandPrefix(commandPrefix)
                        .mainClass(BenchEmulatorMain.class.getName())
                        .jvmOptions("-Xms" + heap, "-XX:+UseG1GC")
                        .maxHeap(heap)
                        .arguments(args)
                        .environment(BenchEmulatorMain.ACCESS_KEY_ID_ENV, "bench")
                        .environment(BenchEmulatorMain.ACCESS_KEY_SECRET_ENV, secret)
                        .logFile(Paths.get("target", "bench-emulator.log"))
                        // Loading a table of 500 000 rows takes a while on two cores.
                        .readyTimeout(Duration.ofMinutes(10))
                        .start();
        return new EmulatorProcess(process, secret);
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

    public String accessKeySecret() {
        return accessKeySecret;
    }

    public CredentialsProvider credentials() {
        return CredentialsProvider.of(accessKeyId(), accessKeySecret);
    }

    /** This project's client with default settings. */
    public TunnelClient client() {
        return TunnelClients.create(
                TunnelClientConfig.builder()
                        .endpoint(endpoint())
                        .instanceName(instance())
                        .credentialsProvider(credentials())
                        .build());
    }

    /** The official SDK's tunnel client with default settings. */
    public com.alicloud.openservices.tablestore.TunnelClient sdkTunnelClient() {
        return new com.alicloud.openservices.tablestore.TunnelClient(
                endpoint(), accessKeyId(), accessKeySecret, instance());
    }

    /** The official SDK's data client with default settings. */
    public SyncClient syncClient() {
        return new SyncClient(
                endpoint(), accessKeyId(), accessKeySecret, instance(), new ClientConfiguration());
    }

    /**
     * CPU time the emulator process has used so far (user + system, from /proc on Linux, at the
     * kernel's 10 ms tick), or -1 where that is not available.
     */
    public long cpuNanos() {
        try {
            String stat =
                    new String(
                            java.nio.file.Files.readAllBytes(
                                    Paths.get("/proc/" + process.pid() + "/stat")),
                            StandardCharsets.US_ASCII);
            // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10_000_000L; // USER_HZ = 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** From now on every ReadRecords answer is delayed by {@code millis} (a fault rule). */
    public void delayReadRecords(long millis) throws IOException {
        String body =
                JSON.writeValueAsString(
                        Map.of("api", "ReadRecords", "kind", "LATENCY", "latencyMillis", millis));
        HttpRequest post =
                HttpRequest.newBuilder(URI.create(endpoint() + "/admin/faults"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        try {
            HttpResponse<String> r = admin.send(post, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(
                        "POST /admin/faults answered " + r.statusCode() + ": " + r.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** ReadRecords calls the emulator received so far, per channel of the tunnel. */
    public Map<String, Long> readRequests(String tunnelId) throws IOException {
        JsonNode state = state();
        Map<String, Long> out = new LinkedHashMap<>();
        for (JsonNode t : state.path("tunnels")) {
            if (tunnelId.equals(t.path("tunnelId").asText())) {
                for (JsonNode c : t.path("channels")) {
                    out.put(c.path("channelId").asText(), c.path("readRequests").asLong());
                }
            }
        }
        return out;
    }

    private JsonNode state() throws IOException {
        HttpRequest get =
                HttpRequest.newBuilder(URI.create(endpoint() + "/admin/state"))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build();
        try {
            HttpResponse<String> r = admin.send(get, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("GET /admin/state answered " + r.statusCode());
            }
            return JSON.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}

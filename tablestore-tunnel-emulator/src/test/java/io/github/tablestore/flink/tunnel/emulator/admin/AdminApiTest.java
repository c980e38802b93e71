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

import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin HTTP API: JSON in, JSON out. */
class AdminApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = TablestoreEmulator.builder().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private JsonNode call(String method, String path, String body, int expectedStatus)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/admin/" + path))
                        .timeout(Duration.ofSeconds(30));
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
        return JSON.readTree(r.body());
    }

    @Test
    void createsTablesWritesToPinnedPartitionsSplitsAndMerges() throws Exception {
        call(
                "POST",
                "tables",
                "{\"name\": \"t\", \"primaryKey\": [{\"name\": \"pk\", \"type\": \"STRING\"}],"
                        + " \"splitPoints\": [\"m\"], \"stream\": {\"enabled\": true, \"expirationHours\": 12}}",
                200);
        JsonNode partitions = call("GET", "tables/t/partitions", null, 200);
        assertThat(partitions).hasSize(2);
        assertThat(partitions.get(0).get("id").asText()).isEqualTo("shard-0");

        JsonNode split =
                call("POST", "tables/t/partitions/shard-1/split", "{\"point\": \"t\"}", 200);
        assertThat(split.get("children")).hasSize(2);
        String a = split.get("children").get(0).get("id").asText();
        String b = split.get("children").get(1).get("id").asText();
        JsonNode merged =
                call(
                        "POST",
                        "tables/t/merge",
                        "{\"partitions\": [\"" + a + "\", \"" + b + "\"]}",
                        200);
        assertThat(merged.get("parents")).hasSize(2);

        JsonNode pinned = call("POST", "tables/t/partitions", null, 200);
        String pinnedId = pinned.get("id").asText();
        assertThat(pinned.get("pinned").asBoolean()).isTrue();
        JsonNode written =
                call(
                        "POST",
                        "tables/t/partitions/" + pinnedId + "/rows",
                        "{\"rows\": [{\"primaryKey\": {\"pk\": \"x\"}, \"columns\": {\"s\": \"v\", \"n\": 1, \"d\": 1.5,"
                                + " \"b\": true, \"bin\": {\"binary\": \"AQI=\"}}}]}",
                        200);
        assertThat(written.get("written").asInt()).isEqualTo(1);
        assertThat(emulator.rowCount("t")).isEqualTo(1);
        assertThat(emulator.partitions("t"))
                .filteredOn(p -> p.id().equals(pinnedId))
                .singleElement()
                .satisfies(p -> assertThat(p.endLogIndex()).isEqualTo(1));
    }

    @Test
    void managesFaultsClockLeasesAndDumpsTheState() throws Exception {
        JsonNode added =
                call(
                        "POST",
                        "faults",
                        "{\"api\": \"ReadRecords\", \"kind\": \"TUNNEL_SERVER_UNAVAILABLE\","
                                + " \"times\": 2}",
                        200);
        call(
                "POST",
                "faults",
                "{\"api\": \"*\", \"kind\": \"LATENCY\", \"latencyMillis\": 5, \"probability\": 0.5}",
                200);
        call(
                "POST",
                "faults",
                "{\"api\": \"Heartbeat\", \"kind\": \"ERROR\", \"status\": 410,"
                        + " \"code\": \"OTSResourceGone\"}",
                200);
        assertThat(call("GET", "faults", null, 200)).hasSize(3);
        call("DELETE", "faults/" + added.get("id").asText(), null, 200);
        assertThat(call("GET", "faults", null, 200)).hasSize(2);
        call("DELETE", "faults", null, 200);
        assertThat(emulator.faults().rules()).isEmpty();

        long before = emulator.clock().millis();
        JsonNode clock = call("POST", "clock/advance", "{\"millis\": 3600000}", 200);
        assertThat(clock.get("offsetMillis").asLong()).isEqualTo(3_600_000L);
        assertThat(emulator.clock().millis()).isGreaterThanOrEqualTo(before + 3_600_000L);

        call(
                "POST",
                "tables",
                "{\"name\": \"t\", \"primaryKey\": [{\"name\": \"pk\", \"type\": \"INTEGER\"}],"
                        + " \"partitions\": 2}",
                200);
        String tunnelId = emulator.tunnelService().createTunnel("t", "tn", TunnelType.STREAM, null);
        String client = emulator.tunnelService().connect(tunnelId, 300, "tag");
        emulator.tunnelService().heartbeat(tunnelId, client, List.of());
        assertThat(
                        call("POST", "clients/" + client + "/expire", null, 200)
                                .get("expired")
                                .asBoolean())
                .isTrue();
        assertThat(emulator.tunnel(tunnelId).channels())
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(ChannelStatus.WAIT));
        call("POST", "tunnels/" + tunnelId + "/expire", null, 200);

        JsonNode state = call("GET", "state", null, 200);
        assertThat(state.get("instance").asText()).isEqualTo(emulator.instanceName());
        assertThat(state.get("clock").get("offsetMillis").asLong()).isEqualTo(3_600_000L);
        assertThat(state.get("tables").get(0).get("partitionScheme").asText()).isEqualTo("HASH");
        assertThat(state.get("tunnels").get(0).get("expired").asBoolean()).isTrue();
        assertThat(state.get("tunnels").get(0).get("channels")).hasSize(2);
        assertThat(state.get("faults").get("totalFired").asLong()).isZero();
        assertThat(state.toString()).doesNotContain(emulator.accessKeySecret());
        assertThat(emulator.dumpState()).contains("\"tunnelName\" : \"tn\"");
    }

    @Test
    void badRequestsGetJsonErrors() throws Exception {
        assertThat(call("GET", "nope", null, 404).get("error").asText())
                .contains("no such admin route");
        assertThat(call("POST", "state", null, 405).has("error")).isTrue();
        assertThat(
                        call("POST", "clock/advance", "{\"millis\": \"soon\"}", 400)
                                .get("error")
                                .asText())
                .contains("millis");
        assertThat(call("POST", "faults", "{not json", 400).get("error").asText())
                .contains("malformed JSON");
        assertThat(call("POST", "tables/none/partitions", null, 404).has("error")).isTrue();
        call(
                "POST",
                "tables",
                "{\"name\": \"t\", \"primaryKey\": [{\"name\": \"pk\", \"type\": \"STRING\"}]}",
                200);
        assertThat(
                        call("POST", "tables/t/partitions/shard-0/split", "{}", 400)
                                .get("error")
                                .asText())
                .contains("give a split point");
        assertThat(
                        call("POST", "tables/t/merge", "{\"partitions\": [\"shard-0\"]}", 400)
                                .has("error"))
                .isTrue();
        assertThat(
                        call(
                                        "POST",
                                        "tables",
                                        "{\"name\": \"t\", \"primaryKey\": [{\"name\": \"pk\", \"type\": \"STRING\"}]}",
                                        400)
                                .get("error")
                                .asText())
                .contains("already exists");
    }
}

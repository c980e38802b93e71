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

package io.github.tablestore.flink.tunnel.client;

import io.github.tablestore.flink.tunnel.client.auth.Credentials;
import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.auth.RefreshingCredentialsProvider;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The AccessKey secret and the STS token appear in no toString, exception (message, cause chain
 * or stack trace) or log line, across successes and every kind of failure.
 */
class SecretsNeverLeakTest {
    private static final String SECRET = "SECRET-a1b2c3d4e5";
    private static final String TOKEN = "TOKEN-f6g7h8i9j0";

    private final MockService service;

    SecretsNeverLeakTest() throws Exception {
        service = new MockService();
    }

    @AfterEach
    void close() {
        service.close();
    }

    private TunnelClientConfig.Builder config() {
        return service.config()
                .credentialsProvider(CredentialsProvider.of("STS.id", SECRET, TOKEN))
                .readTimeout(Duration.ofMillis(300));
    }

    private static String everything(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void toStringsHideSecrets() {
        TunnelClientConfig config = config().build();
        Credentials credentials = Credentials.of("STS.id", SECRET, TOKEN);
        ManualClock clock = new ManualClock();
        RefreshingCredentialsProvider refreshing =
                RefreshingCredentialsProvider.builder(() -> credentials).clock(clock).build();
        refreshing.credentials();
        try (TunnelClient client = TunnelClients.create(config)) {
            for (Object o :
                    List.of(
                            config,
                            config.credentialsProvider(),
                            credentials,
                            refreshing,
                            client,
                            config.toBuilder().credentialsProvider(refreshing).build())) {
                assertThat(o.toString())
                        .doesNotContain(SECRET)
                        .doesNotContain(TOKEN)
                        .contains("STS.id");
            }
        }
    }

    @Test
    void noExceptionOrLogLineCarriesASecret() {
        List<Throwable> failures = new ArrayList<>();
        List<String> logs;
        try (LogCapture capture = new LogCapture();
                TunnelClient client = TunnelClients.create(config().build())) {
            // success, after a retry
            service.error(503, "OTSServerBusy", null);
            service.ok(TunnelProtos.ListTunnelResponse.getDefaultInstance());
            client.listTunnels("t");
            // service error, unreadable error body, bad success body, dropped connection, read
            // timeout, moved
            service.error(403, "OTSAuthFailed", "Signature mismatch.");
            service.raw(404, "<html/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            service.raw(200, new byte[] {1, 2, 3});
            service.server.enqueue(
                    new MockResponse.Builder()
                            .onRequestStart(new SocketEffect.CloseSocket())
                            .build());
            service.server.enqueue(
                    new MockResponse.Builder()
                            .onResponseStart(SocketEffect.Stall.INSTANCE)
                            .build());
            service.server.enqueue(
                    new MockResponse.Builder().code(301).addHeader("Location", "http://x").build());
            for (int i = 0; i < 6; i++) {
                failures.add(
                        catchThrowableOfType(
                                TablestoreException.class, () -> client.connect("tid", 60, null)));
            }
            logs = capture.lines();
        }
        // credentials provider failures, with a refreshing provider that fails after a first
        // success
        AtomicInteger fetches = new AtomicInteger();
        ManualClock clock = new ManualClock();
        RefreshingCredentialsProvider flaky =
                RefreshingCredentialsProvider.builder(
                                () -> {
                                    if (fetches.incrementAndGet() > 1) {
                                        throw new IllegalStateException("sts unavailable");
                                    }
                                    return Credentials.of("STS.id", SECRET, TOKEN);
                                })
                        .clock(clock)
                        .build();
        List<String> refreshLogs;
        try (LogCapture capture = new LogCapture();
                TunnelClient client =
                        TunnelClients.create(config().credentialsProvider(flaky).build())) {
            service.error(400, "OTSParameterInvalid", null);
            failures.add(
                    catchThrowableOfType(
                            TablestoreException.class, () -> client.connect("tid", 60, null)));
            clock.advance(Duration.ofHours(1));
            service.error(400, "OTSParameterInvalid", null);
            failures.add(
                    catchThrowableOfType(
                            TablestoreException.class, () -> client.connect("tid", 60, null)));
            refreshLogs = capture.lines();
        }
        try (TunnelClient client =
                TunnelClients.create(
                        config().credentialsProvider(
                                        () -> {
                                            throw new IllegalStateException("no credentials");
                                        })
                                .build())) {
            failures.add(
                    catchThrowableOfType(
                            TablestoreException.class, () -> client.connect("tid", 60, null)));
        }

        assertThat(failures).hasSize(9).doesNotContainNull();
        Consumer<String> clean = s -> assertThat(s).doesNotContain(SECRET).doesNotContain(TOKEN);
        failures.forEach(f -> clean.accept(everything(f)));
        logs.forEach(clean);
        refreshLogs.forEach(clean);

        // The per-call debug line is there, with path, status, request id and attempt.
        assertThat(logs)
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .contains(
                                                "DEBUG",
                                                "/tunnel/list",
                                                "503",
                                                "req-1",
                                                "attempt=1"));
        assertThat(logs)
                .anySatisfy(
                        l -> assertThat(l).contains("/tunnel/list", "200", "req-2", "attempt=2"));
        assertThat(refreshLogs)
                .anySatisfy(l -> assertThat(l).contains("WARN", "Refreshing credentials failed"));
    }
}

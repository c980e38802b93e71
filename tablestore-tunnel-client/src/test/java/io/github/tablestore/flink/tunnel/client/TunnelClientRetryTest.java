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

import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which failures are retried, how often, and for how long; counted at the server. */
class TunnelClientRetryTest {
    private final MockService service;

    TunnelClientRetryTest() throws Exception {
        service = new MockService();
    }

    @AfterEach
    void close() {
        service.close();
    }

    private static TunnelProtos.ReadRecordsResponse records() {
        return TunnelProtos.ReadRecordsResponse.newBuilder().setNextToken("next").build();
    }

    @ParameterizedTest
    @CsvSource({
        "503, OTSTunnelServerUnavailable",
        "503, OTSServerBusy",
        "503, OTSPartitionUnavailable",
        "503, OTSServerUnavailable",
        "503, OTSTimeout",
        "500, OTSInternalServerError",
        "409, OTSRowOperationConflict",
        "403, OTSNotEnoughCapacityUnit",
        "400, OTSTableNotReady",
        "403, OTSQuotaExhausted",
        "502, OTSAnythingWith5xx",
    })
    void retryableErrorsOfIdempotentCallsAreRetried(int status, String code) {
        service.error(status, code, null);
        service.error(status, code, null);
        service.ok(records());
        try (TunnelClient client = service.client()) {
            assertThat(client.readRecords("tid", "cid", "ch", "tok").nextToken()).isEqualTo("next");
        }
        assertThat(service.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void everyIdempotentCallIsRetried() {
        List<Consumer<TunnelClient>> calls =
                List.of(
                        c -> c.listTunnels("t"),
                        c -> c.describeTunnel("t", "n"),
                        c -> c.getCheckpoint("tid", "cid", "ch"),
                        c -> c.readRecords("tid", "cid", "ch", "tok"),
                        c -> c.describeTable("t"),
                        c -> c.describeStreamShards("s"));
        service.error(503, "OTSServerBusy", null);
        service.ok(TunnelProtos.ListTunnelResponse.getDefaultInstance());
        service.error(503, "OTSServerBusy", null);
        service.ok(
                TunnelProtos.DescribeTunnelResponse.newBuilder()
                        .setTunnel(TunnelClientRoundTripTest.tunnelInfo())
                        .build());
        service.error(503, "OTSServerBusy", null);
        service.ok(
                TunnelProtos.GetCheckpointResponse.newBuilder()
                        .setCheckpoint("c")
                        .setSequenceNumber(1)
                        .build());
        service.error(503, "OTSServerBusy", null);
        service.ok(records());
        service.error(503, "OTSServerBusy", null);
        service.ok(TunnelClientRoundTripTest.describeTableResponse());
        service.error(503, "OTSServerBusy", null);
        service.ok(
                TableProtos.DescribeStreamResponse.newBuilder()
                        .setStreamId("s")
                        .setExpirationTime(24)
                        .setTableName("t")
                        .setCreationTime(1)
                        .setStreamStatus(TableProtos.StreamStatus.STREAM_ACTIVE)
                        .build());
        try (TunnelClient client = service.client()) {
            calls.forEach(call -> call.accept(client));
        }
        assertThat(service.server.getRequestCount()).isEqualTo(12);
    }

    @Test
    void nonIdempotentCallsAreNeverRetriedButSayTheyCouldBe() {
        List<Consumer<TunnelClient>> calls =
                List.of(
                        c ->
                                c.createTunnel(
                                        CreateTunnelRequest.builder("t", "n", TunnelType.STREAM)
                                                .build()),
                        c -> c.deleteTunnel("t", "n"),
                        c -> c.connect("tid", 60, null),
                        c -> c.heartbeat("tid", "cid", List.of()),
                        c -> c.shutdown("tid", "cid"),
                        c -> c.checkpoint("tid", "cid", "ch", "tok", 2));
        try (TunnelClient client = service.client()) {
            int expectedRequests = 0;
            for (Consumer<TunnelClient> call : calls) {
                service.error(503, "OTSTunnelServerUnavailable", null);
                TablestoreException e =
                        catchThrowableOfType(TablestoreException.class, () -> call.accept(client));
                expectedRequests++;
                assertThat(e.isRetryable()).isTrue();
                assertThat(service.server.getRequestCount()).isEqualTo(expectedRequests);
            }
        }
    }

    @Test
    void nonIdempotentCallIsNotRetriedAfterANetworkErrorEither() {
        service.server.enqueue(
                new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        service.ok(TunnelProtos.HeartbeatResponse.getDefaultInstance());
        try (TunnelClient client = service.client()) {
            TablestoreException e =
                    catchThrowableOfType(
                            TablestoreException.class,
                            () -> client.heartbeat("tid", "cid", List.of()));
            assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_NETWORK_ERROR);
        }
        assertThat(service.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void nonRetryableErrorsAreThrownAtOnce() {
        service.error(400, "OTSParameterInvalid", "no such tunnel");
        service.ok(records());
        try (TunnelClient client = service.client()) {
            TablestoreException e =
                    catchThrowableOfType(
                            TablestoreException.class,
                            () -> client.readRecords("tid", "cid", "ch", "tok"));
            assertThat(e.errorCode()).isEqualTo("OTSParameterInvalid");
            assertThat(e.isRetryable()).isFalse();
        }
        assertThat(service.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void networkErrorsOfIdempotentCallsAreRetried() {
        service.server.enqueue(
                new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        service.ok(records());
        try (TunnelClient client = service.client()) {
            assertThat(client.readRecords("tid", "cid", "ch", "tok").nextToken()).isEqualTo("next");
        }
        assertThat(service.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void attemptsAreBoundedAndTheLastFailureIsThrown() {
        for (int i = 0; i < 10; i++) {
            service.error(503, "OTSServerBusy", "busy");
        }
        TunnelClientConfig config =
                service.config()
                        .retryPolicy(
                                service.config().build().retryPolicy().toBuilder()
                                        .maxAttempts(3)
                                        .build())
                        .build();
        try (TunnelClient client = TunnelClients.create(config)) {
            TablestoreException e =
                    catchThrowableOfType(TablestoreException.class, () -> client.listTunnels("t"));
            assertThat(e.errorCode()).isEqualTo("OTSServerBusy");
            assertThat(e.requestId()).isEqualTo("req-3");
        }
        assertThat(service.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void noneMeansOneAttempt() {
        service.error(503, "OTSServerBusy", null);
        service.ok(records());
        try (TunnelClient client =
                TunnelClients.create(service.config().retryPolicy(RetryPolicy.none()).build())) {
            catchThrowableOfType(
                    TablestoreException.class, () -> client.readRecords("tid", "cid", "ch", "tok"));
        }
        assertThat(service.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void totalTimeBoundStopsRetryingBeforeTheAttemptBound() {
        for (int i = 0; i < 100; i++) {
            service.error(503, "OTSServerBusy", null);
        }
        // Waits of exactly 100 ms: a 250 ms budget fits at most two of them, so at most 3 attempts.
        RetryPolicy policy =
                RetryPolicy.builder()
                        .maxAttempts(100)
                        .initialBackoff(Duration.ofMillis(100))
                        .maxBackoff(Duration.ofMillis(100))
                        .multiplier(1)
                        .jitter(0)
                        .maxElapsed(Duration.ofMillis(250))
                        .build();
        try (TunnelClient client =
                TunnelClients.create(service.config().retryPolicy(policy).build())) {
            TablestoreException e =
                    catchThrowableOfType(TablestoreException.class, () -> client.listTunnels("t"));
            assertThat(e.errorCode()).isEqualTo("OTSServerBusy");
        }
        assertThat(service.server.getRequestCount()).isBetween(1, 3);
    }

    @Test
    void interruptDuringBackoffEndsTheCallPromptlyAndKeepsTheFlag() throws Exception {
        for (int i = 0; i < 5; i++) {
            service.error(503, "OTSServerBusy", null);
        }
        RetryPolicy slow =
                RetryPolicy.builder()
                        .initialBackoff(Duration.ofMinutes(10))
                        .maxBackoff(Duration.ofMinutes(10))
                        .jitter(0)
                        .maxElapsed(Duration.ofHours(1))
                        .build();
        AtomicReference<TablestoreException> failure = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        try (TunnelClient client =
                TunnelClients.create(service.config().retryPolicy(slow).build())) {
            Thread caller =
                    new Thread(
                            () -> {
                                try {
                                    client.readRecords("tid", "cid", "ch", "tok");
                                } catch (TablestoreException e) {
                                    failure.set(e);
                                    flagAfter.set(Thread.currentThread().isInterrupted());
                                }
                            });
            caller.start();
            service.take(); // the first attempt has reached the server
            caller.interrupt();
            caller.join(Duration.ofSeconds(20).toMillis());
            assertThat(caller.isAlive())
                    .as("the call ended long before its 10-minute backoff")
                    .isFalse();
        }
        assertThat(failure.get().errorCode()).isEqualTo(ErrorCodes.CLIENT_INTERRUPTED);
        assertThat(failure.get().isRetryable()).isFalse();
        assertThat(flagAfter).isTrue();
        assertThat(service.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void alreadyInterruptedThreadMakesNoRequest() {
        service.ok(records());
        try (TunnelClient client = service.client()) {
            Thread.currentThread().interrupt();
            try {
                TablestoreException e =
                        catchThrowableOfType(
                                TablestoreException.class,
                                () -> client.readRecords("tid", "cid", "ch", "tok"));
                assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_INTERRUPTED);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
        assertThat(service.server.getRequestCount()).isZero();
    }
}

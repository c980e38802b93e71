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

import io.github.tablestore.flink.tunnel.client.auth.EnvironmentCredentials;
import io.github.tablestore.flink.tunnel.client.auth.OtsHeaders;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;

import com.google.protobuf.ByteString;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How failed exchanges surface: code, HTTP status, request id and retryability. */
class TunnelClientErrorTest {
    private final MockService service;

    TunnelClientErrorTest() throws Exception {
        service = new MockService();
    }

    @AfterEach
    void close() {
        service.close();
    }

    /** Connect is not idempotent, so each failure arrives after exactly one request. */
    private TablestoreException connectFails(TunnelClientConfig config) {
        try (TunnelClient client = TunnelClients.create(config)) {
            return catchThrowableOfType(
                    TablestoreException.class, () -> client.connect("tid", 60, null));
        }
    }

    private TablestoreException connectFails() {
        return connectFails(service.config().build());
    }

    @ParameterizedTest
    @CsvSource({
        "400, OTSParameterInvalid, false",
        "400, OTSTunnelExpired, false",
        "400, OTSSequenceNumberNotMatch, false",
        "403, OTSPermissionDenied, false",
        "403, OTSAuthFailed, false",
        "409, OTSTunnelExist, false",
        "410, OTSResourceGone, false",
        "503, OTSTunnelServerUnavailable, true",
        "503, OTSServerBusy, true",
        "409, OTSRowOperationConflict, true",
        "403, OTSQuotaExhausted, true",
        "500, OTSSomethingNew, true",
    })
    void errorBodiesMapToCodeStatusRequestIdAndRetryability(
            int status, String code, boolean retryable) {
        service.error(status, code, "details for " + code);
        TablestoreException e = connectFails();
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.hasCode(code)).isTrue();
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.requestId()).isEqualTo("req-1");
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e)
                .hasMessageContaining(code)
                .hasMessageContaining("details for " + code)
                .hasMessageContaining("req-1");
        assertThat(service.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void tunnelErrorWithTunnelIdAndDataPlaneErrorWithDetailBothParse() {
        service.raw(
                400,
                TunnelProtos.Error.newBuilder()
                        .setCode("OTSParameterInvalid")
                        .setMessage("m")
                        .setTunnelId("tid-123")
                        .build()
                        .toByteArray());
        assertThat(connectFails().errorCode()).isEqualTo("OTSParameterInvalid");

        // Data-plane errors carry an embedded message in field 3.
        ByteString detail = TableProtos.Error.newBuilder().setCode("inner").build().toByteString();
        service.raw(
                403,
                TableProtos.Error.newBuilder()
                        .setCode("OTSNoPermissionAccess")
                        .setDetail(detail)
                        .build()
                        .toByteArray());
        assertThat(connectFails().errorCode()).isEqualTo("OTSNoPermissionAccess");
    }

    @Test
    void unreadableErrorBodyIs5xxUnavailableOrElseBadResponse() {
        service.raw(502, "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8));
        TablestoreException gateway = connectFails();
        assertThat(gateway.errorCode()).isEqualTo(ErrorCodes.TUNNEL_SERVER_UNAVAILABLE);
        assertThat(gateway.httpStatus()).isEqualTo(502);
        assertThat(gateway.isRetryable()).isTrue();
        assertThat(gateway.requestId()).isEqualTo("req-1");

        service.raw(404, "<html>not found</html>".getBytes(StandardCharsets.UTF_8));
        TablestoreException notFound = connectFails();
        assertThat(notFound.errorCode()).isEqualTo(ErrorCodes.CLIENT_BAD_RESPONSE);
        assertThat(notFound.httpStatus()).isEqualTo(404);
        assertThat(notFound.isRetryable()).isFalse();

        service.raw(500, new byte[0]);
        assertThat(connectFails().errorCode()).isEqualTo(ErrorCodes.TUNNEL_SERVER_UNAVAILABLE);
    }

    @Test
    void movedEndpointIsReportedNotFollowed() {
        service.server.enqueue(
                new MockResponse.Builder()
                        .code(301)
                        .addHeader("Location", "https://elsewhere.example.com/tunnel/connect")
                        .addHeader(OtsHeaders.REQUEST_ID, "req-moved")
                        .build());
        TablestoreException e = connectFails();
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_ENDPOINT_MOVED);
        assertThat(e.httpStatus()).isEqualTo(301);
        assertThat(e.requestId()).isEqualTo("req-moved");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e)
                .hasMessageContaining("endpoint moved")
                .hasMessageContaining("elsewhere.example.com");
        assertThat(service.server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"302", "303", "307", "308"})
    void everyRedirectIsReportedAsAMovedEndpointNotFollowed(int status) {
        service.server.enqueue(
                new MockResponse.Builder()
                        .code(status)
                        .addHeader("Location", "https://elsewhere.example.com/tunnel/connect")
                        .build());
        TablestoreException e = connectFails();
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_ENDPOINT_MOVED);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e)
                .hasMessageContaining("HTTP " + status)
                .hasMessageContaining("elsewhere.example.com");
        assertThat(service.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void closeCancelsACallInFlightAndItIsNotRetried() throws Exception {
        service.server.enqueue(
                new MockResponse.Builder().code(200).headersDelay(60, TimeUnit.SECONDS).build());
        TunnelClient client = TunnelClients.create(service.config().build());
        CompletableFuture<Throwable> call =
                CompletableFuture.supplyAsync(
                        () ->
                                catchThrowable(
                                        () ->
                                                client.describeTunnel(
                                                        "table", "tunnel"))); // idempotent
        service.server.takeRequest(20, TimeUnit.SECONDS); // the call is in flight
        client.close();
        Throwable failure = call.get(20, TimeUnit.SECONDS); // not 60 s
        assertThat(failure).isNotNull();
        assertThat(service.server.getRequestCount()).isEqualTo(1);
        assertThatThrownBy(() -> client.describeTunnel("table", "tunnel"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void refusedConnectionIsANetworkError() throws Exception {
        String deadEndpoint;
        try (MockWebServer dead = new MockWebServer()) {
            dead.start();
            deadEndpoint = "http://" + dead.getHostName() + ":" + dead.getPort();
        }
        TablestoreException e = connectFails(service.config().endpoint(deadEndpoint).build());
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_NETWORK_ERROR);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.requestId()).isNull();
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void droppedConnectionIsANetworkError() {
        service.server.enqueue(
                new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        TablestoreException e = connectFails();
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_NETWORK_ERROR);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void stalledServerHitsTheReadTimeout() {
        service.server.enqueue(
                new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        TablestoreException e =
                connectFails(service.config().readTimeout(Duration.ofMillis(200)).build());
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_NETWORK_ERROR);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getCause()).isInstanceOf(java.net.SocketTimeoutException.class);
        assertThat(e).hasMessageContaining("timed out");
    }

    @Test
    void stalledBodyHitsTheCallTimeoutWithoutLookingLikeAnInterrupt() {
        service.server.enqueue(
                new MockResponse.Builder()
                        .code(200)
                        .body(new Buffer().write(new byte[64]))
                        .onResponseBody(SocketEffect.Stall.INSTANCE)
                        .build());
        TablestoreException e =
                connectFails(
                        service.config()
                                .readTimeout(Duration.ofSeconds(30))
                                .callTimeout(Duration.ofMillis(300))
                                .build());
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_NETWORK_ERROR);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e).hasMessageContaining("timed out");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void malformedSuccessBodyIsABadResponseWithTheRequestId() {
        service.raw(200, new byte[] {0x0a, 0x7f, 0x01});
        TablestoreException e = connectFails();
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_BAD_RESPONSE);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.requestId()).isEqualTo("req-1");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void successBodyMissingARequiredFieldIsABadResponse() {
        service.ok(TunnelProtos.ConnectResponse.newBuilder().buildPartial());
        TablestoreException e = connectFails();
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_BAD_RESPONSE);
        assertThat(e).hasMessageContaining("client_id");
    }

    @Test
    void failingCredentialsProviderStopsTheCallBeforeAnyRequest() {
        TablestoreException e =
                connectFails(
                        service.config()
                                .credentialsProvider(
                                        () -> {
                                            throw new IllegalStateException("vault sealed");
                                        })
                                .build());
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_CREDENTIALS_ERROR);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getCause()).hasMessage("vault sealed");
        assertThat(service.server.getRequestCount()).isZero();

        assertThat(
                        connectFails(service.config().credentialsProvider(() -> null).build())
                                .errorCode())
                .isEqualTo(ErrorCodes.CLIENT_CREDENTIALS_ERROR);
    }

    @Test
    void credentialsMissingFromTheEnvironmentAreATypedErrorNamingTheVariable() {
        TablestoreException e =
                connectFails(
                        service.config()
                                .credentialsProvider(
                                        EnvironmentCredentials.provider(
                                                Map.of(
                                                                EnvironmentCredentials
                                                                        .ACCESS_KEY_SECRET,
                                                                "s3cr3t-VALUE")
                                                        ::get))
                                .build());
        assertThat(e).isInstanceOf(CredentialsException.class);
        assertThat(((CredentialsException) e).isMissing()).isTrue();
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_CREDENTIALS_ERROR);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e)
                .hasMessageContaining("environment variable TABLESTORE_ACCESS_KEY_ID is not set")
                .hasMessageNotContaining("s3cr3t-VALUE");
        assertThat(service.server.getRequestCount()).isZero();
    }

    @Test
    void credentialsProviderFailingOnIoIsRetryableAndNamedByTypesNotMessages() {
        TablestoreException e =
                connectFails(
                        service.config()
                                .credentialsProvider(
                                        () -> {
                                            throw new UncheckedIOException(
                                                    new ConnectException(
                                                            "sts.example.com refused, key s3cr3t"));
                                        })
                                .build());
        assertThat(e).isInstanceOf(CredentialsException.class);
        assertThat(((CredentialsException) e).isMissing()).isFalse();
        assertThat(e.isRetryable()).isTrue();
        assertThat(e)
                .hasMessageContaining(
                        "java.io.UncheckedIOException caused by java.net.ConnectException")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void tokenThatCannotTravelInAHeaderIsRejectedWithoutQuotingIt() {
        TablestoreException e =
                connectFails(
                        service.config()
                                .credentialsProvider(
                                        io.github.tablestore.flink.tunnel.client.auth
                                                .CredentialsProvider.of(
                                                "id", "sec", "xyz\u00e9-secret"))
                                .build());
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_CREDENTIALS_ERROR);
        assertThat(e).hasMessageContaining("security token").hasMessageNotContaining("xyz");
    }
}

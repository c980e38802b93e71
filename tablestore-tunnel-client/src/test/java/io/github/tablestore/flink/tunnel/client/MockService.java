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

import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.auth.OtsHeaders;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;

import com.google.protobuf.MessageLite;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MockWebServer posing as the service for one test: queued protobuf answers with request ids,
 * and helpers to read and verify what the client sent.
 */
final class MockService implements AutoCloseable {
    static final String AKID = "LTAI-test-id";
    static final String SECRET = "test-SECRET-9f8e7d";
    static final String INSTANCE = "testinst";

    final MockWebServer server = new MockWebServer();
    private final AtomicInteger requestIds = new AtomicInteger();

    MockService() throws IOException {
        server.start();
    }

    String endpoint() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** A config for this server with fast, deterministic retries. */
    TunnelClientConfig.Builder config() {
        return TunnelClientConfig.builder()
                .endpoint(endpoint())
                .instanceName(INSTANCE)
                .credentialsProvider(CredentialsProvider.of(AKID, SECRET))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10))
                .retryPolicy(
                        RetryPolicy.builder()
                                .maxAttempts(5)
                                .initialBackoff(Duration.ofMillis(1))
                                .maxBackoff(Duration.ofMillis(5))
                                .maxElapsed(Duration.ofSeconds(30))
                                .build());
    }

    TunnelClient client() {
        return TunnelClients.create(config().build());
    }

    String nextRequestId() {
        return "req-" + requestIds.incrementAndGet();
    }

    MockResponse.Builder okBuilder(MessageLite message) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader(OtsHeaders.REQUEST_ID, nextRequestId())
                .body(new Buffer().write(message.toByteArray()));
    }

    void ok(MessageLite message) {
        server.enqueue(okBuilder(message).build());
    }

    void error(int status, String code, String message) {
        TableProtos.Error.Builder error = TableProtos.Error.newBuilder().setCode(code);
        if (message != null) {
            error.setMessage(message);
        }
        raw(status, error.build().toByteArray());
    }

    void raw(int status, byte[] body) {
        server.enqueue(
                new MockResponse.Builder()
                        .code(status)
                        .addHeader(OtsHeaders.REQUEST_ID, nextRequestId())
                        .body(new Buffer().write(body))
                        .build());
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    static byte[] body(RecordedRequest r) {
        return r.getBody() == null ? new byte[0] : r.getBody().toByteArray();
    }

    static Map<String, String> headers(RecordedRequest r) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.getHeaders().forEach(p -> headers.put(p.getFirst(), p.getSecond()));
        return headers;
    }

    @Override
    public void close() {
        server.close();
    }
}

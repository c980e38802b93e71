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

package io.github.tablestore.flink.tunnel.emulator.http;

import io.github.tablestore.flink.tunnel.client.auth.TablestoreSignatures;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultSpec;
import io.github.tablestore.flink.tunnel.emulator.testing.RawHttp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's HTTP behaviour seen on the wire: verification, response headers, keep-alive, faults. */
class HttpProtocolTest {
    private static TablestoreEmulator emulator;

    @BeforeAll
    static void start() {
        emulator =
                TablestoreEmulator.builder()
                        .instanceName("inst")
                        .credentials("akid", "secret")
                        .start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static final byte[] EMPTY = new byte[0];

    private static Map<String, String> signed(String path, byte[] body) {
        return RawHttp.signedHeaders(path, body, "inst", "akid", "secret", Instant.now());
    }

    private static RawHttp.Response call(String path, Map<String, String> headers, byte[] body)
            throws Exception {
        try (RawHttp http = new RawHttp(emulator.port())) {
            return http.call("POST", path, headers, body);
        }
    }

    private static TableProtos.Error error(RawHttp.Response r) throws Exception {
        return TableProtos.Error.parseFrom(r.body);
    }

    @Test
    void aSignedRequestGetsASignedResponseWithTheServiceHeaders() throws Exception {
        RawHttp.Response r = call("/ListTable", signed("/ListTable", EMPTY), EMPTY);
        assertThat(r.status).isEqualTo(200);
        assertThat(r.headers)
                .containsKeys("x-ots-requestid", "x-ots-date", "x-ots-contentmd5", "authorization");
        assertThat(r.headers.get("x-ots-contenttype")).isEqualTo("protocol buffer");
        assertThat(r.headers.get("x-ots-contentmd5"))
                .isEqualTo(TablestoreSignatures.contentMd5(r.body));
        assertThat(r.headers.get("x-ots-date"))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        Map<String, String> ots = new LinkedHashMap<>(r.headers);
        ots.remove("authorization");
        assertThat(r.headers.get("authorization"))
                .isEqualTo(
                        "OTS akid:"
                                + TablestoreSignatures.responseSignature(
                                        "/ListTable", ots, "secret"));
        TableProtos.ListTableResponse.parseFrom(r.body);
    }

    @Test
    void verificationFailuresGiveTheDocumentedErrors() throws Exception {
        Map<String, String> badSignature = signed("/ListTable", EMPTY);
        badSignature.put("x-ots-signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertError(call("/ListTable", badSignature, EMPTY), 403, "OTSAuthFailed");

        byte[] body =
                TableProtos.DescribeTableRequest.newBuilder()
                        .setTableName("x")
                        .build()
                        .toByteArray();
        Map<String, String> badMd5 = signed("/DescribeTable", EMPTY); // MD5 of another body
        assertError(call("/DescribeTable", badMd5, body), 403, "OTSAuthFailed");

        Map<String, String> skewed =
                RawHttp.signedHeaders(
                        "/ListTable",
                        EMPTY,
                        "inst",
                        "akid",
                        "secret",
                        Instant.now().minus(Duration.ofMinutes(20)));
        assertError(call("/ListTable", skewed, EMPTY), 403, "OTSAuthFailed");

        Map<String, String> missing = signed("/ListTable", EMPTY);
        missing.remove("x-ots-date");
        assertError(call("/ListTable", missing, EMPTY), 400, "OTSParameterInvalid");

        assertError(
                call(
                        "/ListTable",
                        RawHttp.signedHeaders(
                                "/ListTable", EMPTY, "inst", "unknown", "secret", Instant.now()),
                        EMPTY),
                403,
                "OTSAuthFailed");
        assertError(
                call(
                        "/ListTable",
                        RawHttp.signedHeaders(
                                "/ListTable", EMPTY, "other", "akid", "secret", Instant.now()),
                        EMPTY),
                400,
                "OTSParameterInvalid");

        try (RawHttp http = new RawHttp(emulator.port())) {
            assertError(
                    http.call("GET", "/ListTable", signed("/ListTable", EMPTY), EMPTY),
                    405,
                    "OTSMethodNotAllowed");
        }
        assertError(
                call("/NoSuchApi", signed("/NoSuchApi", EMPTY), EMPTY),
                400,
                "OTSUnsupportOperation");
        assertError(
                call(
                        "/DescribeTable",
                        signed("/DescribeTable", new byte[] {1, 2, 3}),
                        new byte[] {1, 2, 3}),
                400,
                "OTSParameterInvalid");
    }

    private static void assertError(RawHttp.Response r, int status, String code) throws Exception {
        assertThat(r.status).isEqualTo(status);
        assertThat(r.headers).containsKey("x-ots-requestid");
        TableProtos.Error e = error(r);
        assertThat(e.getCode()).isEqualTo(code);
        assertThat(e.hasDetail()).as("error field 3 must never be set").isFalse();
    }

    @Test
    void keepsConnectionsAliveAcrossRequests() throws Exception {
        try (RawHttp http = new RawHttp(emulator.port())) {
            for (int i = 0; i < 3; i++) {
                assertThat(
                                http.call("POST", "/ListTable", signed("/ListTable", EMPTY), EMPTY)
                                        .status)
                        .isEqualTo(200);
            }
            // an error answer keeps the connection too
            Map<String, String> bad = signed("/ListTable", EMPTY);
            bad.put("x-ots-signature", "x");
            assertThat(http.call("POST", "/ListTable", bad, EMPTY).status).isEqualTo(403);
            assertThat(http.call("POST", "/ListTable", signed("/ListTable", EMPTY), EMPTY).status)
                    .isEqualTo(200);
        }
    }

    @Test
    void servesConcurrentRequests() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(
                        pool.submit(
                                () -> {
                                    int ok = 0;
                                    try (RawHttp http = new RawHttp(emulator.port())) {
                                        for (int i = 0; i < 25; i++) {
                                            if (http.call(
                                                                    "POST",
                                                                    "/ListTable",
                                                                    signed("/ListTable", EMPTY),
                                                                    EMPTY)
                                                            .status
                                                    == 200) {
                                                ok++;
                                            }
                                        }
                                    }
                                    return ok;
                                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(25);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void injectedFaultsDropConnectionsOrAnswerErrors() throws Exception {
        emulator.faults().add(FaultSpec.on("ListTable").dropConnection().times(1));
        try (RawHttp http = new RawHttp(emulator.port())) {
            http.send("POST", "/ListTable", signed("/ListTable", EMPTY), EMPTY);
            assertThat(http.closedByServer()).isTrue();
        }
        emulator.faults().add(FaultSpec.on("tunnel/list").tunnelServerUnavailable().times(1));
        byte[] body =
                TunnelProtos.ListTunnelRequest.newBuilder().setTableName("t").build().toByteArray();
        assertError(
                call("/tunnel/list", signed("/tunnel/list", body), body),
                503,
                "OTSTunnelServerUnavailable");
        emulator.faults()
                .add(FaultSpec.on("*").error(500, "OTSInternalServerError", "boom").times(1));
        assertError(
                call("/ListTable", signed("/ListTable", EMPTY), EMPTY),
                500,
                "OTSInternalServerError");
        emulator.faults().add(FaultSpec.on("ListTable").latency(Duration.ofMillis(50)).times(1));
        assertThat(call("/ListTable", signed("/ListTable", EMPTY), EMPTY).status).isEqualTo(200);
        assertThat(emulator.faults().rules()).isEmpty();
        assertThat(emulator.faults().totalFired()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void inflatesCompressedRequestsAndDeflatesResponsesOnRequest() throws Exception {
        byte[] describe =
                TableProtos.DescribeTableRequest.newBuilder()
                        .setTableName("nope")
                        .build()
                        .toByteArray();
        byte[] compressed = deflate(describe);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-ots-request-compress-type", "deflate");
        h.put("x-ots-request-compress-size", Integer.toString(describe.length));
        h.put("x-ots-response-compress-type", "deflate");
        Map<String, String> s = signed("/DescribeTable", compressed);
        h.putAll(s);
        h.put("x-ots-signature", TablestoreSignatures.signV2("/DescribeTable", h, "secret"));
        RawHttp.Response r = call("/DescribeTable", h, compressed);
        // The table does not exist: the request was understood, the error came back deflated.
        assertThat(r.status).isEqualTo(404);
        assertThat(r.headers.get("x-ots-response-compress-type")).isEqualTo("deflate");
        byte[] inflated =
                inflate(r.body, Integer.parseInt(r.headers.get("x-ots-response-compress-size")));
        assertThat(TableProtos.Error.parseFrom(inflated).getCode()).isEqualTo("OTSObjectNotExist");
    }

    private static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[256];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] data, int size) throws Exception {
        Inflater i = new Inflater();
        i.setInput(data);
        byte[] out = new byte[size];
        int n = i.inflate(out);
        i.end();
        assertThat(n).isEqualTo(size);
        return out;
    }
}

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

import io.github.tablestore.flink.tunnel.client.auth.Credentials;
import io.github.tablestore.flink.tunnel.client.auth.OtsHeaders;
import io.github.tablestore.flink.tunnel.client.auth.TablestoreSignatures;
import io.github.tablestore.flink.tunnel.emulator.EmulatorClock;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;

/**
 * Writes an API response with the headers the service sends: {@code x-ots-requestid},
 * {@code x-ots-date} (µs), {@code x-ots-contentmd5}, {@code x-ots-contenttype: protocol buffer}
 * and {@code authorization: OTS <akid>:<signature>}, the response signature the official SDK's
 * data-plane client validates. Deflates the body when the request asked for it.
 */
final class ResponseSender {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final EmulatorClock clock;

    ResponseSender(EmulatorClock clock) {
        this.clock = clock;
    }

    static String newRequestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String hex = String.format("%016x%016x", r.nextLong(), r.nextLong());
        return hex.substring(0, 8)
                + "-"
                + hex.substring(8, 12)
                + "-"
                + hex.substring(12, 16)
                + "-"
                + hex.substring(16, 20)
                + "-"
                + hex.substring(20, 32);
    }

    /**
     * Sends the response and closes the exchange.
     *
     * @param path request path; part of the response signature
     * @param signer credentials to sign with, or {@code null} to send no {@code authorization}
     * @param deflate whether the client asked for a deflated response
     */
    void send(
            HttpExchange exchange,
            int status,
            byte[] body,
            String path,
            Credentials signer,
            boolean deflate)
            throws IOException {
        byte[] payload = body;
        Map<String, String> ots = new LinkedHashMap<>();
        if (deflate && body.length > 0) {
            payload = deflate(body);
            ots.put(OtsHeaders.RESPONSE_COMPRESS_TYPE, OtsHeaders.COMPRESS_DEFLATE);
            ots.put(OtsHeaders.RESPONSE_COMPRESS_SIZE, Integer.toString(body.length));
        }
        ots.put(OtsHeaders.REQUEST_ID, newRequestId());
        ots.put(OtsHeaders.DATE, DATE.format(Instant.ofEpochMilli(clock.millis())));
        ots.put(OtsHeaders.CONTENT_MD5, TablestoreSignatures.contentMd5(payload));
        ots.put(OtsHeaders.CONTENT_TYPE, OtsHeaders.CONTENT_TYPE_PROTOBUF);
        Headers h = exchange.getResponseHeaders();
        for (Map.Entry<String, String> e : ots.entrySet()) {
            h.set(e.getKey(), e.getValue());
        }
        if (signer != null) {
            h.set(
                    OtsHeaders.AUTHORIZATION,
                    TablestoreSignatures.responseAuthorization(
                            signer.accessKeyId(), path, ots, signer.accessKeySecret()));
        }
        h.set("Content-Type", "application/x-protobuf");
        // -1: no body (a length of 0 would mean chunked to the JDK server).
        exchange.sendResponseHeaders(status, payload.length == 0 ? -1 : payload.length);
        if (payload.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(payload);
            }
        }
        exchange.close();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater();
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 2));
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }
}

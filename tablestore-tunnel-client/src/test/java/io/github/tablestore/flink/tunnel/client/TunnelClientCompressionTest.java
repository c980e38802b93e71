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

import io.github.tablestore.flink.tunnel.client.auth.OtsHeaders;
import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;

import com.google.protobuf.ByteString;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Deflated responses, as the service sends them when response compression is requested. */
class TunnelClientCompressionTest {
    private final MockService service;
    private final TunnelClient client;

    TunnelClientCompressionTest() throws Exception {
        service = new MockService();
        client =
                TunnelClients.create(
                        service.config()
                                .responseCompression(true)
                                .retryPolicy(RetryPolicy.none())
                                .build());
    }

    @AfterEach
    void close() {
        client.close();
        service.close();
    }

    static byte[] zlib(byte[] raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater())) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    private void enqueueCompressed(int status, byte[] body, String size) {
        MockResponse.Builder r =
                new MockResponse.Builder()
                        .code(status)
                        .addHeader(OtsHeaders.REQUEST_ID, "req-z")
                        .addHeader(OtsHeaders.RESPONSE_COMPRESS_TYPE, "deflate")
                        .body(new Buffer().write(body));
        if (size != null) {
            r.addHeader(OtsHeaders.RESPONSE_COMPRESS_SIZE, size);
        }
        service.server.enqueue(r.build());
    }

    private static TunnelProtos.ReadRecordsResponse bigResponse() {
        byte[] row = new byte[4096];
        Arrays.fill(row, (byte) 7);
        TunnelProtos.ReadRecordsResponse.Builder b =
                TunnelProtos.ReadRecordsResponse.newBuilder().setNextToken("n");
        for (int i = 0; i < 50; i++) {
            b.addRecords(
                    TunnelProtos.Record.newBuilder()
                            .setActionType(TunnelProtos.ActionType.PUT_ROW)
                            .setRecord(ByteString.copyFrom(row)));
        }
        return b.build();
    }

    @Test
    void deflatedResponseIsInflatedBeforeDecoding() throws Exception {
        TunnelProtos.ReadRecordsResponse response = bigResponse();
        byte[] raw = response.toByteArray();
        byte[] compressed = zlib(raw);
        assertThat(compressed.length).isLessThan(raw.length / 10);
        enqueueCompressed(200, compressed, Integer.toString(raw.length));

        ReadRecordsResult<RawRecord> result = client.readRecords("tid", "cid", "ch", "tok");

        assertThat(result.records()).hasSize(50);
        assertThat(result.responseBytes()).isEqualTo(raw.length);
        assertThat(result.records().get(49).record().remaining()).isEqualTo(4096);
    }

    @Test
    void deflatedErrorBodyIsInflatedToo() throws Exception {
        byte[] raw =
                TableProtos.Error.newBuilder()
                        .setCode("OTSServerBusy")
                        .setMessage("slow down")
                        .build()
                        .toByteArray();
        enqueueCompressed(503, zlib(raw), Integer.toString(raw.length));
        TablestoreException e =
                catchThrowableOfType(
                        TablestoreException.class,
                        () -> client.readRecords("tid", "cid", "ch", "tok"));
        assertThat(e.errorCode()).isEqualTo("OTSServerBusy");
        assertThat(e).hasMessageContaining("slow down");
    }

    @Test
    void corruptOrMislabelledCompressionIsABadResponse() throws Exception {
        byte[] raw = bigResponse().toByteArray();
        byte[] compressed = zlib(raw);
        byte[] corrupt = compressed.clone();
        corrupt[corrupt.length / 2] ^= 0x55;
        enqueueCompressed(200, corrupt, Integer.toString(raw.length));
        enqueueCompressed(200, compressed, null);
        enqueueCompressed(200, compressed, Integer.toString(raw.length - 1));
        enqueueCompressed(200, compressed, Integer.toString(raw.length + 1));
        enqueueCompressed(
                200,
                Arrays.copyOf(compressed, compressed.length / 2),
                Integer.toString(raw.length));
        for (int i = 0; i < 5; i++) {
            TablestoreException e =
                    catchThrowableOfType(
                            TablestoreException.class,
                            () -> client.readRecords("tid", "cid", "ch", "tok"));
            assertThat(e.errorCode()).as("case %d", i).isEqualTo(ErrorCodes.CLIENT_BAD_RESPONSE);
            assertThat(e.requestId()).isEqualTo("req-z");
        }
    }

    @Test
    void unknownCompressionTypeIsABadResponse() {
        service.server.enqueue(
                new MockResponse.Builder()
                        .code(200)
                        .addHeader(OtsHeaders.RESPONSE_COMPRESS_TYPE, "lz4")
                        .addHeader(OtsHeaders.RESPONSE_COMPRESS_SIZE, "3")
                        .body("abc")
                        .build());
        TablestoreException e =
                catchThrowableOfType(
                        TablestoreException.class,
                        () -> client.readRecords("tid", "cid", "ch", "tok"));
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_BAD_RESPONSE);
        assertThat(e).hasMessageContaining("lz4");
    }

    @Test
    void uncompressedAnswerIsAcceptedAlthoughCompressionWasAsked() {
        service.ok(TunnelProtos.ReadRecordsResponse.newBuilder().setNextToken("plain").build());
        assertThat(client.readRecords("tid", "cid", "ch", "tok").nextToken()).isEqualTo("plain");
    }
}

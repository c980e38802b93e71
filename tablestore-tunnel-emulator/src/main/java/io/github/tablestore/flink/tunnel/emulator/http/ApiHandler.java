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
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;
import io.github.tablestore.flink.tunnel.emulator.api.ApiException;
import io.github.tablestore.flink.tunnel.emulator.api.Errors;
import io.github.tablestore.flink.tunnel.emulator.api.Operation;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultDecision;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultSpec;
import io.github.tablestore.flink.tunnel.emulator.fault.Faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Serves the protocol: {@code POST /<Action>} (data plane) and {@code POST /tunnel/<api>}. Order of
 * work per call: read the body, consult the fault injector (delay, replace the answer or drop the
 * connection), authenticate, inflate a compressed body, run the operation, answer. Error bodies
 * carry code and message only (never field 3, which the Java SDK cannot parse).
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Map<String, Operation> operations;
    private final RequestAuthenticator authenticator;
    private final ResponseSender sender;
    private final Faults faults;
    private final Credentials defaultSigner;
    private final int maxBodyBytes;

    ApiHandler(
            Map<String, Operation> operations,
            RequestAuthenticator authenticator,
            ResponseSender sender,
            Faults faults,
            Credentials defaultSigner,
            int maxBodyBytes) {
        this.operations = Map.copyOf(operations);
        this.authenticator = authenticator;
        this.sender = sender;
        this.faults = faults;
        this.defaultSigner = defaultSigner;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String action = path.startsWith("/") ? path.substring(1) : path;
        Map<String, String> headers = lowercase(exchange);
        Credentials signer = authenticator.credentialsFor(headers);
        boolean deflate =
                OtsHeaders.COMPRESS_DEFLATE.equalsIgnoreCase(
                        headers.get(OtsHeaders.RESPONSE_COMPRESS_TYPE));
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                throw Errors.methodNotAllowed("Only POST is allowed.");
            }
            byte[] body = readBody(exchange);
            FaultDecision fault = faults.decide(action);
            boolean corrupt = false;
            if (!fault.isNone()) {
                if (fault.delayMillis() > 0) {
                    sleep(fault.delayMillis());
                }
                FaultSpec f = fault.fault();
                if (f != null) {
                    switch (f.kind()) {
                        case DROP_CONNECTION:
                            // Closing before sending headers closes the socket: no response at all.
                            exchange.close();
                            return;
                        case TUNNEL_SERVER_UNAVAILABLE:
                            throw Errors.tunnelServerUnavailable(
                                    "Injected fault: tunnel server unavailable.");
                        case SERVER_BUSY:
                            throw Errors.serverBusy("Injected fault: server is busy.");
                        case TUNNEL_EXPIRED:
                            throw Errors.tunnelExpired("Injected fault: tunnel expired.");
                        case ERROR:
                            throw new ApiException(
                                    f.errorStatus(), f.errorCode(), f.errorMessage());
                        case CORRUPT_RECORDS:
                            corrupt = true;
                            break;
                        default:
                            break;
                    }
                }
            }
            Credentials caller = authenticator.authenticate(path, headers, body);
            signer = caller;
            body = inflateIfCompressed(headers, body);
            Operation op = operations.get(action);
            if (op == null) {
                throw Errors.unsupportedOperation("Unsupported operation: '" + action + "'.");
            }
            byte[] response = op.handle(body);
            if (corrupt && "tunnel/readrecords".equals(action)) {
                response = corruptRecords(response);
            }
            sender.send(exchange, 200, response, path, signer, deflate);
        } catch (ApiException e) {
            LOG.debug("{} failed: {}", action, e.toString());
            sendError(exchange, e, path, signer, deflate);
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly", action, e);
            sendError(
                    exchange, Errors.internalError("Internal error: " + e), path, signer, deflate);
        }
    }

    /** Flips one byte near the end of every record (inside its last cell or row checksum). */
    private static byte[] corruptRecords(byte[] readRecordsResponse) {
        TunnelProtos.ReadRecordsResponse r;
        try {
            r = TunnelProtos.ReadRecordsResponse.parseFrom(readRecordsResponse);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(
                    "The emulator's own ReadRecords answer does not parse", e);
        }
        TunnelProtos.ReadRecordsResponse.Builder b = r.toBuilder();
        for (int i = 0; i < b.getRecordsCount(); i++) {
            byte[] bytes = b.getRecords(i).getRecord().toByteArray();
            bytes[Math.max(0, bytes.length - 3)] ^= 0x5a;
            b.setRecords(
                    i,
                    b.getRecords(i).toBuilder()
                            .setRecord(com.google.protobuf.ByteString.copyFrom(bytes)));
        }
        return b.build().toByteArray();
    }

    private void sendError(
            HttpExchange exchange, ApiException e, String path, Credentials signer, boolean deflate)
            throws IOException {
        byte[] body =
                TunnelProtos.Error.newBuilder()
                        .setCode(e.errorCode())
                        .setMessage(e.getMessage() == null ? "" : e.getMessage())
                        .build()
                        .toByteArray();
        sender.send(
                exchange,
                e.httpStatus(),
                body,
                path,
                signer == null ? defaultSigner : signer,
                deflate);
    }

    private static Map<String, String> lowercase(HttpExchange exchange) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
            if (e.getKey() != null && !e.getValue().isEmpty()) {
                out.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().get(0));
            }
        }
        return out;
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw Errors.parameterInvalid("Invalid Content-Length.");
            }
            if (declared > maxBodyBytes) {
                throw Errors.bodyTooLarge(
                        "The request body is larger than " + maxBodyBytes + " bytes.");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw Errors.bodyTooLarge(
                        "The request body is larger than " + maxBodyBytes + " bytes.");
            }
            return body;
        }
    }

    private byte[] inflateIfCompressed(Map<String, String> headers, byte[] body) {
        String type = headers.get("x-ots-request-compress-type");
        if (type == null) {
            return body;
        }
        if (!OtsHeaders.COMPRESS_DEFLATE.equalsIgnoreCase(type.trim())) {
            throw Errors.parameterInvalid("Unsupported compress type: " + type + ".");
        }
        int rawSize;
        try {
            rawSize =
                    Integer.parseInt(
                            headers.getOrDefault("x-ots-request-compress-size", "").trim());
        } catch (NumberFormatException e) {
            throw Errors.parameterInvalid("Missing or invalid x-ots-request-compress-size.");
        }
        if (rawSize < 0 || rawSize > maxBodyBytes) {
            throw Errors.bodyTooLarge(
                    "The uncompressed request body is larger than " + maxBodyBytes + " bytes.");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream(rawSize);
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw Errors.parameterInvalid("The compressed request body is truncated.");
                }
                out.write(buf, 0, n);
                if (out.size() > rawSize) {
                    break;
                }
            }
            if (out.size() != rawSize) {
                throw Errors.parameterInvalid(
                        "The request body does not inflate to x-ots-request-compress-size bytes.");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw Errors.parameterInvalid("The compressed request body is corrupt.");
        } finally {
            inflater.end();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // injected latency: the emulator answering slowly on purpose
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

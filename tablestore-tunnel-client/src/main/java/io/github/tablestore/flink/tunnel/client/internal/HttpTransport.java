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

package io.github.tablestore.flink.tunnel.client.internal;

import io.github.tablestore.flink.tunnel.client.CredentialsException;
import io.github.tablestore.flink.tunnel.client.SignatureVersion;
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClientConfig;
import io.github.tablestore.flink.tunnel.client.auth.Credentials;
import io.github.tablestore.flink.tunnel.client.auth.MissingCredentialsException;
import io.github.tablestore.flink.tunnel.client.auth.OtsHeaders;
import io.github.tablestore.flink.tunnel.client.auth.TablestoreSignatures;

import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;

/**
 * One signed HTTP attempt against the service: builds and signs the headers, posts the protobuf
 * body, inflates a compressed response and maps failures to {@link TablestoreException}. Owns the
 * client's OkHttp instance and thus its connection pool. Thread-safe.
 */
final class HttpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private static final DateTimeFormatter OTS_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SIGN_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final TunnelClientConfig config;
    private final HttpUrl endpoint;
    private final OkHttpClient http;
    private final Clock clock;

    HttpTransport(TunnelClientConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.endpoint = HttpUrl.get(config.endpoint());
        OkHttpClient.Builder http =
                new OkHttpClient.Builder()
                        .connectionPool(
                                new ConnectionPool(
                                        config.maxIdleConnections(),
                                        config.keepAlive().toMillis(),
                                        TimeUnit.MILLISECONDS))
                        .connectTimeout(config.connectTimeout())
                        .readTimeout(config.readTimeout())
                        .writeTimeout(config.readTimeout())
                        .callTimeout(config.callTimeout())
                        .socketFactory(new NoDelaySocketFactory())
                        // A redirected POST would be replayed as GET; a 3xx is reported as
                        // "endpoint moved".
                        .followRedirects(false)
                        .followSslRedirects(false);
        if (config.trustManager() != null) {
            http.sslSocketFactory(sslSocketFactory(config.trustManager()), config.trustManager());
        }
        this.http = http.build();
    }

    private static SSLSocketFactory sslSocketFactory(X509TrustManager trustManager) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trustManager}, null);
            return tls.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    /**
     * Posts {@code body} to {@code op}'s path once.
     *
     * @param attempt 1 for the first try of a call, for the log only
     * @throws TablestoreException for any failure: service errors, network errors, bad responses
     */
    WireResponse post(Operation op, byte[] body, int attempt) {
        Credentials credentials = credentials();
        // With request compression the zlib stream is what is sent, signed and MD5-summed.
        byte[] sent = config.requestCompression() ? Deflate.deflate(body) : body;
        int rawSize = config.requestCompression() ? body.length : -1;
        Request request =
                new Request.Builder()
                        .url(endpoint.resolve(op.path()))
                        .headers(
                                okhttp3.Headers.of(
                                        signedHeaders(
                                                op, sent, rawSize, credentials, clock.instant())))
                        .header("User-Agent", config.userAgent())
                        .post(new ProtobufBody(sent, !op.idempotent()))
                        .build();

        long start = System.nanoTime();
        Response response;
        try {
            response = http.newCall(request).execute();
        } catch (IOException e) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            LOG.debug(
                    "POST {} failed attempt={} latency={}ms: {}",
                    op.path(),
                    attempt,
                    millis,
                    e.toString());
            if (Thread.currentThread().isInterrupted()) {
                throw ErrorResponses.interrupted(op, "during the HTTP call", e);
            }
            throw ErrorResponses.network(op, e);
        }
        try (Response r = response) {
            int status = r.code();
            String requestId = r.header(OtsHeaders.REQUEST_ID);
            byte[] bytes;
            try {
                ResponseBody responseBody = r.body();
                bytes = responseBody == null ? new byte[0] : responseBody.bytes();
            } catch (IOException e) {
                LOG.debug(
                        "POST {} -> {} requestId={} attempt={}: reading the body failed: {}",
                        op.path(),
                        status,
                        requestId,
                        attempt,
                        e.toString());
                if (Thread.currentThread().isInterrupted()) {
                    throw ErrorResponses.interrupted(op, "while reading the response", e);
                }
                throw ErrorResponses.networkWhileReading(op, status, requestId, e);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            LOG.debug(
                    "POST {} -> {} requestId={} attempt={} latency={}ms",
                    op.path(),
                    status,
                    requestId,
                    attempt,
                    millis);

            bytes = inflateIfCompressed(op, r, bytes, status, requestId);
            if (status >= 200 && status < 300) {
                return new WireResponse(bytes, requestId, status);
            }
            if (status >= 300 && status < 400) {
                // Redirects are not followed (see the constructor): whatever the 3xx, the
                // instance is to be reached at another endpoint.
                throw ErrorResponses.endpointMoved(status, r.header("Location"), requestId);
            }
            throw ErrorResponses.fromErrorResponse(status, bytes, requestId);
        }
    }

    private Credentials credentials() {
        Credentials credentials;
        try {
            credentials = config.credentialsProvider().credentials();
        } catch (MissingCredentialsException e) {
            throw CredentialsException.missing(e);
        } catch (RuntimeException e) {
            // The provider's exception is kept as the cause; our message names only its type.
            throw CredentialsException.providerFailed(e);
        }
        if (credentials == null) {
            throw CredentialsException.unusable("the credentials provider returned null");
        }
        // Checked here because OkHttp's own header check would quote the offending value.
        requireHeaderSafe(credentials.accessKeyId(), "access key id");
        if (credentials.hasSecurityToken()) {
            requireHeaderSafe(credentials.securityToken(), "security token");
        }
        return credentials;
    }

    private static void requireHeaderSafe(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw CredentialsException.unusable(
                        "the "
                                + what
                                + " has a character at index "
                                + i
                                + " that cannot be sent in an HTTP header");
            }
        }
    }

    /** All x-ots headers of a request, signature included. Package-private for tests. */
    Map<String, String> signedHeaders(
            Operation op, byte[] body, Credentials credentials, Instant now) {
        return signedHeaders(op, body, -1, credentials, now);
    }

    /**
     * @param body the bytes as sent (compressed when {@code rawSize} is not negative)
     * @param rawSize the uncompressed length of a deflated body, -1 for a plain one
     */
    Map<String, String> signedHeaders(
            Operation op, byte[] body, int rawSize, Credentials credentials, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(OtsHeaders.DATE, OTS_DATE.format(now));
        headers.put(OtsHeaders.API_VERSION, OtsHeaders.API_VERSION_VALUE);
        headers.put(OtsHeaders.ACCESS_KEY_ID, credentials.accessKeyId());
        headers.put(OtsHeaders.INSTANCE_NAME, config.instanceName());
        headers.put(OtsHeaders.CONTENT_MD5, TablestoreSignatures.contentMd5(body));
        if (credentials.hasSecurityToken()) {
            headers.put(OtsHeaders.STS_TOKEN, credentials.securityToken());
        }
        if (rawSize >= 0) {
            headers.put(OtsHeaders.REQUEST_COMPRESS_TYPE, OtsHeaders.COMPRESS_DEFLATE);
            headers.put(OtsHeaders.REQUEST_COMPRESS_SIZE, Integer.toString(rawSize));
        }
        if (config.responseCompression()) {
            headers.put(OtsHeaders.RESPONSE_COMPRESS_TYPE, OtsHeaders.COMPRESS_DEFLATE);
        }
        if (config.signatureVersion() == SignatureVersion.V4) {
            String signDate = SIGN_DATE.format(now);
            headers.put(OtsHeaders.SIGN_DATE, signDate);
            headers.put(OtsHeaders.SIGN_REGION, config.region());
            headers.put(
                    OtsHeaders.SIGNATURE_V4,
                    TablestoreSignatures.signV4(
                            op.path(),
                            headers,
                            credentials.accessKeySecret(),
                            signDate,
                            config.region()));
        } else {
            headers.put(
                    OtsHeaders.SIGNATURE,
                    TablestoreSignatures.signV2(op.path(), headers, credentials.accessKeySecret()));
        }
        return headers;
    }

    private static byte[] inflateIfCompressed(
            Operation op, Response r, byte[] bytes, int status, String requestId) {
        String type = r.header(OtsHeaders.RESPONSE_COMPRESS_TYPE);
        if (type == null) {
            return bytes;
        }
        if (!OtsHeaders.COMPRESS_DEFLATE.equalsIgnoreCase(type.trim())) {
            throw ErrorResponses.badResponse(
                    op, status, requestId, "unknown response compression '" + type + "'", null);
        }
        String size = r.header(OtsHeaders.RESPONSE_COMPRESS_SIZE);
        int rawSize;
        try {
            rawSize = Integer.parseInt(size == null ? "" : size.trim());
        } catch (NumberFormatException e) {
            throw ErrorResponses.badResponse(
                    op,
                    status,
                    requestId,
                    "compressed response without a valid "
                            + OtsHeaders.RESPONSE_COMPRESS_SIZE
                            + ": "
                            + size,
                    null);
        }
        try {
            return Deflate.inflate(bytes, rawSize);
        } catch (DataFormatException e) {
            throw ErrorResponses.badResponse(
                    op, status, requestId, "corrupt compressed response: " + e.getMessage(), e);
        }
    }

    @Override
    /** Cancels the calls in flight (they fail at once) and drops idle connections. */
    public void close() {
        http.dispatcher().cancelAll();
        http.connectionPool().evictAll();
    }

    /**
     * The serialized request. Non-idempotent calls are one-shot so OkHttp never silently resends
     * them after a failure mid-exchange.
     */
    private static final class ProtobufBody extends RequestBody {
        private final byte[] bytes;
        private final boolean oneShot;

        ProtobufBody(byte[] bytes, boolean oneShot) {
            this.bytes = bytes;
            this.oneShot = oneShot;
        }

        @Override
        public MediaType contentType() {
            return null;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }

        @Override
        public boolean isOneShot() {
            return oneShot;
        }
    }
}

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

package io.github.tablestore.flink.tunnel.source.config;

import io.github.tablestore.flink.tunnel.client.RetryPolicy;
import io.github.tablestore.flink.tunnel.client.TunnelClientConfig;

import org.apache.flink.annotation.Internal;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP client's timeouts, retries and request compression ({@code tunnel.client.*}), shipped
 * with the source to every JVM that builds a client. Validated by the source builder.
 */
@Internal
public final class ClientSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The client's own whole-call timeout; raised when connect plus socket timeout exceed it. */
    private static final Duration MIN_CALL_TIMEOUT = Duration.ofSeconds(60);

    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final int retryMaxAttempts;
    private final Duration retryTimeout;
    private final boolean requestCompression;

    public ClientSettings(
            Duration connectTimeout,
            Duration socketTimeout,
            int retryMaxAttempts,
            Duration retryTimeout,
            boolean requestCompression) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.socketTimeout = Objects.requireNonNull(socketTimeout, "socketTimeout");
        this.retryMaxAttempts = retryMaxAttempts;
        this.retryTimeout = Objects.requireNonNull(retryTimeout, "retryTimeout");
        this.requestCompression = requestCompression;
    }

    /** The client's defaults: 30 s connect and socket timeouts, 10 attempts within 60 s. */
    public static ClientSettings defaults() {
        RetryPolicy retry = RetryPolicy.defaults();
        return new ClientSettings(
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                retry.maxAttempts(),
                retry.maxElapsed(),
                false);
    }

    /** The same settings with {@code maxAttempts} attempts per call. */
    public ClientSettings withRetryMaxAttempts(int maxAttempts) {
        return new ClientSettings(
                connectTimeout, socketTimeout, maxAttempts, retryTimeout, requestCompression);
    }

    /** Sets these settings on a client configuration. */
    TunnelClientConfig.Builder applyTo(TunnelClientConfig.Builder b) {
        Duration call = connectTimeout.plus(socketTimeout);
        return b.connectTimeout(connectTimeout)
                .readTimeout(socketTimeout)
                .callTimeout(call.compareTo(MIN_CALL_TIMEOUT) > 0 ? call : MIN_CALL_TIMEOUT)
                .retryPolicy(
                        RetryPolicy.defaults().toBuilder()
                                .maxAttempts(retryMaxAttempts)
                                .maxElapsed(retryTimeout)
                                .build())
                .requestCompression(requestCompression);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration socketTimeout() {
        return socketTimeout;
    }

    public int retryMaxAttempts() {
        return retryMaxAttempts;
    }

    public Duration retryTimeout() {
        return retryTimeout;
    }

    public boolean requestCompression() {
        return requestCompression;
    }

    @Override
    public String toString() {
        return "ClientSettings{connectTimeout="
                + connectTimeout
                + ", socketTimeout="
                + socketTimeout
                + ", retry="
                + retryMaxAttempts
                + " attempts within "
                + retryTimeout
                + ", requestCompression="
                + requestCompression
                + "}";
    }
}

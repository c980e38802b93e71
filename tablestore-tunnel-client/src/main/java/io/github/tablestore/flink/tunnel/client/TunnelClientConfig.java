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

import javax.net.ssl.X509TrustManager;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * Everything a {@link TunnelClient} needs: where the instance is, how to authenticate, timeouts,
 * retries and connection pooling. Immutable; build with {@link #builder()}. {@link #toString()}
 * never shows secrets.
 */
public final class TunnelClientConfig {
    /** Default User-Agent header. */
    public static final String DEFAULT_USER_AGENT = "tablestore-flink-tunnel-client";

    private final String endpoint;
    private final String instanceName;
    private final CredentialsProvider credentialsProvider;
    private final SignatureVersion signatureVersion;
    private final String region;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retryPolicy;
    private final boolean responseCompression;
    private final boolean requestCompression;
    private final String userAgent;
    private final int maxIdleConnections;
    private final Duration keepAlive;
    private final X509TrustManager trustManager;

    private TunnelClientConfig(Builder b) {
        this.endpoint = b.endpoint;
        this.instanceName = b.instanceName;
        this.credentialsProvider = b.credentialsProvider;
        this.signatureVersion = b.signatureVersion;
        this.region = b.region;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.retryPolicy = b.retryPolicy;
        this.responseCompression = b.responseCompression;
        this.requestCompression = b.requestCompression;
        this.userAgent = b.userAgent;
        this.maxIdleConnections = b.maxIdleConnections;
        this.keepAlive = b.keepAlive;
        this.trustManager = b.trustManager;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@code http(s)://host[:port]}, without a trailing slash. */
    public String endpoint() {
        return endpoint;
    }

    public String instanceName() {
        return instanceName;
    }

    public CredentialsProvider credentialsProvider() {
        return credentialsProvider;
    }

    public SignatureVersion signatureVersion() {
        return signatureVersion;
    }

    /** The region V4 signatures are scoped to; {@code null} unless set. */
    public String region() {
        return region;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Longest wait for the next bytes of a response (also used while sending the request). */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Longest time of one HTTP attempt as a whole, connect to last byte. */
    public Duration callTimeout() {
        return callTimeout;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Whether the client asks the service to deflate response bodies. */
    public boolean responseCompression() {
        return responseCompression;
    }

    /** Whether the client deflates request bodies. */
    public boolean requestCompression() {
        return requestCompression;
    }

    public String userAgent() {
        return userAgent;
    }

    public int maxIdleConnections() {
        return maxIdleConnections;
    }

    /** How long an idle pooled connection is kept. */
    public Duration keepAlive() {
        return keepAlive;
    }

    /** The trust manager for HTTPS, or {@code null} for the JVM's default trust store. */
    public X509TrustManager trustManager() {
        return trustManager;
    }

    @Override
    public String toString() {
        return "TunnelClientConfig{endpoint="
                + endpoint
                + ", instanceName="
                + instanceName
                + ", credentials="
                + credentialsProvider
                + ", signature="
                + signatureVersion
                + (region != null ? ", region=" + region : "")
                + ", connectTimeout="
                + connectTimeout
                + ", readTimeout="
                + readTimeout
                + ", callTimeout="
                + callTimeout
                + ", retryPolicy="
                + retryPolicy
                + ", responseCompression="
                + responseCompression
                + ", requestCompression="
                + requestCompression
                + ", userAgent="
                + userAgent
                + ", maxIdleConnections="
                + maxIdleConnections
                + ", keepAlive="
                + keepAlive
                + (trustManager != null ? ", customTrust" : "")
                + "}";
    }

    /** Builder of {@link TunnelClientConfig}. Endpoint, instance name and credentials are required. */
    public static final class Builder {
        private String endpoint;
        private String instanceName;
        private CredentialsProvider credentialsProvider;
        private SignatureVersion signatureVersion = SignatureVersion.V2;
        private String region;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean responseCompression;
        private boolean requestCompression;
        private String userAgent = DEFAULT_USER_AGENT;
        private int maxIdleConnections = 5;
        private Duration keepAlive = Duration.ofMinutes(5);
        private X509TrustManager trustManager;

        private Builder() {}

        private Builder(TunnelClientConfig c) {
            this.endpoint = c.endpoint;
            this.instanceName = c.instanceName;
            this.credentialsProvider = c.credentialsProvider;
            this.signatureVersion = c.signatureVersion;
            this.region = c.region;
            this.connectTimeout = c.connectTimeout;
            this.readTimeout = c.readTimeout;
            this.callTimeout = c.callTimeout;
            this.retryPolicy = c.retryPolicy;
            this.responseCompression = c.responseCompression;
            this.requestCompression = c.requestCompression;
            this.userAgent = c.userAgent;
            this.maxIdleConnections = c.maxIdleConnections;
            this.keepAlive = c.keepAlive;
            this.trustManager = c.trustManager;
        }

        /** The instance's endpoint, e.g. {@code https://myinstance.cn-hangzhou.ots.aliyuncs.com}. */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder instanceName(String instanceName) {
            this.instanceName = instanceName;
            return this;
        }

        public Builder credentialsProvider(CredentialsProvider credentialsProvider) {
            this.credentialsProvider = credentialsProvider;
            return this;
        }

        /** V2 (default) or V4; V4 also needs {@link #region(String)}. */
        public Builder signatureVersion(SignatureVersion signatureVersion) {
            this.signatureVersion = signatureVersion;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Shorthand for V4 signatures scoped to {@code region}. */
        public Builder signatureV4(String region) {
            this.signatureVersion = SignatureVersion.V4;
            this.region = region;
            return this;
        }

        /** Default 30 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Default 30 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** Default 60 s. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /** Default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** Ask the service to deflate responses. Default off. */
        public Builder responseCompression(boolean enabled) {
            this.responseCompression = enabled;
            return this;
        }

        /**
         * Deflate request bodies (headers {@code x-ots-request-compress-type: deflate} and {@code
         * x-ots-request-compress-size}). Saves upstream bytes only: tunnel requests are small, the
         * data comes in responses (see {@link #responseCompression(boolean)}). Default off.
         */
        public Builder requestCompression(boolean enabled) {
            this.requestCompression = enabled;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Idle connections kept in the client's pool. Default 5. */
        public Builder maxIdleConnections(int maxIdleConnections) {
            this.maxIdleConnections = maxIdleConnections;
            return this;
        }

        /** How long idle connections are kept. Default 5 minutes. */
        public Builder keepAlive(Duration keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        /**
         * Trust HTTPS servers whose certificates this trust manager accepts (e.g. a private CA),
         * instead of the JVM's default trust store. {@code null} restores the default.
         */
        public Builder trustManager(X509TrustManager trustManager) {
            this.trustManager = trustManager;
            return this;
        }

        /**
         * Checks every setting and builds the configuration.
         *
         * @throws IllegalArgumentException naming the first bad setting
         */
        public TunnelClientConfig build() {
            endpoint = normalizeEndpoint(endpoint);
            instanceName = headerText(instanceName, "instanceName");
            if (credentialsProvider == null) {
                throw new IllegalArgumentException("credentialsProvider is required");
            }
            if (signatureVersion == null) {
                throw new IllegalArgumentException("signatureVersion must not be null");
            }
            if (signatureVersion == SignatureVersion.V4) {
                region = headerText(region, "region (required for V4 signatures)");
            } else if (region != null) {
                region = headerText(region, "region");
            }
            positive(connectTimeout, "connectTimeout");
            positive(readTimeout, "readTimeout");
            positive(callTimeout, "callTimeout");
            if (retryPolicy == null) {
                throw new IllegalArgumentException(
                        "retryPolicy must not be null (use RetryPolicy.none())");
            }
            userAgent = headerText(userAgent, "userAgent");
            if (maxIdleConnections < 0) {
                throw new IllegalArgumentException(
                        "maxIdleConnections must not be negative: " + maxIdleConnections);
            }
            positive(keepAlive, "keepAlive");
            return new TunnelClientConfig(this);
        }

        private static String normalizeEndpoint(String endpoint) {
            if (endpoint == null || endpoint.trim().isEmpty()) {
                throw new IllegalArgumentException("endpoint is required");
            }
            URI uri;
            try {
                uri = new URI(endpoint.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("endpoint is not a valid URL: " + endpoint, e);
            }
            String scheme =
                    uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException(
                        "endpoint must start with http:// or https://: " + endpoint);
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("endpoint has no host: " + endpoint);
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("endpoint must not contain user info");
            }
            String path = uri.getRawPath();
            if ((path != null && !path.isEmpty() && !path.equals("/"))
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(
                        "endpoint must be scheme://host[:port] without path, query or fragment: "
                                + endpoint);
            }
            return scheme + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        }

        /** A value that will travel in an HTTP header: non-blank printable ASCII. */
        private static String headerText(String value, String name) {
            if (value == null || value.trim().isEmpty()) {
                throw new IllegalArgumentException(name + " must not be null or blank");
            }
            String v = value.trim();
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException(name + " must be printable ASCII: " + v);
                }
            }
            return v;
        }

        private static void positive(Duration d, String name) {
            if (d == null) {
                throw new IllegalArgumentException(name + " must not be null");
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
        }
    }
}

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

package io.github.tablestore.flink.tunnel.client.model;

import java.util.Objects;

/**
 * What CreateTunnel needs: table, tunnel name, type and, for tunnels with a stream part, where
 * the stream starts and optionally ends. Times are milliseconds since the epoch (the wire carries
 * nanoseconds). Immutable; build with {@link #builder(String, String, TunnelType)}.
 */
public final class CreateTunnelRequest {
    /** Where a stream tunnel starts when no start time is given. */
    public enum StreamStart {
        /** Changes from the tunnel's creation on. */
        LATEST,
        /** The oldest change the stream log still holds. */
        EARLIEST
    }

    private final String tableName;
    private final String tunnelName;
    private final TunnelType type;
    private final StreamStart streamStart;
    private final long streamStartMillis;
    private final long streamEndMillis;
    private final StreamRecordOptions streamRecordOptions;

    private CreateTunnelRequest(Builder b) {
        this.tableName = b.tableName;
        this.tunnelName = b.tunnelName;
        this.type = b.type;
        this.streamStart = b.streamStart;
        this.streamStartMillis = b.streamStartMillis;
        this.streamEndMillis = b.streamEndMillis;
        this.streamRecordOptions = b.streamRecordOptions;
    }

    public static Builder builder(String tableName, String tunnelName, TunnelType type) {
        return new Builder(tableName, tunnelName, type);
    }

    public String tableName() {
        return tableName;
    }

    public String tunnelName() {
        return tunnelName;
    }

    public TunnelType type() {
        return type;
    }

    /** Used when {@link #streamStartMillis()} is 0. */
    public StreamStart streamStart() {
        return streamStart;
    }

    /** Stream start time in ms since the epoch, 0 when unset. */
    public long streamStartMillis() {
        return streamStartMillis;
    }

    /** Stream end time in ms since the epoch, 0 when the stream has no end. */
    public long streamEndMillis() {
        return streamEndMillis;
    }

    /** The images the stream records are to carry, {@code null} for the service's default. */
    public StreamRecordOptions streamRecordOptions() {
        return streamRecordOptions;
    }

    @Override
    public String toString() {
        return "CreateTunnelRequest{table="
                + tableName
                + ", tunnel="
                + tunnelName
                + ", type="
                + type
                + ", streamStart="
                + (streamStartMillis > 0 ? streamStartMillis + "ms" : streamStart)
                + (streamEndMillis > 0 ? ", streamEnd=" + streamEndMillis + "ms" : "")
                + (streamRecordOptions != null ? ", " + streamRecordOptions : "")
                + "}";
    }

    /** Builder of {@link CreateTunnelRequest}. */
    public static final class Builder {
        private final String tableName;
        private final String tunnelName;
        private final TunnelType type;
        private StreamStart streamStart = StreamStart.LATEST;
        private long streamStartMillis;
        private long streamEndMillis;
        private StreamRecordOptions streamRecordOptions;

        private Builder(String tableName, String tunnelName, TunnelType type) {
            this.tableName = Objects.requireNonNull(tableName, "tableName");
            this.tunnelName = Objects.requireNonNull(tunnelName, "tunnelName");
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder streamStart(StreamStart start) {
            this.streamStart = Objects.requireNonNull(start, "start");
            return this;
        }

        public Builder streamStartMillis(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("stream start must not be negative: " + millis);
            }
            this.streamStartMillis = millis;
            return this;
        }

        public Builder streamEndMillis(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("stream end must not be negative: " + millis);
            }
            this.streamEndMillis = millis;
            return this;
        }

        /** Ignored for BASE_DATA tunnels, which have no stream records. */
        public Builder streamRecordOptions(StreamRecordOptions options) {
            this.streamRecordOptions = options;
            return this;
        }

        public CreateTunnelRequest build() {
            if (streamEndMillis > 0
                    && streamStartMillis > 0
                    && streamEndMillis <= streamStartMillis) {
                throw new IllegalArgumentException(
                        "stream end ("
                                + streamEndMillis
                                + ") must be after stream start ("
                                + streamStartMillis
                                + ")");
            }
            return new CreateTunnelRequest(this);
        }
    }
}

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

import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.StreamRange;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.plainbuffer.ColumnFilter;
import io.github.tablestore.flink.tunnel.source.StreamRowImages;
import io.github.tablestore.flink.tunnel.source.StreamStartMode;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.Boundedness;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the enumerator and the readers need, validated by the builder. Serializable and
 * immutable; {@code toString} shows no secret (the client factory masks its own).
 */
@Internal
public final class TunnelSourceConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TunnelClientFactory clientFactory;
    private final String tableName;
    private final String tunnelName;
    private final TunnelType tunnelType;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    private final String clientTag;
    private final Duration commitInterval;
    private final Duration readMaxBackoff;
    private final int maxParallelChannels;
    private final StreamStartMode streamStart;
    private final Long streamStartMillis;
    private final Long streamEndMillis;

    /** Whether the stream start or end was set explicitly (then an existing tunnel must match). */
    private final boolean streamRangeConfigured;

    /** Attribute columns to decode, or null for all of them. */
    private final List<String> attributeColumns;

    private final StreamRowImages streamRowImages;

    private TunnelSourceConfig(Builder b) {
        this.clientFactory = Objects.requireNonNull(b.clientFactory, "clientFactory");
        this.tableName = Objects.requireNonNull(b.tableName, "tableName");
        this.tunnelName = Objects.requireNonNull(b.tunnelName, "tunnelName");
        this.tunnelType = Objects.requireNonNull(b.tunnelType, "tunnelType");
        this.heartbeatInterval = Objects.requireNonNull(b.heartbeatInterval, "heartbeatInterval");
        this.heartbeatTimeout = Objects.requireNonNull(b.heartbeatTimeout, "heartbeatTimeout");
        this.clientTag = Objects.requireNonNull(b.clientTag, "clientTag");
        this.commitInterval = Objects.requireNonNull(b.commitInterval, "commitInterval");
        this.readMaxBackoff = Objects.requireNonNull(b.readMaxBackoff, "readMaxBackoff");
        this.maxParallelChannels = b.maxParallelChannels;
        this.streamStart = Objects.requireNonNull(b.streamStart, "streamStart");
        this.streamStartMillis = b.streamStartMillis;
        this.streamEndMillis = b.streamEndMillis;
        this.streamRangeConfigured = b.streamRangeConfigured;
        this.attributeColumns = b.attributeColumns == null ? null : List.copyOf(b.attributeColumns);
        this.streamRowImages = b.streamRowImages;
    }

    /**
     * A config reading {@code tableName}/{@code tunnelName}; every other setting must be set on
     * the builder. Values are validated by {@code TunnelSourceBuilder}, which is the way users
     * build one; this one only checks that nothing is missing.
     */
    public static Builder builder(
            TunnelClientFactory clientFactory,
            String tableName,
            String tunnelName,
            TunnelType tunnelType) {
        return new Builder(clientFactory, tableName, tunnelName, tunnelType);
    }

    /** Settings of a {@link TunnelSourceConfig}; not thread-safe. */
    public static final class Builder {
        private final TunnelClientFactory clientFactory;
        private final String tableName;
        private final String tunnelName;
        private final TunnelType tunnelType;
        private Duration heartbeatInterval;
        private Duration heartbeatTimeout;
        private String clientTag;
        private Duration commitInterval;
        private Duration readMaxBackoff;
        private int maxParallelChannels;
        private StreamStartMode streamStart;
        private Long streamStartMillis;
        private Long streamEndMillis;
        private boolean streamRangeConfigured;
        private List<String> attributeColumns;
        private StreamRowImages streamRowImages = StreamRowImages.NONE;

        private Builder(
                TunnelClientFactory clientFactory,
                String tableName,
                String tunnelName,
                TunnelType tunnelType) {
            this.clientFactory = clientFactory;
            this.tableName = tableName;
            this.tunnelName = tunnelName;
            this.tunnelType = tunnelType;
        }

        public Builder heartbeat(Duration interval, Duration timeout) {
            this.heartbeatInterval = interval;
            this.heartbeatTimeout = timeout;
            return this;
        }

        public Builder clientTag(String clientTag) {
            this.clientTag = clientTag;
            return this;
        }

        public Builder commitInterval(Duration commitInterval) {
            this.commitInterval = commitInterval;
            return this;
        }

        public Builder readMaxBackoff(Duration readMaxBackoff) {
            this.readMaxBackoff = readMaxBackoff;
            return this;
        }

        public Builder maxParallelChannels(int maxParallelChannels) {
            this.maxParallelChannels = maxParallelChannels;
            return this;
        }

        /** Where a Stream tunnel created by the source starts and (null: never) ends. */
        public Builder stream(StreamStartMode start, Long startMillis, Long endMillis) {
            this.streamStart = start;
            this.streamStartMillis = startMillis;
            this.streamEndMillis = endMillis;
            return this;
        }

        /**
         * Whether {@link #stream} holds what the user asked for (then an existing Stream tunnel
         * must have been created with it) rather than defaults.
         */
        public Builder streamRangeConfigured(boolean configured) {
            this.streamRangeConfigured = configured;
            return this;
        }

        /** The attribute columns the readers decode (projection push-down), or null for all. */
        public Builder streamRowImages(StreamRowImages images) {
            this.streamRowImages = Objects.requireNonNull(images, "images");
            return this;
        }

        public Builder attributeColumns(List<String> attributeColumns) {
            this.attributeColumns = attributeColumns;
            return this;
        }

        public TunnelSourceConfig build() {
            return new TunnelSourceConfig(this);
        }
    }

    public TunnelClientFactory clientFactory() {
        return clientFactory;
    }

    public String tableName() {
        return tableName;
    }

    public String tunnelName() {
        return tunnelName;
    }

    public TunnelType tunnelType() {
        return tunnelType;
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    public String clientTag() {
        return clientTag;
    }

    public Duration commitInterval() {
        return commitInterval;
    }

    public Duration readMaxBackoff() {
        return readMaxBackoff;
    }

    public int maxParallelChannels() {
        return maxParallelChannels;
    }

    public StreamStartMode streamStart() {
        return streamStart;
    }

    /** Stream start in ms since the epoch with {@link StreamStartMode#TIMESTAMP}, else null. */
    public Long streamStartMillis() {
        return streamStartMillis;
    }

    /** Stream end in ms since the epoch, or null for an endless stream. */
    public Long streamEndMillis() {
        return streamEndMillis;
    }

    /** Whether the stream start or end was configured, not defaulted. */
    public boolean streamRangeConfigured() {
        return streamRangeConfigured;
    }

    /** The stream start and end a Stream tunnel created by the source gets. */
    public StreamRange streamRange() {
        return new StreamRange(
                streamStart == StreamStartMode.EARLIEST
                        ? CreateTunnelRequest.StreamStart.EARLIEST
                        : CreateTunnelRequest.StreamStart.LATEST,
                streamStart == StreamStartMode.TIMESTAMP && streamStartMillis != null
                        ? streamStartMillis
                        : 0L,
                streamEndMillis == null ? 0L : streamEndMillis);
    }

    /** The attribute columns the readers decode, or null for all of them. */
    public List<String> attributeColumns() {
        return attributeColumns;
    }

    /** The full row images the tunnel's stream records must carry. */
    public StreamRowImages streamRowImages() {
        return streamRowImages;
    }

    /** What the readers' decoders materialize: {@link #attributeColumns()} or everything. */
    public ColumnFilter columnFilter() {
        return attributeColumns == null ? ColumnFilter.all() : ColumnFilter.of(attributeColumns);
    }

    /**
     * A base-data tunnel ends when the full scan is done, a stream tunnel with an end when it
     * reaches the end; anything else runs forever.
     */
    public Boundedness boundedness() {
        if (tunnelType == TunnelType.BASE_DATA || streamEndMillis != null) {
            return Boundedness.BOUNDED;
        }
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    /** The request that creates the tunnel when it does not exist yet. */
    public CreateTunnelRequest createTunnelRequest() {
        CreateTunnelRequest.Builder b =
                CreateTunnelRequest.builder(tableName, tunnelName, tunnelType);
        if (tunnelType == TunnelType.STREAM) {
            switch (streamStart) {
                case EARLIEST:
                    b.streamStart(CreateTunnelRequest.StreamStart.EARLIEST);
                    break;
                case TIMESTAMP:
                    b.streamStartMillis(streamStartMillis);
                    break;
                case LATEST:
                default:
                    b.streamStart(CreateTunnelRequest.StreamStart.LATEST);
                    break;
            }
            if (streamEndMillis != null) {
                b.streamEndMillis(streamEndMillis);
            }
        }
        if (tunnelType != TunnelType.BASE_DATA) {
            b.streamRecordOptions(streamRowImages.toStreamRecordOptions());
        }
        return b.build();
    }

    /** "tunnel 'x' of table 't' (instance ...)" for messages. */
    public String describeTunnel() {
        return "tunnel '"
                + tunnelName
                + "' of table '"
                + tableName
                + "' ("
                + clientFactory.describeTarget()
                + ")";
    }

    @Override
    public String toString() {
        return "TunnelSourceConfig{"
                + describeTunnel()
                + ", type="
                + tunnelType
                + ", heartbeat="
                + heartbeatInterval
                + "/"
                + heartbeatTimeout
                + ", clientTag="
                + clientTag
                + ", commitInterval="
                + commitInterval
                + ", readMaxBackoff="
                + readMaxBackoff
                + ", maxParallelChannels="
                + maxParallelChannels
                + ", streamStart="
                + streamStart
                + (streamStartMillis != null ? "@" + streamStartMillis : "")
                + (streamEndMillis != null ? ", streamEnd=" + streamEndMillis : "")
                + (attributeColumns != null ? ", attributeColumns=" + attributeColumns : "")
                + (streamRowImages != StreamRowImages.NONE ? ", rowImages=" + streamRowImages : "")
                + "}";
    }
}

package io.github.tablestore.flink.tunnel.source.config;

import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.plainbuffer.ColumnFilter;
import io.github.tablestore.flink.tunnel.source.StreamStartMode;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.Boundedness;

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
    /** Attribute columns to decode, or null for all of them. */
    private final List<String> attributeColumns;

    public TunnelSourceConfig(
            TunnelClientFactory clientFactory,
            String tableName,
            String tunnelName,
            TunnelType tunnelType,
            Duration heartbeatInterval,
            Duration heartbeatTimeout,
            String clientTag,
            Duration commitInterval,
            Duration readMaxBackoff,
            int maxParallelChannels,
            StreamStartMode streamStart,
            Long streamStartMillis,
            Long streamEndMillis) {
        this(clientFactory, tableName, tunnelName, tunnelType, heartbeatInterval, heartbeatTimeout, clientTag,
                commitInterval, readMaxBackoff, maxParallelChannels, streamStart, streamStartMillis,
                streamEndMillis, null);
    }

    /**
     * @param attributeColumns the attribute columns the readers decode (projection push-down), or
     *     null to decode all of them
     */
    public TunnelSourceConfig(
            TunnelClientFactory clientFactory,
            String tableName,
            String tunnelName,
            TunnelType tunnelType,
            Duration heartbeatInterval,
            Duration heartbeatTimeout,
            String clientTag,
            Duration commitInterval,
            Duration readMaxBackoff,
            int maxParallelChannels,
            StreamStartMode streamStart,
            Long streamStartMillis,
            Long streamEndMillis,
            List<String> attributeColumns) {
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.tunnelName = Objects.requireNonNull(tunnelName, "tunnelName");
        this.tunnelType = Objects.requireNonNull(tunnelType, "tunnelType");
        this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        this.heartbeatTimeout = Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
        this.clientTag = Objects.requireNonNull(clientTag, "clientTag");
        this.commitInterval = Objects.requireNonNull(commitInterval, "commitInterval");
        this.readMaxBackoff = Objects.requireNonNull(readMaxBackoff, "readMaxBackoff");
        this.maxParallelChannels = maxParallelChannels;
        this.streamStart = Objects.requireNonNull(streamStart, "streamStart");
        this.streamStartMillis = streamStartMillis;
        this.streamEndMillis = streamEndMillis;
        this.attributeColumns = attributeColumns == null ? null : List.copyOf(attributeColumns);
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

    /** The attribute columns the readers decode, or null for all of them. */
    public List<String> attributeColumns() {
        return attributeColumns;
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
        CreateTunnelRequest.Builder b = CreateTunnelRequest.builder(tableName, tunnelName, tunnelType);
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
        return b.build();
    }

    /** "tunnel 'x' of table 't' (instance ...)" for messages. */
    public String describeTunnel() {
        return "tunnel '" + tunnelName + "' of table '" + tableName + "' ("
                + clientFactory.describeTarget() + ")";
    }

    @Override
    public String toString() {
        return "TunnelSourceConfig{" + describeTunnel() + ", type=" + tunnelType
                + ", heartbeat=" + heartbeatInterval + "/" + heartbeatTimeout
                + ", clientTag=" + clientTag + ", commitInterval=" + commitInterval
                + ", readMaxBackoff=" + readMaxBackoff + ", maxParallelChannels=" + maxParallelChannels
                + ", streamStart=" + streamStart
                + (streamStartMillis != null ? "@" + streamStartMillis : "")
                + (streamEndMillis != null ? ", streamEnd=" + streamEndMillis : "")
                + (attributeColumns != null ? ", attributeColumns=" + attributeColumns : "") + "}";
    }
}

package io.github.tablestore.flink.tunnel.client.model;

import java.util.Objects;

/** A channel as DescribeTunnel reports it. Immutable. */
public final class ChannelInfo {
    private final String channelId;
    private final ChannelType type;
    private final ChannelStatus status;
    private final String clientId;
    private final long consumePointMillis;
    private final long recordCount;

    public ChannelInfo(
            String channelId,
            ChannelType type,
            ChannelStatus status,
            String clientId,
            long consumePointMillis,
            long recordCount) {
        this.channelId = Objects.requireNonNull(channelId, "channelId");
        this.type = type;
        this.status = status;
        this.clientId = clientId;
        this.consumePointMillis = consumePointMillis;
        this.recordCount = recordCount;
    }

    public String channelId() {
        return channelId;
    }

    public ChannelType type() {
        return type;
    }

    public ChannelStatus status() {
        return status;
    }

    /** The client holding the channel; empty or {@code null} when nobody does. */
    public String clientId() {
        return clientId;
    }

    /** Time of the channel's consume point, ms since the epoch (0 when unknown). */
    public long consumePointMillis() {
        return consumePointMillis;
    }

    public long recordCount() {
        return recordCount;
    }

    @Override
    public String toString() {
        return "ChannelInfo{" + channelId + ", " + type + ", " + status + ", client=" + clientId + "}";
    }
}

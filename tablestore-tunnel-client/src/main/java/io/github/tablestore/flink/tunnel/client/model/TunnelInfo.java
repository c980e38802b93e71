package io.github.tablestore.flink.tunnel.client.model;

import java.util.Objects;

/** A tunnel as ListTunnel and DescribeTunnel report it. Immutable. */
public final class TunnelInfo {
    private final String tunnelId;
    private final String tunnelName;
    private final String tableName;
    private final String instanceName;
    private final TunnelType type;
    private final String stage;
    private final String streamId;
    private final boolean expired;
    private final long createTimeMillis;

    public TunnelInfo(
            String tunnelId,
            String tunnelName,
            String tableName,
            String instanceName,
            TunnelType type,
            String stage,
            String streamId,
            boolean expired,
            long createTimeMillis) {
        this.tunnelId = Objects.requireNonNull(tunnelId, "tunnelId");
        this.tunnelName = tunnelName;
        this.tableName = tableName;
        this.instanceName = instanceName;
        this.type = type;
        this.stage = stage;
        this.streamId = streamId;
        this.expired = expired;
        this.createTimeMillis = createTimeMillis;
    }

    public String tunnelId() {
        return tunnelId;
    }

    public String tunnelName() {
        return tunnelName;
    }

    public String tableName() {
        return tableName;
    }

    public String instanceName() {
        return instanceName;
    }

    public TunnelType type() {
        return type;
    }

    /** InitBaseDataAndStreamShard, ProcessBaseData or ProcessStream. */
    public String stage() {
        return stage;
    }

    public String streamId() {
        return streamId;
    }

    /** The stream log this tunnel needs is gone; reads fail with OTSTunnelExpired. */
    public boolean expired() {
        return expired;
    }

    public long createTimeMillis() {
        return createTimeMillis;
    }

    @Override
    public String toString() {
        return "TunnelInfo{id=" + tunnelId + ", name=" + tunnelName + ", table=" + tableName
                + ", type=" + type + ", stage=" + stage + (expired ? ", expired" : "") + "}";
    }
}

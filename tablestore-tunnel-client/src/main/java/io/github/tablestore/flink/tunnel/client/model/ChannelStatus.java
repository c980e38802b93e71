package io.github.tablestore.flink.tunnel.client.model;

/**
 * Status of a channel. {@code WAIT} appears only in DescribeTunnel (a channel assigned to nobody);
 * heartbeats carry the other four.
 */
public enum ChannelStatus {
    WAIT,
    OPEN,
    CLOSING,
    CLOSE,
    TERMINATED;

    public static ChannelStatus fromWireName(String name) {
        return valueOf(name);
    }
}

package io.github.tablestore.flink.tunnel.client.model;

import java.util.List;
import java.util.Objects;

/** DescribeTunnel's answer: the tunnel and all its channels. Immutable. */
public final class TunnelDescription {
    private final TunnelInfo tunnel;
    private final List<ChannelInfo> channels;
    private final long tunnelRpoMillis;

    public TunnelDescription(TunnelInfo tunnel, List<ChannelInfo> channels, long tunnelRpoMillis) {
        this.tunnel = Objects.requireNonNull(tunnel, "tunnel");
        this.channels = List.copyOf(channels);
        this.tunnelRpoMillis = tunnelRpoMillis;
    }

    public TunnelInfo tunnel() {
        return tunnel;
    }

    public List<ChannelInfo> channels() {
        return channels;
    }

    /** The tunnel's recovery point as the service reports it, ms since the epoch (0 when unknown). */
    public long tunnelRpoMillis() {
        return tunnelRpoMillis;
    }

    @Override
    public String toString() {
        return "TunnelDescription{" + tunnel + ", channels=" + channels + "}";
    }
}

package io.github.tablestore.flink.tunnel.source.enumerator;

import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import java.util.List;
import java.util.Map;

/** What one session tick learned, applied by the coordinator thread. Immutable. */
final class SessionUpdate {
    final long seq;
    final String tunnelId;
    final String clientId;
    /** A new session (first connect or reconnect) had its first successful heartbeat. */
    final boolean sessionChanged;
    /** Channels the service opened for us that the coordinator does not know yet. */
    final List<TunnelChannelSplit> discovered;
    /** DescribeTunnel's channel → status, when it was fetched in this tick; else null. */
    final Map<String, ChannelStatus> serverStatuses;
    /** Every channel of the tunnel is TERMINATED and no more will come (bounded tunnels). */
    final boolean tunnelComplete;

    SessionUpdate(
            long seq,
            String tunnelId,
            String clientId,
            boolean sessionChanged,
            List<TunnelChannelSplit> discovered,
            Map<String, ChannelStatus> serverStatuses,
            boolean tunnelComplete) {
        this.seq = seq;
        this.tunnelId = tunnelId;
        this.clientId = clientId;
        this.sessionChanged = sessionChanged;
        this.discovered = List.copyOf(discovered);
        this.serverStatuses = serverStatuses == null ? null : Map.copyOf(serverStatuses);
        this.tunnelComplete = tunnelComplete;
    }

    @Override
    public String toString() {
        return "SessionUpdate{#" + seq + ", client=" + clientId + (sessionChanged ? " (new)" : "")
                + ", discovered=" + discovered
                + (tunnelComplete ? ", complete" : "") + "}";
    }
}

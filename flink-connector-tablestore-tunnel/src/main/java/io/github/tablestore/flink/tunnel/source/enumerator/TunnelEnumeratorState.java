package io.github.tablestore.flink.tunnel.source.enumerator;

import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The enumerator's checkpointed state. Immutable.
 *
 * <ul>
 *   <li>{@code tunnelId}, {@code clientId}: the tunnel the positions belong to, and the session
 *       a restored enumerator ends before it connects its own (both null before the first
 *       connect).
 *   <li>{@code pendingSplits}: channels known but not handed to a reader yet (waiting for their
 *       parents or for readers), with their start position.
 *   <li>{@code assignedChannels}: channels owned by readers; their positions live in reader state.
 *   <li>{@code finishedChannels}: channels whose finish is part of a completed checkpoint.
 *   <li>{@code releasedSplits}: channels a reader handed back because the service moved them
 *       away, with the position Flink reached; read again from there when the service offers
 *       them to this job again.
 * </ul>
 */
public final class TunnelEnumeratorState {
    private final String tunnelId;
    private final String clientId;
    private final List<TunnelChannelSplit> pendingSplits;
    private final Set<String> assignedChannels;
    private final Set<String> finishedChannels;
    private final List<TunnelChannelSplit> releasedSplits;

    public TunnelEnumeratorState(
            String tunnelId,
            String clientId,
            List<TunnelChannelSplit> pendingSplits,
            Set<String> assignedChannels,
            Set<String> finishedChannels) {
        this(tunnelId, clientId, pendingSplits, assignedChannels, finishedChannels, List.of());
    }

    public TunnelEnumeratorState(
            String tunnelId,
            String clientId,
            List<TunnelChannelSplit> pendingSplits,
            Set<String> assignedChannels,
            Set<String> finishedChannels,
            List<TunnelChannelSplit> releasedSplits) {
        this.tunnelId = tunnelId;
        this.clientId = clientId;
        this.pendingSplits = List.copyOf(pendingSplits);
        this.assignedChannels = Set.copyOf(new TreeSet<>(assignedChannels));
        this.finishedChannels = Set.copyOf(new TreeSet<>(finishedChannels));
        this.releasedSplits = List.copyOf(releasedSplits);
    }

    public static TunnelEnumeratorState empty() {
        return new TunnelEnumeratorState(null, null, List.of(), Set.of(), Set.of(), List.of());
    }

    /** The tunnel's id, or null before the enumerator first resolved the tunnel. */
    public String tunnelId() {
        return tunnelId;
    }

    /** The session's client id, or null before the first connect. */
    public String clientId() {
        return clientId;
    }

    public List<TunnelChannelSplit> pendingSplits() {
        return pendingSplits;
    }

    public Set<String> assignedChannels() {
        return assignedChannels;
    }

    public Set<String> finishedChannels() {
        return finishedChannels;
    }

    public List<TunnelChannelSplit> releasedSplits() {
        return releasedSplits;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TunnelEnumeratorState)) {
            return false;
        }
        TunnelEnumeratorState that = (TunnelEnumeratorState) o;
        return Objects.equals(tunnelId, that.tunnelId)
                && Objects.equals(clientId, that.clientId)
                && pendingSplits.equals(that.pendingSplits)
                && assignedChannels.equals(that.assignedChannels)
                && finishedChannels.equals(that.finishedChannels)
                && releasedSplits.equals(that.releasedSplits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tunnelId, clientId, pendingSplits, assignedChannels, finishedChannels, releasedSplits);
    }

    @Override
    public String toString() {
        return "TunnelEnumeratorState{tunnel=" + tunnelId + ", client=" + clientId
                + ", pending=" + pendingSplits + ", assigned=" + new TreeSet<>(assignedChannels)
                + ", finished=" + new TreeSet<>(finishedChannels)
                + (releasedSplits.isEmpty() ? "" : ", released=" + releasedSplits) + "}";
    }
}

package io.github.tablestore.flink.tunnel.source.event;

import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Reader → enumerator: these channels were handed back at the positions in the splits (flagged
 * released). Sent once the hand-back is part of a completed checkpoint (without checkpointing:
 * once the last batch before it was emitted), so the position may be stored in the tunnel before
 * the channel is acknowledged with CLOSE.
 *
 * <p>Readers re-send it after a restore for released splits found in their state, so the
 * enumerator must treat it as idempotent.
 */
public final class ChannelsReleasedEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final List<TunnelChannelSplit> splits;

    public ChannelsReleasedEvent(List<TunnelChannelSplit> splits) {
        this.splits = List.copyOf(splits);
    }

    public List<TunnelChannelSplit> splits() {
        return splits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelsReleasedEvent && splits.equals(((ChannelsReleasedEvent) o).splits);
    }

    @Override
    public int hashCode() {
        return splits.hashCode();
    }

    @Override
    public String toString() {
        return "ChannelsReleasedEvent" + splits;
    }
}

package io.github.tablestore.flink.tunnel.source.event;

import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Enumerator → reader: the service wants these channels back (it moved them to another client
 * of the tunnel). A reader that reads one of them stops it at a batch boundary and hands its
 * position back ({@link ChannelsReleasedEvent}); readers that do not own a channel ignore it, so
 * the enumerator may send the event to every reader when it does not know the owner.
 */
public final class ReleaseChannelsEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final List<String> channelIds;

    public ReleaseChannelsEvent(List<String> channelIds) {
        this.channelIds = List.copyOf(channelIds);
    }

    public List<String> channelIds() {
        return channelIds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReleaseChannelsEvent && channelIds.equals(((ReleaseChannelsEvent) o).channelIds);
    }

    @Override
    public int hashCode() {
        return channelIds.hashCode();
    }

    @Override
    public String toString() {
        return "ReleaseChannelsEvent" + channelIds;
    }
}

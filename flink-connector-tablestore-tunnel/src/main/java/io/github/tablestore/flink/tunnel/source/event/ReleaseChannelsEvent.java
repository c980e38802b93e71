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

package io.github.tablestore.flink.tunnel.source.event;

import org.apache.flink.api.connector.source.SourceEvent;

import java.util.List;

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
        return o instanceof ReleaseChannelsEvent
                && channelIds.equals(((ReleaseChannelsEvent) o).channelIds);
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

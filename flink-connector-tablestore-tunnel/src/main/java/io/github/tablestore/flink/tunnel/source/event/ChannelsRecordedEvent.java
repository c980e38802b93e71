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
 * Enumerator → reader: the enumerator has recorded these finished or handed-back channels, and
 * every enumerator snapshot from checkpoint {@link #fromCheckpoint()} on contains them. The reader
 * keeps them in its own state until a checkpoint at least that new has completed: whichever
 * checkpoint the job is restored from, the enumerator's state or the reader's then holds them.
 * (Without this, a reader could drop a finish that the enumerator's snapshot of a concurrent
 * checkpoint missed, and the channel would be neither assigned nor finished after a restore.)
 */
public final class ChannelsRecordedEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final List<String> channelIds;
    private final long fromCheckpoint;

    public ChannelsRecordedEvent(List<String> channelIds, long fromCheckpoint) {
        this.channelIds = List.copyOf(channelIds);
        this.fromCheckpoint = fromCheckpoint;
    }

    public List<String> channelIds() {
        return channelIds;
    }

    /** The first checkpoint whose enumerator snapshot contains the channels. */
    public long fromCheckpoint() {
        return fromCheckpoint;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ChannelsRecordedEvent)) {
            return false;
        }
        ChannelsRecordedEvent that = (ChannelsRecordedEvent) o;
        return fromCheckpoint == that.fromCheckpoint && channelIds.equals(that.channelIds);
    }

    @Override
    public int hashCode() {
        return 31 * channelIds.hashCode() + Long.hashCode(fromCheckpoint);
    }

    @Override
    public String toString() {
        return "ChannelsRecordedEvent" + channelIds + " from checkpoint " + fromCheckpoint;
    }
}

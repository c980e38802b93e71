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

import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;

import org.apache.flink.api.connector.source.SourceEvent;

import java.util.List;

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
        return o instanceof ChannelsReleasedEvent
                && splits.equals(((ChannelsReleasedEvent) o).splits);
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

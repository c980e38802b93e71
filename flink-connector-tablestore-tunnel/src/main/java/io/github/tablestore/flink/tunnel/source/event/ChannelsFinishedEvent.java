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
 * Reader → enumerator: these channels were read to their end and that is now safe to tell the
 * service — the checkpoint containing the finish has completed (or, without checkpointing, all
 * their records were emitted). The enumerator then stores the {@code finished} checkpoint,
 * reports TERMINATED and lets the children of these channels be read.
 *
 * <p>Readers re-send it after a restore for finished splits found in their state, so the
 * enumerator must treat it as idempotent.
 */
public final class ChannelsFinishedEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final List<String> channelIds;

    public ChannelsFinishedEvent(List<String> channelIds) {
        this.channelIds = List.copyOf(channelIds);
    }

    public List<String> channelIds() {
        return channelIds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelsFinishedEvent
                && channelIds.equals(((ChannelsFinishedEvent) o).channelIds);
    }

    @Override
    public int hashCode() {
        return channelIds.hashCode();
    }

    @Override
    public String toString() {
        return "ChannelsFinishedEvent" + channelIds;
    }
}

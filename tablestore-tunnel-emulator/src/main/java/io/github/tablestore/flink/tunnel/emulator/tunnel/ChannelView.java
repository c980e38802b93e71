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

package io.github.tablestore.flink.tunnel.emulator.tunnel;

import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;

import java.util.List;

/** A snapshot of one channel as the server sees it (DescribeTunnel, state dumps, tests). Immutable. */
public final class ChannelView {
    private final String channelId;
    private final ChannelType type;
    private final ChannelStatus status;
    private final String owner;
    private final long version;
    private final List<String> parents;
    private final String checkpoint;
    private final long sequenceNumber;
    private final long consumePointMicros;
    private final long recordCount;
    private final long readRequests;

    ChannelView(ServerChannel c) {
        this.channelId = c.id;
        this.type = c.type;
        this.status = c.status;
        this.owner = c.owner;
        this.version = c.version;
        this.parents = c.parents;
        this.checkpoint = c.checkpoint;
        this.sequenceNumber = c.sequence;
        this.consumePointMicros = c.consumePointMicros;
        this.recordCount = c.recordCount;
        this.readRequests = c.readRequests;
    }

    public String channelId() {
        return channelId;
    }

    public ChannelType type() {
        return type;
    }

    /** WAIT, OPEN, CLOSING or TERMINATED. */
    public ChannelStatus status() {
        return status;
    }

    /** The client holding (or, when TERMINATED, last holding) the channel; {@code null} if none. */
    public String owner() {
        return owner;
    }

    public long version() {
        return version;
    }

    /** Channels that must terminate before this one opens (stream shard parents). */
    public List<String> parents() {
        return parents;
    }

    /** The stored checkpoint token ({@code finished} when done). */
    public String checkpoint() {
        return checkpoint;
    }

    public long sequenceNumber() {
        return sequenceNumber;
    }

    /** How far the channel is consumed according to its last checkpoint, µs since the epoch (0: unknown). */
    public long consumePointMicros() {
        return consumePointMicros;
    }

    /** Records delivered up to the last checkpoint. */
    public long recordCount() {
        return recordCount;
    }

    /**
     * ReadRecords calls accepted for this channel so far, from any client: how often it is
     * polled (benchmarks compare clients' request rates on idle channels with it).
     */
    public long readRequests() {
        return readRequests;
    }

    @Override
    public String toString() {
        return channelId + "@" + version + ":" + status + (owner == null ? "" : "/" + owner);
    }
}

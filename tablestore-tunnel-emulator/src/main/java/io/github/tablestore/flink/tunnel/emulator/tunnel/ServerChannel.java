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
import io.github.tablestore.flink.tunnel.emulator.store.KeySpan;

import java.util.List;

/**
 * The server's record of one channel of a tunnel: what it reads (a key span of base data or a
 * stream shard), its place in the heartbeat state machine (status, owner, version) and its
 * checkpoint. Guarded by the owning {@link Tunnel}'s monitor.
 *
 * <p>Statuses the server keeps: WAIT (nobody holds it), OPEN (held), CLOSING (the holder was asked
 * to release it), TERMINATED (read to its end; final). A client's CLOSE report turns the channel
 * back into WAIT at once.
 */
final class ServerChannel {
    final String id;
    final ChannelType type;

    /** Base data: the span to scan. */
    final KeySpan span;

    /** Stream: the shard (same as {@link #id}). */
    final String shardId;

    /** Channels that must be TERMINATED before this one may open. */
    final List<String> parents;

    ChannelStatus status = ChannelStatus.WAIT;
    String owner;
    long version;
    String checkpoint;
    long sequence;

    /** How far the channel has been consumed (from its last checkpoint), µs; 0 when unknown. */
    long consumePointMicros;

    long recordCount;

    /** ReadRecords calls answered for this channel (any client, any token): how hard it is polled. */
    long readRequests;

    ServerChannel(
            String id,
            ChannelType type,
            KeySpan span,
            String shardId,
            List<String> parents,
            String checkpoint) {
        this.id = id;
        this.type = type;
        this.span = span;
        this.shardId = shardId;
        this.parents = List.copyOf(parents);
        this.checkpoint = checkpoint;
    }

    boolean isTerminated() {
        return status == ChannelStatus.TERMINATED;
    }

    boolean isHeldBy(String clientId) {
        return clientId.equals(owner)
                && (status == ChannelStatus.OPEN || status == ChannelStatus.CLOSING);
    }

    @Override
    public String toString() {
        return id + "@" + version + ":" + status + (owner == null ? "" : "/" + owner);
    }
}

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

package io.github.tablestore.flink.tunnel.client.model;

import java.util.Objects;

/** A channel as exchanged in heartbeats: id, version and status. Immutable. */
public final class ChannelState {
    private final String channelId;
    private final long version;
    private final ChannelStatus status;

    public ChannelState(String channelId, long version, ChannelStatus status) {
        this.channelId = Objects.requireNonNull(channelId, "channelId");
        this.version = version;
        this.status = Objects.requireNonNull(status, "status");
    }

    public String channelId() {
        return channelId;
    }

    public long version() {
        return version;
    }

    public ChannelStatus status() {
        return status;
    }

    /** The report a client sends to move this channel to {@code next}: same id, version + 1. */
    public ChannelState reportAs(ChannelStatus next) {
        return new ChannelState(channelId, version + 1, next);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ChannelState)) {
            return false;
        }
        ChannelState that = (ChannelState) o;
        return version == that.version && channelId.equals(that.channelId) && status == that.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(channelId, version, status);
    }

    @Override
    public String toString() {
        return channelId + "@" + version + ":" + status;
    }
}

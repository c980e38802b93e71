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

/** A channel as DescribeTunnel reports it. Immutable. */
public final class ChannelInfo {
    private final String channelId;
    private final ChannelType type;
    private final ChannelStatus status;
    private final String clientId;
    private final long consumePointMillis;
    private final long recordCount;

    public ChannelInfo(
            String channelId,
            ChannelType type,
            ChannelStatus status,
            String clientId,
            long consumePointMillis,
            long recordCount) {
        this.channelId = Objects.requireNonNull(channelId, "channelId");
        this.type = type;
        this.status = status;
        this.clientId = clientId;
        this.consumePointMillis = consumePointMillis;
        this.recordCount = recordCount;
    }

    public String channelId() {
        return channelId;
    }

    public ChannelType type() {
        return type;
    }

    public ChannelStatus status() {
        return status;
    }

    /** The client holding the channel; empty or {@code null} when nobody does. */
    public String clientId() {
        return clientId;
    }

    /** Time of the channel's consume point, ms since the epoch (0 when unknown). */
    public long consumePointMillis() {
        return consumePointMillis;
    }

    public long recordCount() {
        return recordCount;
    }

    @Override
    public String toString() {
        return "ChannelInfo{"
                + channelId
                + ", "
                + type
                + ", "
                + status
                + ", client="
                + clientId
                + "}";
    }
}

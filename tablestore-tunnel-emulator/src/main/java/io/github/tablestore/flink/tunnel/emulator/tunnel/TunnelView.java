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

import io.github.tablestore.flink.tunnel.client.model.TunnelType;

import java.util.List;

/** A snapshot of a tunnel: identity, stage and all channels and clients. Immutable. */
public final class TunnelView {
    private final String tunnelId;
    private final String tunnelName;
    private final String tableName;
    private final TunnelType type;
    private final String stage;
    private final boolean expired;
    private final long createTimeMillis;
    private final List<ChannelView> channels;
    private final List<ClientView> clients;

    TunnelView(
            String tunnelId,
            String tunnelName,
            String tableName,
            TunnelType type,
            String stage,
            boolean expired,
            long createTimeMillis,
            List<ChannelView> channels,
            List<ClientView> clients) {
        this.tunnelId = tunnelId;
        this.tunnelName = tunnelName;
        this.tableName = tableName;
        this.type = type;
        this.stage = stage;
        this.expired = expired;
        this.createTimeMillis = createTimeMillis;
        this.channels = List.copyOf(channels);
        this.clients = List.copyOf(clients);
    }

    public String tunnelId() {
        return tunnelId;
    }

    public String tunnelName() {
        return tunnelName;
    }

    public String tableName() {
        return tableName;
    }

    public TunnelType type() {
        return type;
    }

    /** {@code ProcessBaseData} or {@code ProcessStream}. */
    public String stage() {
        return stage;
    }

    public boolean expired() {
        return expired;
    }

    public long createTimeMillis() {
        return createTimeMillis;
    }

    public List<ChannelView> channels() {
        return channels;
    }

    public List<ClientView> clients() {
        return clients;
    }

    /** The channel with this id, or {@code null}. */
    public ChannelView channel(String channelId) {
        for (ChannelView c : channels) {
            if (c.channelId().equals(channelId)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "TunnelView{"
                + tunnelName
                + "/"
                + tunnelId
                + ", "
                + type
                + ", "
                + stage
                + ", channels="
                + channels
                + ", clients="
                + clients
                + "}";
    }
}

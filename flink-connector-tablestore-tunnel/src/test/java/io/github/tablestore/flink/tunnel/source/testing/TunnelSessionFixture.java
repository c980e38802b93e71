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

package io.github.tablestore.flink.tunnel.source.testing;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.ChannelInfo;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.source.event.SessionIds;
import io.github.tablestore.flink.tunnel.source.event.TunnelSessionEvent;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-driven tunnel session for reader tests (in the job, the enumerator plays this part):
 * creates the tunnel, connects, heartbeats and turns the open channels into splits.
 */
public final class TunnelSessionFixture {
    private final TunnelClient client;
    private final String table;
    private final String tunnel;
    public final String tunnelId;
    public final long createTimeMillis;
    public String clientId;
    private List<ChannelState> held = new ArrayList<>();

    public TunnelSessionFixture(TunnelClient client, String table, String tunnel, TunnelType type) {
        this.client = client;
        this.table = table;
        this.tunnel = tunnel;
        this.tunnelId =
                client.createTunnel(CreateTunnelRequest.builder(table, tunnel, type).build());
        this.createTimeMillis = client.describeTunnel(table, tunnel).tunnel().createTimeMillis();
        this.clientId = client.connect(tunnelId, 60, "test");
    }

    /** The event that tells readers to use this session. */
    public TunnelSessionEvent sessionEvent() {
        return new TunnelSessionEvent(new SessionIds(tunnelId, clientId, createTimeMillis));
    }

    public List<ChannelState> heartbeat() {
        held = client.heartbeat(tunnelId, clientId, held);
        return held;
    }

    /** Reports a channel TERMINATED on the next heartbeat (after storing "finished"). */
    public void terminate(String channelId) {
        List<ChannelState> next = new ArrayList<>();
        for (ChannelState s : held) {
            if (s.channelId().equals(channelId)) {
                ChannelCheckpoint cp = client.getCheckpoint(tunnelId, clientId, channelId);
                if (!cp.isFinished()) {
                    client.checkpoint(
                            tunnelId,
                            clientId,
                            channelId,
                            ChannelCheckpoint.FINISHED_TOKEN,
                            cp.sequenceNumber() + 1);
                }
                next.add(s.reportAs(ChannelStatus.TERMINATED));
            } else {
                next.add(s);
            }
        }
        held = next;
        heartbeat();
    }

    /** Splits for the channels the service holds open for this session. */
    public List<TunnelChannelSplit> openSplits() {
        List<TunnelChannelSplit> splits = new ArrayList<>();
        List<ChannelInfo> infos = client.describeTunnel(table, tunnel).channels();
        for (ChannelState s : heartbeat()) {
            if (s.status() != ChannelStatus.OPEN) {
                continue;
            }
            ChannelInfo info =
                    infos.stream()
                            .filter(i -> i.channelId().equals(s.channelId()))
                            .findFirst()
                            .orElseThrow();
            ChannelCheckpoint cp = client.getCheckpoint(tunnelId, clientId, s.channelId());
            splits.add(
                    new TunnelChannelSplit(
                            s.channelId(),
                            info.type(),
                            cp.token(),
                            cp.sequenceNumber(),
                            List.of()));
        }
        splits.sort(java.util.Comparator.comparing(TunnelChannelSplit::channelId));
        return splits;
    }

    public ChannelCheckpoint checkpointOf(String channelId) {
        return client.getCheckpoint(tunnelId, clientId, channelId);
    }
}

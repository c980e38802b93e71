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

package io.github.tablestore.flink.tunnel.client.internal;

import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.ChannelInfo;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.StreamRange;
import io.github.tablestore.flink.tunnel.client.model.StreamRecordOptions;
import io.github.tablestore.flink.tunnel.client.model.TunnelDescription;
import io.github.tablestore.flink.tunnel.client.model.TunnelInfo;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the tunnel service's response messages into the client's model. Times arrive in
 * nanoseconds and leave in milliseconds. Unknown enum strings throw IllegalArgumentException,
 * which the caller reports as a bad response.
 */
final class TunnelResponses {
    private TunnelResponses() {}

    static TunnelInfo tunnelInfo(TunnelProtos.TunnelInfo t) {
        return new TunnelInfo(
                t.getTunnelId(),
                t.hasTunnelName() ? t.getTunnelName() : null,
                t.getTableName(),
                t.getInstanceName(),
                TunnelType.fromWireName(t.getTunnelType()),
                t.getStage(),
                t.getStreamId().isEmpty() ? null : t.getStreamId(),
                t.getExpired(),
                nanosToMillis(t.getCreateTime()),
                t.hasStreamTunnelConfig() ? streamRange(t.getStreamTunnelConfig()) : null,
                t.hasStreamRecordOptions()
                        ? streamRecordOptions(t.getStreamRecordOptions())
                        : null);
    }

    /** Null when neither image is set: the service answers INVALID for "not set". */
    static StreamRecordOptions streamRecordOptions(TunnelProtos.StreamRecordOptions o) {
        StreamRecordOptions.Columns oldColumns =
                o.hasOldColumnsToGet() ? columns(o.getOldColumnsToGet()) : null;
        StreamRecordOptions.Columns newColumns =
                o.hasNewColumnsToGet() ? columns(o.getNewColumnsToGet()) : null;
        return oldColumns == null && newColumns == null
                ? null
                : new StreamRecordOptions(oldColumns, newColumns);
    }

    private static StreamRecordOptions.Columns columns(TunnelProtos.StreamColumn c) {
        switch (c.getType()) {
            case ALL_COLUMNS:
                return StreamRecordOptions.Columns.all();
            case INPUT_COLUMNS:
                return StreamRecordOptions.Columns.input();
            case SPECIFIED_COLUMN:
                return c.getColumnNameCount() == 0
                        ? null
                        : StreamRecordOptions.Columns.specified(c.getColumnNameList());
            default:
                return null;
        }
    }

    /** The wire's start: a start offset when non-zero, else the flag (LATEST when absent). */
    static StreamRange streamRange(TunnelProtos.StreamTunnelConfig c) {
        CreateTunnelRequest.StreamStart flag =
                c.hasFlag() && c.getFlag() == TunnelProtos.StartOffsetFlag.EARLIEST
                        ? CreateTunnelRequest.StreamStart.EARLIEST
                        : CreateTunnelRequest.StreamStart.LATEST;
        return new StreamRange(
                flag, nanosToMillis(c.getStartOffset()), nanosToMillis(c.getEndOffset()));
    }

    static ChannelInfo channelInfo(TunnelProtos.ChannelInfo c) {
        return new ChannelInfo(
                c.getChannelId(),
                c.hasChannelType() ? ChannelType.fromWireName(c.getChannelType()) : null,
                c.hasChannelStatus() ? channelStatus(c.getChannelStatus()) : null,
                c.hasClientId() ? c.getClientId() : null,
                nanosToMillis(c.getChannelRpo()),
                c.getChannelCount());
    }

    static TunnelDescription describeTunnel(TunnelProtos.DescribeTunnelResponse r) {
        List<ChannelInfo> channels = new ArrayList<>(r.getChannelsCount());
        for (TunnelProtos.ChannelInfo c : r.getChannelsList()) {
            channels.add(channelInfo(c));
        }
        return new TunnelDescription(
                tunnelInfo(r.getTunnel()), channels, nanosToMillis(r.getTunnelRpo()));
    }

    static List<TunnelInfo> listTunnel(TunnelProtos.ListTunnelResponse r) {
        List<TunnelInfo> tunnels = new ArrayList<>(r.getTunnelsCount());
        for (TunnelProtos.TunnelInfo t : r.getTunnelsList()) {
            tunnels.add(tunnelInfo(t));
        }
        return List.copyOf(tunnels);
    }

    static List<ChannelState> heartbeat(TunnelProtos.HeartbeatResponse r) {
        List<ChannelState> channels = new ArrayList<>(r.getChannelsCount());
        for (TunnelProtos.Channel c : r.getChannelsList()) {
            channels.add(
                    new ChannelState(
                            c.getChannelId(),
                            c.getVersion(),
                            ChannelStatus.valueOf(c.getStatus().name())));
        }
        return List.copyOf(channels);
    }

    static ChannelCheckpoint checkpoint(TunnelProtos.GetCheckpointResponse r) {
        return new ChannelCheckpoint(r.getCheckpoint(), r.getSequenceNumber());
    }

    private static ChannelStatus channelStatus(String wire) {
        try {
            return ChannelStatus.fromWireName(wire);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown channel status '" + wire + "'", e);
        }
    }

    static long nanosToMillis(long nanos) {
        return nanos / TunnelRequests.NANOS_PER_MILLI;
    }
}

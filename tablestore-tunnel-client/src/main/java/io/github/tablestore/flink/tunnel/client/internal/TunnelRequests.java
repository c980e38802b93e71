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

import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.StreamRecordOptions;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;

import java.util.List;

/** Builds the tunnel service's request messages from the client's arguments. */
final class TunnelRequests {
    static final long NANOS_PER_MILLI = 1_000_000L;

    private TunnelRequests() {}

    /**
     * Stream tunnels carry where the stream starts: the start time if one is set, else the
     * LATEST/EARLIEST flag; and the end time only if set. Times go on the wire in nanoseconds.
     * BaseData tunnels carry no stream settings.
     */
    static TunnelProtos.CreateTunnelRequest createTunnel(CreateTunnelRequest request) {
        Args.notNull(request, "request");
        TunnelProtos.Tunnel.Builder tunnel =
                TunnelProtos.Tunnel.newBuilder()
                        .setTableName(Args.notEmpty(request.tableName(), "tableName"))
                        .setTunnelName(Args.notEmpty(request.tunnelName(), "tunnelName"))
                        .setTunnelType(wireType(request.type()));
        if (request.type() != TunnelType.BASE_DATA) {
            TunnelProtos.StreamTunnelConfig.Builder stream =
                    TunnelProtos.StreamTunnelConfig.newBuilder();
            if (request.streamStartMillis() > 0) {
                stream.setStartOffset(
                        millisToNanos(request.streamStartMillis(), "streamStartMillis"));
            } else {
                stream.setFlag(
                        request.streamStart() == CreateTunnelRequest.StreamStart.EARLIEST
                                ? TunnelProtos.StartOffsetFlag.EARLIEST
                                : TunnelProtos.StartOffsetFlag.LATEST);
            }
            if (request.streamEndMillis() > 0) {
                stream.setEndOffset(millisToNanos(request.streamEndMillis(), "streamEndMillis"));
            }
            tunnel.setStreamTunnelConfig(stream);
            if (request.streamRecordOptions() != null) {
                tunnel.setStreamRecordOptions(streamRecordOptions(request.streamRecordOptions()));
            }
        }
        return TunnelProtos.CreateTunnelRequest.newBuilder().setTunnel(tunnel).build();
    }

    static TunnelProtos.StreamRecordOptions streamRecordOptions(StreamRecordOptions options) {
        TunnelProtos.StreamRecordOptions.Builder b = TunnelProtos.StreamRecordOptions.newBuilder();
        if (options.oldColumns() != null) {
            b.setOldColumnsToGet(streamColumn(options.oldColumns()));
        }
        if (options.newColumns() != null) {
            b.setNewColumnsToGet(streamColumn(options.newColumns()));
        }
        return b.build();
    }

    private static TunnelProtos.StreamColumn streamColumn(StreamRecordOptions.Columns columns) {
        TunnelProtos.StreamColumn.Builder b = TunnelProtos.StreamColumn.newBuilder();
        switch (columns.kind()) {
            case ALL:
                return b.setType(TunnelProtos.StreamColumnType.ALL_COLUMNS).build();
            case INPUT:
                return b.setType(TunnelProtos.StreamColumnType.INPUT_COLUMNS).build();
            case SPECIFIED:
                return b.setType(TunnelProtos.StreamColumnType.SPECIFIED_COLUMN)
                        .addAllColumnName(columns.names())
                        .build();
            default:
                throw new AssertionError(columns.kind());
        }
    }

    static TunnelProtos.DescribeTunnelRequest describeTunnel(String tableName, String tunnelName) {
        return TunnelProtos.DescribeTunnelRequest.newBuilder()
                .setTableName(Args.notEmpty(tableName, "tableName"))
                .setTunnelName(Args.notEmpty(tunnelName, "tunnelName"))
                .build();
    }

    static TunnelProtos.ListTunnelRequest listTunnel(String tableName) {
        return TunnelProtos.ListTunnelRequest.newBuilder()
                .setTableName(Args.notEmpty(tableName, "tableName"))
                .build();
    }

    static TunnelProtos.DeleteTunnelRequest deleteTunnel(String tableName, String tunnelName) {
        return TunnelProtos.DeleteTunnelRequest.newBuilder()
                .setTableName(Args.notEmpty(tableName, "tableName"))
                .setTunnelName(Args.notEmpty(tunnelName, "tunnelName"))
                .build();
    }

    static TunnelProtos.ConnectRequest connect(
            String tunnelId, long heartbeatTimeoutSeconds, String clientTag) {
        if (heartbeatTimeoutSeconds <= 0) {
            throw new IllegalArgumentException(
                    "heartbeatTimeoutSeconds must be positive: " + heartbeatTimeoutSeconds);
        }
        TunnelProtos.ClientConfig.Builder config =
                TunnelProtos.ClientConfig.newBuilder().setTimeout(heartbeatTimeoutSeconds);
        if (clientTag != null) {
            config.setClientTag(clientTag);
        }
        return TunnelProtos.ConnectRequest.newBuilder()
                .setTunnelId(Args.notEmpty(tunnelId, "tunnelId"))
                .setClientConfig(config)
                .build();
    }

    static TunnelProtos.HeartbeatRequest heartbeat(
            String tunnelId, String clientId, List<ChannelState> channels) {
        TunnelProtos.HeartbeatRequest.Builder request =
                TunnelProtos.HeartbeatRequest.newBuilder()
                        .setTunnelId(Args.notEmpty(tunnelId, "tunnelId"))
                        .setClientId(Args.notEmpty(clientId, "clientId"));
        for (ChannelState channel : Args.notNull(channels, "channels")) {
            Args.notNull(channel, "channels element");
            request.addChannels(
                    TunnelProtos.Channel.newBuilder()
                            .setChannelId(channel.channelId())
                            .setVersion(channel.version())
                            .setStatus(wireStatus(channel)));
        }
        return request.build();
    }

    static TunnelProtos.ShutdownRequest shutdown(String tunnelId, String clientId) {
        return TunnelProtos.ShutdownRequest.newBuilder()
                .setTunnelId(Args.notEmpty(tunnelId, "tunnelId"))
                .setClientId(Args.notEmpty(clientId, "clientId"))
                .build();
    }

    static TunnelProtos.GetCheckpointRequest getCheckpoint(
            String tunnelId, String clientId, String channelId) {
        return TunnelProtos.GetCheckpointRequest.newBuilder()
                .setTunnelId(Args.notEmpty(tunnelId, "tunnelId"))
                .setClientId(Args.notEmpty(clientId, "clientId"))
                .setChannelId(Args.notEmpty(channelId, "channelId"))
                .build();
    }

    static TunnelProtos.ReadRecordsRequest readRecords(
            String tunnelId, String clientId, String channelId, String token) {
        return TunnelProtos.ReadRecordsRequest.newBuilder()
                .setTunnelId(Args.notEmpty(tunnelId, "tunnelId"))
                .setClientId(Args.notEmpty(clientId, "clientId"))
                .setChannelId(Args.notEmpty(channelId, "channelId"))
                .setToken(Args.notEmpty(token, "token"))
                .build();
    }

    static TunnelProtos.CheckpointRequest checkpoint(
            String tunnelId, String clientId, String channelId, String token, long sequenceNumber) {
        return TunnelProtos.CheckpointRequest.newBuilder()
                .setTunnelId(Args.notEmpty(tunnelId, "tunnelId"))
                .setClientId(Args.notEmpty(clientId, "clientId"))
                .setChannelId(Args.notEmpty(channelId, "channelId"))
                .setCheckpoint(Args.notEmpty(token, "token"))
                .setSequenceNumber(sequenceNumber)
                .build();
    }

    static TunnelProtos.TunnelType wireType(TunnelType type) {
        switch (Args.notNull(type, "type")) {
            case BASE_DATA:
                return TunnelProtos.TunnelType.BaseData;
            case STREAM:
                return TunnelProtos.TunnelType.Stream;
            case BASE_AND_STREAM:
                return TunnelProtos.TunnelType.BaseAndStream;
            default:
                throw new IllegalArgumentException("unknown tunnel type " + type);
        }
    }

    private static TunnelProtos.ChannelStatus wireStatus(ChannelState channel) {
        ChannelStatus status = channel.status();
        switch (status) {
            case OPEN:
                return TunnelProtos.ChannelStatus.OPEN;
            case CLOSING:
                return TunnelProtos.ChannelStatus.CLOSING;
            case CLOSE:
                return TunnelProtos.ChannelStatus.CLOSE;
            case TERMINATED:
                return TunnelProtos.ChannelStatus.TERMINATED;
            default:
                throw new IllegalArgumentException(
                        "channel "
                                + channel.channelId()
                                + ": status "
                                + status
                                + " cannot be sent in a heartbeat (only OPEN, CLOSING, CLOSE, TERMINATED)");
        }
    }

    private static long millisToNanos(long millis, String name) {
        try {
            return Math.multiplyExact(millis, NANOS_PER_MILLI);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    name + " is too large to express in nanoseconds: " + millis, e);
        }
    }
}

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

package io.github.tablestore.flink.tunnel.emulator.api;

import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;
import io.github.tablestore.flink.tunnel.emulator.store.RecordImages;
import io.github.tablestore.flink.tunnel.emulator.tunnel.ChannelView;
import io.github.tablestore.flink.tunnel.emulator.tunnel.ReadBatch;
import io.github.tablestore.flink.tunnel.emulator.tunnel.StreamTunnelConfig;
import io.github.tablestore.flink.tunnel.emulator.tunnel.TunnelService;
import io.github.tablestore.flink.tunnel.emulator.tunnel.TunnelView;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The tunnel APIs on the wire: protobuf requests to {@link TunnelService} calls and back. */
public final class TunnelApi {
    private final TunnelService service;
    private final String instanceName;

    public TunnelApi(TunnelService service, String instanceName) {
        this.service = service;
        this.instanceName = instanceName;
    }

    /** Operations by action (request path without the leading slash). */
    public Map<String, Operation> operations() {
        Map<String, Operation> ops = new TreeMap<>();
        ops.put("tunnel/create", this::create);
        ops.put("tunnel/delete", this::delete);
        ops.put("tunnel/list", this::list);
        ops.put("tunnel/describe", this::describe);
        ops.put("tunnel/connect", this::connect);
        ops.put("tunnel/heartbeat", this::heartbeat);
        ops.put("tunnel/shutdown", this::shutdown);
        ops.put("tunnel/getcheckpoint", this::getCheckpoint);
        ops.put("tunnel/checkpoint", this::checkpoint);
        ops.put("tunnel/readrecords", this::readRecords);
        return ops;
    }

    private byte[] create(byte[] body) {
        TunnelProtos.Tunnel t =
                Requests.parse(TunnelProtos.CreateTunnelRequest.parser(), body, "CreateTunnel")
                        .getTunnel();
        TunnelType type = fromWire(t.getTunnelType());
        // BaseData tunnels have no stream records: their options are ignored, not even checked.
        RecordImages images =
                t.hasStreamRecordOptions() && type != TunnelType.BASE_DATA
                        ? StreamRecordOptionsConversions.fromWire(t.getStreamRecordOptions())
                        : null;
        String id =
                service.createTunnel(
                        t.getTableName(),
                        t.getTunnelName(),
                        type,
                        t.hasStreamTunnelConfig() ? streamConfig(t.getStreamTunnelConfig()) : null,
                        images);
        return TunnelProtos.CreateTunnelResponse.newBuilder().setTunnelId(id).build().toByteArray();
    }

    private byte[] delete(byte[] body) {
        TunnelProtos.DeleteTunnelRequest r =
                Requests.parse(TunnelProtos.DeleteTunnelRequest.parser(), body, "DeleteTunnel");
        service.deleteTunnel(r.getTableName(), r.getTunnelName());
        return TunnelProtos.DeleteTunnelResponse.getDefaultInstance().toByteArray();
    }

    private byte[] list(byte[] body) {
        TunnelProtos.ListTunnelRequest r =
                Requests.parse(TunnelProtos.ListTunnelRequest.parser(), body, "ListTunnel");
        TunnelProtos.ListTunnelResponse.Builder out = TunnelProtos.ListTunnelResponse.newBuilder();
        for (TunnelView v : service.listTunnels(r.hasTableName() ? r.getTableName() : null)) {
            out.addTunnels(info(v));
        }
        return out.build().toByteArray();
    }

    private byte[] describe(byte[] body) {
        TunnelProtos.DescribeTunnelRequest r =
                Requests.parse(TunnelProtos.DescribeTunnelRequest.parser(), body, "DescribeTunnel");
        TunnelView v = service.describeTunnel(r.getTableName(), r.getTunnelName());
        TunnelProtos.DescribeTunnelResponse.Builder out =
                TunnelProtos.DescribeTunnelResponse.newBuilder().setTunnel(info(v));
        long slowest = 0;
        for (ChannelView c : v.channels()) {
            long rpoNanos = c.consumePointMicros() * 1000L;
            out.addChannels(
                    TunnelProtos.ChannelInfo.newBuilder()
                            .setChannelId(c.channelId())
                            .setChannelType(c.type().wireName())
                            .setChannelStatus(c.status().name())
                            .setClientId(c.owner() == null ? "" : c.owner())
                            .setChannelRpo(rpoNanos)
                            .setChannelCount(c.recordCount()));
            if (c.status() != ChannelStatus.TERMINATED
                    && rpoNanos > 0
                    && (slowest == 0 || rpoNanos < slowest)) {
                slowest = rpoNanos;
            }
        }
        return out.setTunnelRpo(slowest).build().toByteArray();
    }

    private TunnelProtos.TunnelInfo info(TunnelView v) {
        TunnelProtos.TunnelInfo.Builder b =
                TunnelProtos.TunnelInfo.newBuilder()
                        .setTunnelId(v.tunnelId())
                        .setTunnelType(v.type().wireName())
                        .setTableName(v.tableName())
                        .setInstanceName(instanceName)
                        .setStreamId(service.streamId(v.tunnelId()))
                        .setStage(v.stage())
                        .setExpired(v.expired())
                        .setTunnelName(v.tunnelName())
                        .setPublic(false)
                        .setCreateTime(v.createTimeMillis() * 1_000_000L);
        StreamTunnelConfig cfg = service.streamConfig(v.tunnelId());
        if (cfg != null) {
            b.setStreamTunnelConfig(streamConfig(cfg));
        }
        RecordImages images = service.recordImages(v.tunnelId());
        if (images != null) {
            b.setStreamRecordOptions(StreamRecordOptionsConversions.toWire(images));
        }
        return b.build();
    }

    private static StreamTunnelConfig streamConfig(TunnelProtos.StreamTunnelConfig c) {
        return new StreamTunnelConfig(
                c.hasFlag()
                        ? (c.getFlag() == TunnelProtos.StartOffsetFlag.EARLIEST
                                ? StreamTunnelConfig.StartFrom.EARLIEST
                                : StreamTunnelConfig.StartFrom.LATEST)
                        : null,
                c.hasStartOffset() ? c.getStartOffset() : null,
                c.hasEndOffset() ? c.getEndOffset() : null);
    }

    private static TunnelProtos.StreamTunnelConfig streamConfig(StreamTunnelConfig c) {
        TunnelProtos.StreamTunnelConfig.Builder b = TunnelProtos.StreamTunnelConfig.newBuilder();
        c.startFrom()
                .ifPresent(
                        f ->
                                b.setFlag(
                                        f == StreamTunnelConfig.StartFrom.EARLIEST
                                                ? TunnelProtos.StartOffsetFlag.EARLIEST
                                                : TunnelProtos.StartOffsetFlag.LATEST));
        c.startOffsetNanos().ifPresent(b::setStartOffset);
        c.endOffsetNanos().ifPresent(b::setEndOffset);
        return b.build();
    }

    private byte[] connect(byte[] body) {
        TunnelProtos.ConnectRequest r =
                Requests.parse(TunnelProtos.ConnectRequest.parser(), body, "ConnectTunnel");
        long timeout = r.hasClientConfig() ? r.getClientConfig().getTimeout() : 0;
        String tag = r.hasClientConfig() ? r.getClientConfig().getClientTag() : "";
        String clientId = service.connect(r.getTunnelId(), timeout, tag);
        return TunnelProtos.ConnectResponse.newBuilder()
                .setClientId(clientId)
                .build()
                .toByteArray();
    }

    private byte[] heartbeat(byte[] body) {
        TunnelProtos.HeartbeatRequest r =
                Requests.parse(TunnelProtos.HeartbeatRequest.parser(), body, "Heartbeat");
        List<ChannelState> reports = new ArrayList<>(r.getChannelsCount());
        for (TunnelProtos.Channel c : r.getChannelsList()) {
            reports.add(
                    new ChannelState(c.getChannelId(), c.getVersion(), fromWire(c.getStatus())));
        }
        TunnelProtos.HeartbeatResponse.Builder out = TunnelProtos.HeartbeatResponse.newBuilder();
        for (ChannelState c : service.heartbeat(r.getTunnelId(), r.getClientId(), reports)) {
            out.addChannels(
                    TunnelProtos.Channel.newBuilder()
                            .setChannelId(c.channelId())
                            .setVersion(c.version())
                            .setStatus(toWire(c.status())));
        }
        return out.build().toByteArray();
    }

    private byte[] shutdown(byte[] body) {
        TunnelProtos.ShutdownRequest r =
                Requests.parse(TunnelProtos.ShutdownRequest.parser(), body, "Shutdown");
        service.shutdown(r.getTunnelId(), r.getClientId());
        return TunnelProtos.ShutdownResponse.getDefaultInstance().toByteArray();
    }

    private byte[] getCheckpoint(byte[] body) {
        TunnelProtos.GetCheckpointRequest r =
                Requests.parse(TunnelProtos.GetCheckpointRequest.parser(), body, "GetCheckpoint");
        ChannelCheckpoint cp =
                service.getCheckpoint(r.getTunnelId(), r.getClientId(), r.getChannelId());
        return TunnelProtos.GetCheckpointResponse.newBuilder()
                .setCheckpoint(cp.token())
                .setSequenceNumber(cp.sequenceNumber())
                .build()
                .toByteArray();
    }

    private byte[] checkpoint(byte[] body) {
        TunnelProtos.CheckpointRequest r =
                Requests.parse(TunnelProtos.CheckpointRequest.parser(), body, "Checkpoint");
        service.checkpoint(
                r.getTunnelId(),
                r.getClientId(),
                r.getChannelId(),
                r.getCheckpoint(),
                r.getSequenceNumber());
        return TunnelProtos.CheckpointResponse.getDefaultInstance().toByteArray();
    }

    private byte[] readRecords(byte[] body) {
        TunnelProtos.ReadRecordsRequest r =
                Requests.parse(TunnelProtos.ReadRecordsRequest.parser(), body, "ReadRecords");
        ReadBatch batch =
                service.readRecords(
                        r.getTunnelId(), r.getClientId(), r.getChannelId(), r.getToken());
        return encodeReadRecords(batch);
    }

    /**
     * Writes a ReadRecordsResponse by concatenating the pre-encoded record frames (field 1) and
     * appending {@code next_token} (field 2) and {@code may_more_record} (field 3).
     */
    static byte[] encodeReadRecords(ReadBatch batch) {
        byte[] token = batch.nextToken().getBytes(StandardCharsets.UTF_8);
        int size = batch.bytes() + 1 + varintSize(token.length) + token.length + 2;
        byte[] out = new byte[size];
        int p = 0;
        for (byte[] frame : batch.frames()) {
            System.arraycopy(frame, 0, out, p, frame.length);
            p += frame.length;
        }
        out[p++] = 0x12;
        int v = token.length;
        while ((v & ~0x7F) != 0) {
            out[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[p++] = (byte) v;
        System.arraycopy(token, 0, out, p, token.length);
        p += token.length;
        out[p++] = 0x18;
        out[p++] = (byte) (batch.mayMoreRecord() ? 1 : 0);
        if (p != size) {
            throw new AssertionError("ReadRecords size mismatch");
        }
        return out;
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v & ~0x7F) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private static TunnelType fromWire(TunnelProtos.TunnelType t) {
        switch (t) {
            case BaseData:
                return TunnelType.BASE_DATA;
            case Stream:
                return TunnelType.STREAM;
            case BaseAndStream:
                return TunnelType.BASE_AND_STREAM;
            default:
                throw Errors.parameterInvalid("Unknown tunnel type " + t + ".");
        }
    }

    private static ChannelStatus fromWire(TunnelProtos.ChannelStatus s) {
        switch (s) {
            case OPEN:
                return ChannelStatus.OPEN;
            case CLOSING:
                return ChannelStatus.CLOSING;
            case CLOSE:
                return ChannelStatus.CLOSE;
            case TERMINATED:
                return ChannelStatus.TERMINATED;
            default:
                throw Errors.parameterInvalid("Unknown channel status " + s + ".");
        }
    }

    private static TunnelProtos.ChannelStatus toWire(ChannelStatus s) {
        switch (s) {
            case OPEN:
                return TunnelProtos.ChannelStatus.OPEN;
            case CLOSING:
                return TunnelProtos.ChannelStatus.CLOSING;
            case CLOSE:
                return TunnelProtos.ChannelStatus.CLOSE;
            case TERMINATED:
                return TunnelProtos.ChannelStatus.TERMINATED;
            default:
                throw new IllegalArgumentException("status " + s + " is not sent in heartbeats");
        }
    }
}

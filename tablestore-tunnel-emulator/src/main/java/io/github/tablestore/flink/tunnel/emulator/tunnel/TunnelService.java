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

import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.EmulatorClock;
import io.github.tablestore.flink.tunnel.emulator.api.Errors;
import io.github.tablestore.flink.tunnel.emulator.store.BaseBatch;
import io.github.tablestore.flink.tunnel.emulator.store.Instance;
import io.github.tablestore.flink.tunnel.emulator.store.LogExpiredException;
import io.github.tablestore.flink.tunnel.emulator.store.RecordImages;
import io.github.tablestore.flink.tunnel.emulator.store.ShardRead;
import io.github.tablestore.flink.tunnel.emulator.store.StreamShard;
import io.github.tablestore.flink.tunnel.emulator.store.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Tunnel Service: tunnels by id and by (table, name), and the ten tunnel APIs in domain terms.
 * Thread-safe; calls on different tunnels run in parallel.
 */
public final class TunnelService {
    private final Instance instance;
    private final EmulatorClock clock;
    private final TunnelSettings settings;
    private final ConcurrentHashMap<String, Tunnel> byId = new ConcurrentHashMap<>();

    public TunnelService(Instance instance, TunnelSettings settings) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.clock = instance.clock();
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    // ---------------------------------------------------------------------------------------
    // Tunnel management

    public String createTunnel(
            String tableName, String tunnelName, TunnelType type, StreamTunnelConfig streamConfig) {
        return createTunnel(tableName, tunnelName, type, streamConfig, null);
    }

    /**
     * @param images the stream record options, {@code null} for none; ignored for BaseData
     */
    public synchronized String createTunnel(
            String tableName,
            String tunnelName,
            TunnelType type,
            StreamTunnelConfig streamConfig,
            RecordImages images) {
        if (tunnelName == null || tunnelName.isEmpty()) {
            throw Errors.parameterInvalid("The tunnel name is empty.");
        }
        Table table = instance.findTable(tableName);
        if (table == null) {
            throw Errors.parameterInvalid("The table " + tableName + " does not exist.");
        }
        if (find(tableName, tunnelName) != null) {
            throw Errors.tunnelExist(
                    "The tunnel " + tunnelName + " already exists on table " + tableName + ".");
        }
        Tunnel t = new Tunnel(tunnelName, table, type, streamConfig, images, clock);
        byId.put(t.id, t);
        return t.id;
    }

    public synchronized void deleteTunnel(String tableName, String tunnelName) {
        Tunnel t = require(tableName, tunnelName);
        byId.remove(t.id);
    }

    /** Deletes every tunnel of a table (the table is gone). */
    public synchronized void deleteTunnelsOf(String tableName) {
        byId.values().removeIf(t -> t.table.name().equals(tableName));
    }

    /** Tunnels of a table ({@code null}: of all tables), oldest first. */
    public List<TunnelView> listTunnels(String tableName) {
        List<Tunnel> found = new ArrayList<>();
        for (Tunnel t : byId.values()) {
            if (tableName == null || tableName.isEmpty() || t.table.name().equals(tableName)) {
                found.add(t);
            }
        }
        if (tableName != null && !tableName.isEmpty() && instance.findTable(tableName) == null) {
            throw Errors.parameterInvalid("The table " + tableName + " does not exist.");
        }
        found.sort(
                Comparator.comparingLong((Tunnel t) -> t.createTimeMillis)
                        .thenComparing(t -> t.id));
        List<TunnelView> views = new ArrayList<>();
        for (Tunnel t : found) {
            views.add(t.view());
        }
        return views;
    }

    public TunnelView describeTunnel(String tableName, String tunnelName) {
        return require(tableName, tunnelName).view();
    }

    /** The tunnel with this id, as a snapshot. */
    public TunnelView tunnel(String tunnelId) {
        return requireId(tunnelId).view();
    }

    /** The stream config the tunnel was created with, or {@code null}. */
    public StreamTunnelConfig streamConfig(String tunnelId) {
        return requireId(tunnelId).streamConfig;
    }

    /** The stream record options the tunnel was created with, or {@code null}. */
    public RecordImages recordImages(String tunnelId) {
        return requireId(tunnelId).images;
    }

    /** The stream id of the tunnel's table. */
    public String streamId(String tunnelId) {
        return requireId(tunnelId).table.streamId();
    }

    // ---------------------------------------------------------------------------------------
    // Client session

    public String connect(String tunnelId, long timeoutSeconds, String clientTag) {
        return requireId(tunnelId).connect(timeoutSeconds, clientTag);
    }

    public List<ChannelState> heartbeat(
            String tunnelId, String clientId, List<ChannelState> channels) {
        return requireId(tunnelId).heartbeat(clientId, channels);
    }

    public void shutdown(String tunnelId, String clientId) {
        requireId(tunnelId).shutdown(clientId);
    }

    public ChannelCheckpoint getCheckpoint(String tunnelId, String clientId, String channelId) {
        return requireId(tunnelId).getCheckpoint(clientId, channelId);
    }

    public void checkpoint(
            String tunnelId, String clientId, String channelId, String token, long sequenceNumber) {
        requireId(tunnelId).checkpoint(clientId, channelId, token, sequenceNumber);
    }

    /** Reads the next batch of a channel from {@code token}. */
    public ReadBatch readRecords(String tunnelId, String clientId, String channelId, String token) {
        Tunnel t = requireId(tunnelId);
        Tunnel.ReadPlan plan = t.planRead(clientId, channelId, token);
        TunnelToken from = plan.token;
        if (from.kind() == TunnelToken.Kind.FINISHED) {
            return new ReadBatch(List.of(), 0, TunnelToken.FINISHED.encode(), false);
        }
        ServerChannel ch = plan.channel;
        if (ch.type == ChannelType.BASE_DATA) {
            BaseBatch b =
                    t.table.scanBase(
                            ch.span,
                            from.nextKey(),
                            settings.maxRecordsPerRead(),
                            settings.maxBytesPerRead());
            long count = from.totalCount() + b.frames().size();
            String next =
                    b.next() == null
                            ? TunnelToken.FINISHED.encode()
                            : TunnelToken.base(b.next(), count).encode();
            return new ReadBatch(b.frames(), b.bytes(), next, b.next() != null);
        }
        StreamShard shard = t.table.shard(ch.shardId);
        ShardRead r;
        try {
            r =
                    shard.read(
                            from.index(),
                            t.startMicros,
                            t.endMicros,
                            settings.maxRecordsPerRead(),
                            settings.maxBytesPerRead(),
                            t.images);
        } catch (LogExpiredException e) {
            t.markExpired();
            throw Errors.tunnelExpired("The stream log of channel " + channelId + " has expired.");
        } catch (IllegalArgumentException e) {
            throw Errors.parameterInvalid("Invalid token: " + e.getMessage());
        }
        long nowMicros = clock.micros();
        boolean finished =
                r.endReached()
                        || (r.drained()
                                && t.endMicros != Long.MAX_VALUE
                                && nowMicros > t.endMicros);
        long count = from.totalCount() + r.frames().size();
        String next;
        if (finished) {
            next = TunnelToken.FINISHED.encode();
        } else {
            // Caught up: the channel is consumed up to now, so a fresh token says so.
            long consumedTo = r.drained() ? nowMicros : r.lastTimestampMicros();
            next = TunnelToken.stream(ch.shardId, r.nextIndex(), consumedTo, count).encode();
        }
        return new ReadBatch(r.frames(), r.bytes(), next, !r.drained());
    }

    // ---------------------------------------------------------------------------------------
    // Test controls and housekeeping

    /** Declares a client dead now, as if its lease had run out; returns whether it was connected. */
    public boolean expireClient(String clientId) {
        boolean found = false;
        for (Tunnel t : byId.values()) {
            found |= t.expireClient(clientId);
        }
        return found;
    }

    /** Marks a tunnel expired: its clients' next Connect/Heartbeat/ReadRecords get OTSTunnelExpired. */
    public void expireTunnel(String tunnelId) {
        requireId(tunnelId).markExpired();
    }

    /** Expires lapsed leases and trims expired logs; run periodically and on demand. */
    public void sweep() {
        for (Table table : instance.tables()) {
            table.trimExpiredLog();
        }
        for (Tunnel t : byId.values()) {
            t.sweep();
        }
    }

    /** Every tunnel, oldest first. */
    public List<TunnelView> tunnels() {
        return listTunnels(null);
    }

    private Tunnel find(String tableName, String tunnelName) {
        for (Tunnel t : byId.values()) {
            if (t.table.name().equals(tableName) && t.name.equals(tunnelName)) {
                return t;
            }
        }
        return null;
    }

    private Tunnel require(String tableName, String tunnelName) {
        Tunnel t = find(tableName, tunnelName);
        if (t == null) {
            throw Errors.parameterInvalid(
                    "The tunnel " + tunnelName + " does not exist on table " + tableName + ".");
        }
        return t;
    }

    private Tunnel requireId(String tunnelId) {
        Tunnel t = tunnelId == null ? null : byId.get(tunnelId);
        if (t == null) {
            throw Errors.parameterInvalid("The tunnel " + tunnelId + " does not exist.");
        }
        return t;
    }

    /** The record count of a position token (see {@link TunnelToken}); not for {@code "finished"}. */
    public long recordsBefore(String token) {
        TunnelToken t;
        try {
            t = TunnelToken.parse(token);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a token of this emulator: " + token, e);
        }
        if (t.kind() == TunnelToken.Kind.FINISHED) {
            throw new IllegalArgumentException("A finished token carries no record count");
        }
        return t.totalCount();
    }
}

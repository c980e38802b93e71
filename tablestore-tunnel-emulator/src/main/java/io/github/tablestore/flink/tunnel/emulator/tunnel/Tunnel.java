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
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.EmulatorClock;
import io.github.tablestore.flink.tunnel.emulator.api.Errors;
import io.github.tablestore.flink.tunnel.emulator.store.Partition;
import io.github.tablestore.flink.tunnel.emulator.store.RecordImages;
import io.github.tablestore.flink.tunnel.emulator.store.StreamShard;
import io.github.tablestore.flink.tunnel.emulator.store.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One tunnel: its channels, its connected clients, and the heartbeat-driven channel state machine
 * that hands channels to clients. Every method runs under this object's monitor; the expensive
 * part of ReadRecords (reading data) happens outside it, see {@link #planRead}.
 *
 * <p>Scheduling, on each heartbeat of client c (after applying c's reports):
 *
 * <ol>
 *   <li>A channel is eligible when it is not TERMINATED, its parents (stream shard parents) are
 *       all TERMINATED, and — for BaseAndStream — it is a base channel or every base channel is
 *       TERMINATED.
 *   <li>With {@code total} = eligible or held channels and {@code n} live clients, c takes WAIT
 *       channels (base first, then in creation order) until it holds {@code ceil(total / n)}.
 *   <li>If c still holds fewer than {@code floor(total / n)} counting channels already being
 *       released, or holds fewer than the ceiling while another client holds more, the busiest
 *       other client is asked to release one channel (OPEN → CLOSING). The channel returns to
 *       WAIT when that client reports CLOSE (or dies), and the next heartbeat below its share
 *       picks it up.
 * </ol>
 *
 * Reports are taken only from the channel's holder and only with a version above the server's.
 * The channel state machine stays in one class (about 500 lines) because every step of it runs
 * under this object's lock and reads the same channel, client and topology state.
 */
final class Tunnel {
    static final String STAGE_BASE = "ProcessBaseData";
    static final String STAGE_STREAM = "ProcessStream";
    static final long DEFAULT_CLIENT_TIMEOUT_SECONDS = 300;

    final String id;
    final String name;
    final Table table;
    final TunnelType type;

    /** The stream config as CreateTunnel gave it, or {@code null}. */
    final StreamTunnelConfig streamConfig;

    /** The stream record options, or {@code null}: none (always for BaseData tunnels). */
    final RecordImages images;

    /** Stream records before this time are skipped (µs; 0 = none). */
    final long startMicros;

    /** Stream channels finish at this time (µs, exclusive; {@link Long#MAX_VALUE} = never). */
    final long endMicros;

    final long createTimeMillis;
    private final EmulatorClock clock;

    private final LinkedHashMap<String, ServerChannel> channels = new LinkedHashMap<>();
    private final LinkedHashMap<String, ClientSession> clients = new LinkedHashMap<>();
    private long seenTopology;
    private boolean expired;

    Tunnel(
            String name,
            Table table,
            TunnelType type,
            StreamTunnelConfig streamConfig,
            RecordImages images,
            EmulatorClock clock) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.table = table;
        this.type = type;
        this.streamConfig = streamConfig;
        // A BaseData tunnel has no stream records; its options are ignored, not reported.
        this.images = type == TunnelType.BASE_DATA ? null : images;
        this.clock = clock;
        this.createTimeMillis = clock.millis();
        long start = 0;
        long end = Long.MAX_VALUE;
        if (type == TunnelType.STREAM && streamConfig != null) {
            long startNanos = streamConfig.startOffsetNanos().orElse(0L);
            if (startNanos > 0) {
                start = startNanos / 1000L;
            }
            long endNanos = streamConfig.endOffsetNanos().orElse(0L);
            if (endNanos > 0) {
                end = endNanos / 1000L;
            }
            if (end <= start) {
                throw Errors.parameterInvalid(
                        "The stream end offset must be after the start offset.");
            }
            checkStartInRetention(table, start, clock);
        }
        this.startMicros = start;
        this.endMicros = end;
        createChannels();
    }

    /**
     * The service keeps this much of the retention's old end clear of tunnel starts: it accepts a
     * start in [now - retention + 5 min, now].
     */
    static final long START_MARGIN_MICROS = 5 * 60 * 1_000_000L;

    /**
     * A start time must lie within what the stream log holds: not before its retention (those
     * changes are gone; less {@link #START_MARGIN_MICROS}) and not in the future [I: the SDKs
     * document the window, not the error].
     */
    private static void checkStartInRetention(Table table, long startMicros, EmulatorClock clock) {
        if (startMicros <= 0) {
            return;
        }
        long now = clock.micros();
        long retained = now - table.retention().toMillis() * 1000L + START_MARGIN_MICROS;
        if (startMicros < retained || startMicros > now) {
            throw Errors.parameterInvalid(
                    "The stream start offset "
                            + startMicros * 1000L
                            + " is outside the stream's retention window ["
                            + retained * 1000L
                            + ", "
                            + now * 1000L
                            + "] (ns).");
        }
    }

    private boolean hasBase() {
        return type != TunnelType.STREAM;
    }

    private boolean hasStream() {
        return type != TunnelType.BASE_DATA;
    }

    private boolean earliest() {
        return streamConfig != null
                && streamConfig.startFrom().orElse(null) == StreamTunnelConfig.StartFrom.EARLIEST;
    }

    private void createChannels() {
        synchronized (table) {
            // Under the table's lock no write lands between choosing base spans and stream start
            // positions: the stream part starts exactly where the tunnel was created.
            seenTopology = table.topologyVersion();
            if (hasBase()) {
                for (Partition p : table.routedPartitions()) {
                    String channelId = "BaseData_" + p.id();
                    String token = TunnelToken.base(table.spanStartKey(p.span()), 0).encode();
                    channels.put(
                            channelId,
                            new ServerChannel(
                                    channelId,
                                    ChannelType.BASE_DATA,
                                    p.span(),
                                    null,
                                    List.of(),
                                    token));
                }
            }
            if (hasStream()) {
                for (Partition p : table.partitions()) {
                    StreamShard s = p.shard();
                    long index;
                    if (type == TunnelType.STREAM && startMicros > 0) {
                        index = Math.max(s.firstIndex(), s.indexAtOrAfter(startMicros));
                    } else if (type == TunnelType.STREAM && earliest()) {
                        index = s.firstIndex();
                    } else {
                        index = s.endIndex();
                    }
                    addStreamChannel(s, index);
                }
            }
        }
    }

    private void addStreamChannel(StreamShard s, long index) {
        String token = TunnelToken.stream(s.id(), index, 0, 0).encode();
        channels.put(
                s.id(),
                new ServerChannel(s.id(), ChannelType.STREAM, null, s.id(), s.parentIds(), token));
    }

    /** Adds stream channels for shards created since the last look (splits, merges, added partitions). */
    private void syncTopology() {
        if (!hasStream() || table.topologyVersion() == seenTopology) {
            return;
        }
        seenTopology = table.topologyVersion();
        for (Partition p : table.partitions()) {
            if (!channels.containsKey(p.id())) {
                // A shard born after the tunnel: all of its log is newer than the tunnel.
                addStreamChannel(p.shard(), 0);
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Sessions

    synchronized String connect(long timeoutSeconds, String tag) {
        long now = clock.millis();
        expireDeadClients(now);
        if (expired) {
            throw Errors.tunnelExpired(
                    "The tunnel " + id + " has expired: the stream log it needs is gone.");
        }
        long timeout = timeoutSeconds > 0 ? timeoutSeconds : DEFAULT_CLIENT_TIMEOUT_SECONDS;
        String clientId = UUID.randomUUID().toString();
        clients.put(
                clientId,
                new ClientSession(clientId, tag == null ? "" : tag, timeout * 1000L, now));
        return clientId;
    }

    synchronized List<ChannelState> heartbeat(String clientId, List<ChannelState> reports) {
        ClientSession c = requireClient(clientId);
        if (expired) {
            throw Errors.tunnelExpired(
                    "The tunnel " + id + " has expired: the stream log it needs is gone.");
        }
        c.lastHeartbeatMillis = clock.millis();
        syncTopology();
        for (ChannelState r : reports) {
            applyReport(c, r);
        }
        schedule(c);
        List<ChannelState> out = new ArrayList<>();
        for (ServerChannel ch : channels.values()) {
            if (ch.isHeldBy(c.id)) {
                out.add(new ChannelState(ch.id, ch.version, ch.status));
            }
        }
        return out;
    }

    synchronized void shutdown(String clientId) {
        requireClient(clientId);
        dropClient(clientId);
    }

    /** Declares a client dead now, as if its lease had run out. Returns whether it was connected. */
    synchronized boolean expireClient(String clientId) {
        if (!clients.containsKey(clientId)) {
            return false;
        }
        dropClient(clientId);
        return true;
    }

    private ClientSession requireClient(String clientId) {
        expireDeadClients(clock.millis());
        ClientSession c = clients.get(clientId);
        if (c == null) {
            throw Errors.resourceGone(
                    "The client "
                            + clientId
                            + " is not connected to this tunnel (its heartbeat timed out or it shut down).");
        }
        return c;
    }

    private void expireDeadClients(long now) {
        Iterator<ClientSession> it = clients.values().iterator();
        List<String> dead = new ArrayList<>();
        while (it.hasNext()) {
            ClientSession c = it.next();
            if (c.isExpired(now)) {
                dead.add(c.id);
            }
        }
        for (String d : dead) {
            dropClient(d);
        }
    }

    private void dropClient(String clientId) {
        clients.remove(clientId);
        for (ServerChannel ch : channels.values()) {
            if (ch.isHeldBy(clientId)) {
                ch.status = ChannelStatus.WAIT;
                ch.owner = null;
                ch.version++;
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // State machine

    private void applyReport(ClientSession c, ChannelState r) {
        ServerChannel ch = channels.get(r.channelId());
        if (ch == null || !ch.isHeldBy(c.id) || r.version() <= ch.version) {
            return;
        }
        if (r.status() == ChannelStatus.CLOSE) {
            ch.status = ChannelStatus.WAIT;
            ch.owner = null;
            ch.version = r.version();
        } else if (r.status() == ChannelStatus.TERMINATED) {
            ch.status = ChannelStatus.TERMINATED;
            ch.version = r.version();
        }
    }

    private boolean allBaseTerminated() {
        for (ServerChannel ch : channels.values()) {
            if (ch.type == ChannelType.BASE_DATA && !ch.isTerminated()) {
                return false;
            }
        }
        return true;
    }

    private boolean eligible(ServerChannel ch, boolean baseDone) {
        if (ch.isTerminated()) {
            return false;
        }
        if (ch.type == ChannelType.STREAM && type == TunnelType.BASE_AND_STREAM && !baseDone) {
            return false;
        }
        for (String parent : ch.parents) {
            ServerChannel p = channels.get(parent);
            if (p != null && !p.isTerminated()) {
                return false;
            }
        }
        return true;
    }

    private void schedule(ClientSession c) {
        boolean baseDone = allBaseTerminated();
        int total = 0;
        int closing = 0;
        Map<String, Integer> held = new HashMap<>();
        for (String client : clients.keySet()) {
            held.put(client, 0);
        }
        for (ServerChannel ch : channels.values()) {
            if (ch.status == ChannelStatus.OPEN) {
                held.merge(ch.owner, 1, Integer::sum);
                total++;
            } else if (ch.status == ChannelStatus.CLOSING) {
                closing++;
                total++;
            } else if (ch.status == ChannelStatus.WAIT && eligible(ch, baseDone)) {
                total++;
            }
        }
        int n = clients.size();
        int floor = total / n;
        int ceil = (total + n - 1) / n;
        int mine = held.get(c.id);
        for (ServerChannel ch : orderedForAssignment()) {
            if (mine >= ceil) {
                break;
            }
            if (ch.status == ChannelStatus.WAIT && eligible(ch, baseDone)) {
                ch.status = ChannelStatus.OPEN;
                ch.owner = c.id;
                ch.version++;
                mine++;
            }
        }
        held.put(c.id, mine);
        while (true) {
            String donor = null;
            int most = -1;
            for (Map.Entry<String, Integer> e : held.entrySet()) {
                if (!e.getKey().equals(c.id) && e.getValue() > most) {
                    donor = e.getKey();
                    most = e.getValue();
                }
            }
            if (donor == null || most <= floor) {
                return;
            }
            boolean needy = mine + closing < floor;
            boolean uneven = most > ceil && mine < ceil && closing == 0;
            if (!needy && !uneven) {
                return;
            }
            ServerChannel victim = null;
            for (ServerChannel ch : channels.values()) {
                if (ch.status == ChannelStatus.OPEN && donor.equals(ch.owner)) {
                    victim = ch; // the last in creation order: the newest stream channel first
                }
            }
            victim.status = ChannelStatus.CLOSING;
            victim.version++;
            held.put(donor, most - 1);
            closing++;
        }
    }

    private List<ServerChannel> orderedForAssignment() {
        List<ServerChannel> ordered = new ArrayList<>(channels.size());
        for (ServerChannel ch : channels.values()) {
            if (ch.type == ChannelType.BASE_DATA) {
                ordered.add(ch);
            }
        }
        for (ServerChannel ch : channels.values()) {
            if (ch.type == ChannelType.STREAM) {
                ordered.add(ch);
            }
        }
        return ordered;
    }

    // ---------------------------------------------------------------------------------------
    // Checkpoints and reads

    synchronized ChannelCheckpoint getCheckpoint(String clientId, String channelId) {
        requireClient(clientId);
        ServerChannel ch = requireChannel(channelId);
        return new ChannelCheckpoint(ch.checkpoint, ch.sequence);
    }

    synchronized void checkpoint(
            String clientId, String channelId, String token, long sequenceNumber) {
        requireClient(clientId);
        ServerChannel ch = requireChannel(channelId);
        TunnelToken parsed = TunnelToken.parse(token);
        checkTokenFits(ch, parsed);
        if (!clientId.equals(ch.owner)) {
            throw Errors.sequenceNumberNotMatch(
                    "The channel " + channelId + " is not held by client " + clientId + ".");
        }
        if (sequenceNumber <= ch.sequence) {
            throw Errors.sequenceNumberNotMatch(
                    "The sequence number "
                            + sequenceNumber
                            + " is not greater than the stored "
                            + ch.sequence
                            + ".");
        }
        ch.checkpoint = token;
        ch.sequence = sequenceNumber;
        switch (parsed.kind()) {
            case STREAM:
                ch.consumePointMicros = parsed.timestampMicros();
                ch.recordCount = parsed.totalCount();
                break;
            case BASE:
                ch.consumePointMicros = clock.micros();
                ch.recordCount = parsed.totalCount();
                break;
            default:
                ch.consumePointMicros = clock.micros();
                break;
        }
    }

    /** What ReadRecords must read, validated under the lock; the read itself runs without it. */
    static final class ReadPlan {
        final ServerChannel channel;
        final TunnelToken token;

        ReadPlan(ServerChannel channel, TunnelToken token) {
            this.channel = channel;
            this.token = token;
        }
    }

    synchronized ReadPlan planRead(String clientId, String channelId, String token) {
        requireClient(clientId);
        if (expired) {
            throw Errors.tunnelExpired(
                    "The tunnel " + id + " has expired: the stream log it needs is gone.");
        }
        ServerChannel ch = requireChannel(channelId);
        TunnelToken parsed = TunnelToken.parse(token);
        checkTokenFits(ch, parsed);
        ch.readRequests++;
        return new ReadPlan(ch, parsed);
    }

    synchronized void markExpired() {
        expired = true;
    }

    synchronized boolean isExpired() {
        return expired;
    }

    private ServerChannel requireChannel(String channelId) {
        syncTopology();
        ServerChannel ch = channels.get(channelId);
        if (ch == null) {
            throw Errors.parameterInvalid(
                    "The channel " + channelId + " does not exist in tunnel " + id + ".");
        }
        return ch;
    }

    private static void checkTokenFits(ServerChannel ch, TunnelToken t) {
        if (t.kind() == TunnelToken.Kind.FINISHED) {
            return;
        }
        boolean fits =
                ch.type == ChannelType.BASE_DATA
                        ? t.kind() == TunnelToken.Kind.BASE
                        : t.kind() == TunnelToken.Kind.STREAM && ch.shardId.equals(t.shardId());
        if (!fits) {
            throw Errors.parameterInvalid("The token does not belong to channel " + ch.id + ".");
        }
    }

    // ---------------------------------------------------------------------------------------
    // Housekeeping and views

    /** Drops clients whose lease ran out and marks the tunnel expired if its stream log is gone. */
    synchronized void sweep() {
        expireDeadClients(clock.millis());
        syncTopology();
        boolean baseDone = allBaseTerminated();
        for (ServerChannel ch : channels.values()) {
            if (ch.type != ChannelType.STREAM
                    || ch.isTerminated()
                    || (ch.status == ChannelStatus.WAIT && !eligible(ch, baseDone))) {
                continue; // a channel not yet due (e.g. BaseAndStream still in base) expires when
                // it is
            }
            TunnelToken t = TunnelToken.parse(ch.checkpoint);
            StreamShard s = table.shard(ch.shardId);
            if (t.kind() == TunnelToken.Kind.STREAM && s != null && t.index() < s.firstIndex()) {
                expired = true;
            }
        }
    }

    synchronized String stage() {
        if (type == TunnelType.BASE_DATA) {
            return STAGE_BASE;
        }
        if (type == TunnelType.STREAM) {
            return STAGE_STREAM;
        }
        return allBaseTerminated() ? STAGE_STREAM : STAGE_BASE;
    }

    synchronized TunnelView view() {
        expireDeadClients(clock.millis());
        syncTopology();
        List<ChannelView> chs = new ArrayList<>();
        for (ServerChannel ch : orderedForAssignment()) {
            chs.add(new ChannelView(ch));
        }
        List<ClientView> cls = new ArrayList<>();
        for (ClientSession s : clients.values()) {
            cls.add(new ClientView(s));
        }
        return new TunnelView(
                id, name, table.name(), type, stage(), expired, createTimeMillis, chs, cls);
    }

    @Override
    public String toString() {
        return "Tunnel{" + name + "/" + id + " on " + table.name() + ", " + type + "}";
    }
}

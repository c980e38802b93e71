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

package io.github.tablestore.flink.tunnel.source.enumerator;

import io.github.tablestore.flink.tunnel.client.ErrorCodes;
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.ChannelInfo;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.client.model.TunnelDescription;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.SessionIds;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.util.Backoff;
import io.github.tablestore.flink.tunnel.source.util.TunnelErrors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The source's one tunnel session, driven from the enumerator's worker thread: connects to the
 * tunnel ({@link TunnelResolver} finds it), heartbeats, discovers the channels the service opens
 * for it, reports TERMINATED for channels the coordinator says are finished once their {@code
 * finished} checkpoint is stored ({@link ProgressStore}), and shuts the session down at the end.
 * It stays one class (about 500 lines) on purpose: the session's state (client id, what the
 * service lets it hold, what was handed over) is read and written by every step of a round.
 *
 * <p>Rebalancing: channels the service asks back (CLOSING) are passed to the coordinator, which
 * has their readers hand them back. Once a channel is released (its position covered by a
 * completed checkpoint), the session stores that position in the tunnel and then acknowledges
 * with CLOSE, so the next holder starts exactly where this job stopped. A CLOSING channel the
 * job never read is acknowledged at once. A released channel the service offers again (OPEN) is
 * passed back to the coordinator, which reads it from Flink's position, not the tunnel's.
 *
 * <p>All I/O happens in {@link #tick}, which is cheap when no heartbeat is due. It never mutates
 * coordinator state: it reads a {@link CoordinatorView} and returns a {@link SessionUpdate}.
 * Transient failures are logged and retried with backoff; fatal ones throw {@link
 * TunnelSourceException}. A failed round, whatever it was doing (resolving the tunnel,
 * connecting, heartbeating), is followed by the backoff before the next attempt.
 *
 * <p>A session restored from a checkpoint is not continued: it is ended (Shutdown) and a new one
 * connected. The enumerator that wrote the checkpoint may still be closing (a global failover
 * closes it while the new one starts), and its Shutdown of the session would end it under the
 * new enumerator. With every enumerator on its own client id, a late Shutdown ends only the
 * session of the enumerator that sends it.
 *
 * <p>{@link #close} does not wait for a round in flight: it sends the Shutdown itself, alongside
 * the round's call, then closes the client, which cancels that call; the round then ends without
 * reconnecting.
 */
final class TunnelSession {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelSession.class);

    private final TunnelSourceConfig config;
    private final TunnelClient client;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final long timeoutNanos;
    private final String restoredTunnelId;
    private final Backoff retryBackoff;
    private final ProgressStore progress;
    private final TunnelResolver resolver;

    // Written by rounds only; volatile for close(), which runs on another thread.
    private volatile String tunnelId;
    private volatile String clientId;

    /** The restored session, ended before this one connects (see the class comment). */
    private String restoredClientIdToEnd;

    private long tunnelCreateTimeMillis;
    private boolean announcePending;

    /** The channels of the last heartbeat response: what the service wants us to hold. */
    private Map<String, ChannelState> serverView = new LinkedHashMap<>();

    /** Channels handed to the coordinator → the update that carried them. */
    private final Map<String, Long> handedOver = new HashMap<>();

    /** Channel → its type, from DescribeTunnel. */
    private final Map<String, ChannelType> channelTypes = new HashMap<>();

    private long lastHeartbeatOkNanos;
    private long nextHeartbeatNanos;

    /** After a failed round, no round (not even an urgent one) starts before this. */
    private long retryNotBeforeNanos;

    private long handledUrgentSeq;
    private long updateSeq;
    private final AtomicLong connects = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong heartbeatsOk = new AtomicLong();
    private final AtomicLong heartbeatsFailed = new AtomicLong();

    /** Gets every DescribeTunnel answer (the lag metrics); none by default. */
    private volatile Consumer<TunnelDescription> descriptions = d -> {};

    /** When the session last described the tunnel. */
    private long lastDescribeNanos;

    private boolean describedOnce;

    TunnelSession(
            TunnelSourceConfig config,
            TunnelClient client,
            String restoredTunnelId,
            String restoredClientId,
            LongSupplier nanoClock) {
        this.config = config;
        this.client = client;
        this.nanoClock = nanoClock;
        this.intervalNanos = config.heartbeatInterval().toNanos();
        this.timeoutNanos = config.heartbeatTimeout().toNanos();
        this.restoredTunnelId = restoredTunnelId;
        this.retryBackoff =
                new Backoff(200, 2, Math.max(200, config.heartbeatInterval().toMillis()));
        this.progress = new ProgressStore(client);
        this.resolver = new TunnelResolver(config, client, restoredTunnelId);
        if (restoredTunnelId != null) {
            this.restoredClientIdToEnd = restoredClientId;
        }
        this.lastHeartbeatOkNanos = nanoClock.getAsLong();
        this.nextHeartbeatNanos = lastHeartbeatOkNanos;
        this.retryNotBeforeNanos = lastHeartbeatOkNanos;
    }

    /**
     * Heartbeats if one is due (or the coordinator asked for one) and returns what changed, or
     * null when nothing was due, the round failed transiently or the session is closed.
     *
     * @throws TunnelSourceException for failures that retrying cannot fix
     */
    synchronized SessionUpdate tick(CoordinatorView view) {
        if (closed.get()) {
            return null;
        }
        try {
            return roundIfDue(view);
        } catch (RuntimeException e) {
            if (closed.get()) {
                return null; // close() closed the client under this round: its failure is expected
            }
            throw e;
        }
    }

    private SessionUpdate roundIfDue(CoordinatorView view) {
        long now = nanoClock.getAsLong();
        if (now - retryNotBeforeNanos < 0) {
            // Backing off after a failure. An urgent request waits too: it would meet the same
            // failure, and requests come with every reader event. It is served when the wait ends.
            return null;
        }
        boolean urgent = view.urgentSeq > handledUrgentSeq;
        if (!urgent && now - nextHeartbeatNanos < 0) {
            return null;
        }
        handledUrgentSeq = view.urgentSeq;
        try {
            return round(view, now);
        } catch (TablestoreException e) {
            if (closed.get()) {
                return null;
            }
            if (TunnelErrors.isFatal(e)) {
                throw TunnelErrors.fatal(
                        e,
                        config.describeTunnel(),
                        "keeping the tunnel session",
                        TunnelErrors.Side.JOB_MANAGER);
            }
            long delay = retryBackoff.nextDelayMillis();
            retryNotBeforeNanos = now + TimeUnit.MILLISECONDS.toNanos(delay);
            nextHeartbeatNanos = retryNotBeforeNanos;
            LOG.warn(
                    "Tunnel session round for {} failed, retrying in {} ms: {}",
                    config.describeTunnel(),
                    delay,
                    e.getMessage());
            if (clientId != null && now - lastHeartbeatOkNanos > timeoutNanos) {
                LOG.warn(
                        "No successful heartbeat for {} within the heartbeat timeout {}: the "
                                + "service has dropped session {}; connecting anew",
                        config.describeTunnel(),
                        config.heartbeatTimeout(),
                        clientId);
                shutdownQuietly(clientId);
                clientId = null;
            }
            return null;
        }
    }

    /** Sends each DescribeTunnel answer to {@code listener} (from the session's thread). */
    void onDescription(Consumer<TunnelDescription> listener) {
        this.descriptions = listener;
    }

    private TunnelDescription describe(long now) {
        TunnelDescription d = resolver.describe();
        lastDescribeNanos = now;
        describedOnce = true;
        descriptions.accept(d);
        return d;
    }

    /**
     * One DescribeTunnel per heartbeat interval for the lag metrics when the round needs none. A
     * failure only leaves the metrics as they were: the next round that needs the description
     * meets (and handles) it.
     */
    private void describeForLag(long now) {
        try {
            describe(now);
        } catch (RuntimeException e) {
            lastDescribeNanos = now;
            describedOnce = true;
            LOG.debug(
                    "DescribeTunnel for the lag metrics of {} failed", config.describeTunnel(), e);
        }
    }

    /** Connects unless the session was closed meanwhile (a round in flight must not reconnect). */
    private boolean connectUnlessClosed() {
        if (closed.get()) {
            return false;
        }
        if (restoredClientIdToEnd != null) {
            LOG.info(
                    "Ending session {} of {} from the restored state before connecting anew",
                    restoredClientIdToEnd,
                    config.describeTunnel());
            shutdownQuietly(restoredClientIdToEnd);
        }
        connect();
        restoredClientIdToEnd = null;
        return true;
    }

    private SessionUpdate round(CoordinatorView view, long now) {
        handedOver.values().removeIf(seq -> seq <= view.appliedUpdateSeq);
        if (tunnelId == null) {
            tunnelId = resolver.resolve();
            tunnelCreateTimeMillis = resolver.createTimeMillis();
        }
        if (clientId == null && !connectUnlessClosed()) {
            return null;
        }
        List<ChannelState> response;
        try {
            response = heartbeat(view);
        } catch (TablestoreException e) {
            if (!TunnelErrors.isSessionLost(e)) {
                throw e;
            }
            LOG.warn(
                    "Tunnel session {} of {} is gone on the service ({}); connecting anew",
                    clientId,
                    config.describeTunnel(),
                    e.errorCode());
            clientId = null;
            if (!connectUnlessClosed()) {
                return null;
            }
            response = heartbeat(view);
        }
        lastHeartbeatOkNanos = now;
        nextHeartbeatNanos = now + intervalNanos;
        retryBackoff.reset();
        Map<String, ChannelState> held = new LinkedHashMap<>();
        for (ChannelState s : response) {
            held.put(s.channelId(), s);
        }
        serverView = held;

        long seq = updateSeq + 1;
        List<String> newOpen = new ArrayList<>();
        List<String> reoffered = new ArrayList<>();
        List<String> closing = new ArrayList<>();
        for (ChannelState s : response) {
            String id = s.channelId();
            if (s.status() == ChannelStatus.OPEN && !handedOver.containsKey(id)) {
                if (view.released.containsKey(id)) {
                    reoffered.add(id);
                    handedOver.put(id, seq);
                } else if (!view.known.contains(id)) {
                    newOpen.add(id);
                }
            } else if (s.status() == ChannelStatus.CLOSING
                    && !view.released.containsKey(id)
                    && !view.finished.contains(id)) {
                closing.add(id);
            }
        }
        Map<String, ChannelStatus> statuses = null;
        Map<String, ChannelType> types = new HashMap<>();
        boolean complete = false;
        if (!newOpen.isEmpty() || view.needServerStatuses || view.checkCompletion) {
            TunnelDescription d = describe(now);
            statuses = new HashMap<>();
            for (ChannelInfo c : d.channels()) {
                statuses.put(c.channelId(), c.status());
                types.put(c.channelId(), c.type());
            }
            channelTypes.putAll(types);
            complete = TunnelResolver.isComplete(d, view.finished);
        }
        if (!describedOnce || now - lastDescribeNanos >= intervalNanos) {
            describeForLag(now);
        }
        List<TunnelChannelSplit> discovered = new ArrayList<>();
        for (String id : newOpen) {
            ChannelType type = types.get(id);
            if (type == null) {
                LOG.info(
                        "Channel {} is open but DescribeTunnel does not list it yet; retrying", id);
                nextHeartbeatNanos =
                        now + TimeUnit.MILLISECONDS.toNanos(retryBackoff.nextDelayMillis());
                continue;
            }
            List<String> parents = type == ChannelType.STREAM ? resolver.parentsOf(id) : List.of();
            ChannelCheckpoint cp = client.getCheckpoint(tunnelId, clientId, id);
            discovered.add(
                    new TunnelChannelSplit(id, type, cp.token(), cp.sequenceNumber(), parents));
            handedOver.put(id, seq);
        }
        boolean changed = announcePending;
        announcePending = false;
        updateSeq = seq;
        return new SessionUpdate(
                seq,
                new SessionIds(tunnelId, clientId, tunnelCreateTimeMillis),
                changed,
                discovered,
                closing,
                reoffered,
                statuses,
                complete);
    }

    private List<ChannelState> heartbeat(CoordinatorView view) {
        // Store first, then report: the service lets others move on (children open, the next
        // holder starts) only once what it needs for that is in the tunnel.
        Set<String> stored = storeBeforeReporting(view);
        List<ChannelState> reports = reports(view, stored);
        try {
            List<ChannelState> response = client.heartbeat(tunnelId, clientId, reports);
            heartbeatsOk.incrementAndGet();
            return response;
        } catch (RuntimeException e) {
            heartbeatsFailed.incrementAndGet();
            throw e;
        }
    }

    /** Whether a held channel is to be reported TERMINATED: finished in Flink and not held back. */
    private boolean toTerminate(CoordinatorView view, String channelId) {
        return view.finished.contains(channelId)
                && !(view.holdFinishedBaseData
                        && channelTypes.get(channelId) == ChannelType.BASE_DATA);
    }

    /** Whether a held channel is to be acknowledged CLOSE at the position Flink handed back. */
    private static boolean toRelease(CoordinatorView view, ChannelState s) {
        return s.status() == ChannelStatus.CLOSING && view.released.containsKey(s.channelId());
    }

    /**
     * Stores the {@code finished} checkpoint of channels to report TERMINATED and the handed-back
     * position of channels to acknowledge with CLOSE. Returns the channels stored.
     */
    private Set<String> storeBeforeReporting(CoordinatorView view) {
        Set<String> stored = new HashSet<>();
        for (ChannelState s : serverView.values()) {
            String id = s.channelId();
            if (s.status() == ChannelStatus.TERMINATED || s.status() == ChannelStatus.CLOSE) {
                continue;
            }
            boolean ok;
            if (toTerminate(view, id)) {
                ok = progress.storeFinished(tunnelId, clientId, id);
            } else {
                ok =
                        toRelease(view, s)
                                && progress.storeReleased(
                                        tunnelId, clientId, id, view.released.get(id));
            }
            if (ok) {
                stored.add(id);
            }
        }
        return stored;
    }

    /** The client's channels as the next heartbeat reports them, given what is stored. */
    private List<ChannelState> reports(CoordinatorView view, Set<String> stored) {
        List<ChannelState> reports = new ArrayList<>();
        for (ChannelState s : serverView.values()) {
            if (s.status() == ChannelStatus.TERMINATED || s.status() == ChannelStatus.CLOSE) {
                continue;
            }
            String id = s.channelId();
            if (toTerminate(view, id) && stored.contains(id)) {
                LOG.info("Reporting channel {} of {} as TERMINATED", id, config.describeTunnel());
                reports.add(s.reportAs(ChannelStatus.TERMINATED));
            } else if (toRelease(view, s) && stored.contains(id)) {
                LOG.info(
                        "Channel {} of {} handed back; reporting CLOSE",
                        id,
                        config.describeTunnel());
                reports.add(s.reportAs(ChannelStatus.CLOSE));
            } else if (s.status() == ChannelStatus.CLOSING
                    && !view.known.contains(id)
                    && !handedOver.containsKey(id)) {
                // Never handed to the coordinator: nothing was read, the tunnel's checkpoint
                // already is the position.
                LOG.info(
                        "Channel {} of {} was asked back before it was read; reporting CLOSE",
                        id,
                        config.describeTunnel());
                reports.add(s.reportAs(ChannelStatus.CLOSE));
            } else {
                // OPEN: we hold it (or, in batch mode, keep a finished base channel readable).
                // CLOSING: its reader is still handing it back, or storing failed: next round.
                reports.add(s);
            }
        }
        return reports;
    }

    private void connect() {
        try {
            clientId =
                    client.connect(
                            tunnelId, config.heartbeatTimeout().getSeconds(), config.clientTag());
        } catch (TablestoreException e) {
            if (e.hasCode(ErrorCodes.CLIENT_NETWORK_ERROR)) {
                // No answer: the service may have created the session anyway. Only the answer
                // carries its id (no API lists a tunnel's clients or their tags), so it cannot be
                // shut down; it counts as a client of the tunnel until its lease runs out.
                LOG.warn(
                        "ConnectTunnel to {} got no answer; if the service connected a session anyway, "
                                + "that session keeps a share of the channels unassigned until its lease (the "
                                + "heartbeat timeout {}) runs out",
                        config.describeTunnel(),
                        config.heartbeatTimeout());
            }
            throw e;
        }
        lastHeartbeatOkNanos = nanoClock.getAsLong(); // a new lease starts now
        serverView = new LinkedHashMap<>();
        announcePending = true;
        connects.incrementAndGet();
        LOG.info("Connected to {} as client {}", config.describeTunnel(), clientId);
    }

    private void shutdownQuietly(String id) {
        if (tunnelId == null || id == null) {
            return;
        }
        try {
            client.shutdown(tunnelId, id);
        } catch (RuntimeException e) {
            LOG.info(
                    "Shutdown of tunnel session {} failed (the service frees it after the heartbeat "
                            + "timeout): {}",
                    id,
                    e.getMessage());
        }
    }

    /**
     * Ends the session: Shutdown, so the service frees its channels at once, then closes the
     * client. Does not wait for a round in flight: the Shutdown goes alongside its call, and
     * closing the client cancels that call, so the round ends at once (without reconnecting). A
     * ConnectTunnel in flight is cancelled too: if the service connected it anyway, that session
     * runs out with its lease, like any whose answer was lost. Only the first call does anything.
     */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        String id = clientId;
        try {
            if (id != null) {
                LOG.info("Shutting down tunnel session {} of {}", id, config.describeTunnel());
                shutdownQuietly(id);
            }
        } finally {
            client.close();
        }
    }

    /** How many sessions were opened (the first connect included). */
    long connects() {
        return connects.get();
    }

    long heartbeatsSucceeded() {
        return heartbeatsOk.get();
    }

    long heartbeatsFailed() {
        return heartbeatsFailed.get();
    }
}

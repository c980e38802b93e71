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

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.source.config.ProgressMode;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.ChannelsFinishedEvent;
import io.github.tablestore.flink.tunnel.source.event.ChannelsRecordedEvent;
import io.github.tablestore.flink.tunnel.source.event.ChannelsReleasedEvent;
import io.github.tablestore.flink.tunnel.source.event.ReaderStartedEvent;
import io.github.tablestore.flink.tunnel.source.event.ReleaseChannelsEvent;
import io.github.tablestore.flink.tunnel.source.event.TunnelSessionEvent;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.groups.AbstractMetricGroup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tunnel client of the job. It holds the only tunnel session and runs it on the
 * coordinator's worker thread ({@link TunnelSession}); everything else happens on the coordinator
 * thread: tracking channels ({@link ChannelTracker}), assigning the ones that may be read
 * ({@link TunnelSplitAssigner}), telling readers the session to use ({@link TunnelSessionEvent})
 * and learning from them when a channel's finish is safely checkpointed ({@link
 * ChannelsFinishedEvent}).
 *
 * <p>Ordering: a channel is assigned only when all its parents are finished in a completed
 * checkpoint, whatever the service offers. Bounded sources signal "no more splits" to every
 * reader once all channels are finished and the service says the tunnel is complete.
 *
 * <p>Rebalancing: when the service asks for a channel back (CLOSING, e.g. because another client
 * connected to the tunnel), the channel's reader is told to stop it ({@link
 * ReleaseChannelsEvent}) and hands back its position ({@link ChannelsReleasedEvent}) once that
 * is covered by a completed checkpoint; the session then stores the position in the tunnel and
 * acknowledges. If the service offers the channel again, it is read from that position.
 *
 * <p>Batch mode (readers say so, {@link ReaderStartedEvent}): subtasks may run in waves, so
 * channels go to the readers that are running, each holding at most its share; a failed reader's
 * channels are read again even if they finished, as its output is produced anew; finished
 * base-data channels are not reported TERMINATED while the job runs, so they can be read again.
 *
 * <p>It is one class of about 400 lines on purpose: each of Flink's callbacks changes the
 * tracker, may assign channels and republishes the view, all on the coordinator thread.
 */
public final class TunnelSplitEnumerator
        implements SplitEnumerator<TunnelChannelSplit, TunnelEnumeratorState> {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelSplitEnumerator.class);

    /** How often the worker checks whether a heartbeat is due (or was asked for). */
    private static final long MAX_TICK_PERIOD_MS = 500;

    private final SplitEnumeratorContext<TunnelChannelSplit> context;
    private final TunnelSourceConfig config;
    private final ChannelTracker tracker;
    private final String restoredTunnelId;
    private final String restoredClientId;

    private TunnelClient client;
    private TunnelSession session;
    private volatile CoordinatorView view = CoordinatorView.INITIAL;

    /** The session for the state: restored ids until the first heartbeat tells otherwise. */
    private String tunnelId;

    private String clientId;

    /** The session readers use, known to be alive (set from session updates only). */
    private TunnelSessionEvent liveSession;

    private Map<String, ChannelStatus> serverStatuses;
    private long urgentSeq;
    private long appliedUpdateSeq;
    private boolean noMoreSplits;

    /** How the readers let the tunnel's progress follow Flink's; null until a reader said. */
    private ProgressMode mode;

    /** The checkpoint of the last {@link #snapshotState}; -1 before the first. */
    private long lastSnapshotId = -1;

    private final Counter handBacks = new ThreadSafeSimpleCounter();
    private MetricGroup metrics;

    public TunnelSplitEnumerator(
            SplitEnumeratorContext<TunnelChannelSplit> context,
            TunnelSourceConfig config,
            TunnelEnumeratorState restored) {
        this.context = context;
        this.config = config;
        TunnelEnumeratorState state = restored == null ? TunnelEnumeratorState.empty() : restored;
        this.tracker = ChannelTracker.restore(state);
        this.restoredTunnelId = state.tunnelId();
        this.restoredClientId = state.clientId();
        this.tunnelId = state.tunnelId();
        this.clientId = state.clientId();
    }

    @Override
    public void start() {
        client = config.clientFactory().createClient();
        session =
                new TunnelSession(
                        config, client, restoredTunnelId, restoredClientId, System::nanoTime);
        registerMetrics(context.metricGroup());
        publishView();
        long period =
                Math.max(1, Math.min(MAX_TICK_PERIOD_MS, config.heartbeatInterval().toMillis()));
        // First tick at once: the first heartbeat happens immediately.
        context.callAsync(() -> session.tick(view), this::onSessionUpdate, 0, period);
        LOG.info(
                "Tunnel enumerator started for {} ({}), restored: {}",
                config.describeTunnel(),
                config.boundedness(),
                tracker.snapshot(tunnelId, clientId));
    }

    private void registerMetrics(MetricGroup group) {
        MetricGroup tunnel = group.addGroup("tunnel");
        metrics = tunnel;
        tunnel.gauge("pendingChannels", tracker::pendingCount);
        tunnel.gauge("assignedChannels", tracker::assignedCount);
        tunnel.gauge("finishedChannels", tracker::finishedCount);
        tunnel.gauge("releasingChannels", tracker::releasingCount);
        tunnel.gauge("releasedChannels", tracker::releasedCount);
        tunnel.counter("channelHandBacks", handBacks);
        tunnel.gauge("sessions", () -> session == null ? 0L : session.connects());
        tunnel.gauge(
                "reconnects", () -> session == null ? 0L : Math.max(0, session.connects() - 1));
        tunnel.gauge(
                "heartbeatsSucceeded", () -> session == null ? 0L : session.heartbeatsSucceeded());
        tunnel.gauge("heartbeatsFailed", () -> session == null ? 0L : session.heartbeatsFailed());
        session.onDescription(new TunnelLagMetrics(tunnel, System::currentTimeMillis)::update);
    }

    // ------------------------------------------------------------------ session updates

    private void onSessionUpdate(SessionUpdate update, Throwable error) {
        if (error != null) {
            // Only fatal errors reach here (the session retries the rest); failing the handler
            // fails the job with the session's message.
            LOG.error("Tunnel session failed for {}", config.describeTunnel(), error);
            if (error instanceof RuntimeException) {
                throw (RuntimeException) error;
            }
            throw new IllegalStateException(error);
        }
        if (update == null) {
            return;
        }
        applyUpdate(update);
    }

    void applyUpdate(SessionUpdate update) {
        appliedUpdateSeq = update.seq;
        tunnelId = update.session.tunnelId();
        clientId = update.session.clientId();
        if (update.sessionChanged || liveSession == null) {
            liveSession = new TunnelSessionEvent(update.session);
            for (int reader : context.registeredReaders().keySet()) {
                context.sendEventToSourceReader(reader, liveSession);
            }
        }
        if (update.serverStatuses != null) {
            serverStatuses = update.serverStatuses;
            if (mode != ProgressMode.BATCH) { // batch: a failover may read a finished channel again
                tracker.forgetTerminated(serverStatuses);
            }
        }
        boolean finishedNews = finishReleasedChannelsTerminatedElsewhere();
        for (TunnelChannelSplit split : update.discovered) {
            if (tracker.isKnown(split.channelId())) {
                continue; // Flink state wins over the service's checkpoint
            }
            if (split.isFinished()) {
                // Finished on the service: by our rules that only happens after a completed
                // checkpoint, so it counts as finished here too.
                LOG.info("Channel {} is already finished on the service", split.channelId());
                tracker.markFinished(split.channelId());
                finishedNews = true;
            } else {
                LOG.info("Discovered {}", split);
                tracker.addPending(split);
            }
        }
        if (finishedNews) {
            urgentSeq++;
        }
        for (String id : update.reoffered) {
            if (tracker.reoffer(id)) {
                LOG.info(
                        "The service offers channel {} again; reading it from where this job stopped",
                        id);
            }
        }
        handleClosing(update.closing);
        assignPending();
        maybeSignalNoMoreSplits(update.tunnelComplete);
        publishView();
    }

    /** The service wants these channels back: release pending ones, ask readers for the rest. */
    private void handleClosing(List<String> closing) {
        boolean released = false;
        Map<Integer, List<String>> askByReader = new HashMap<>();
        List<String> askEveryone = new ArrayList<>();
        for (String id : closing) {
            switch (tracker.requestRelease(id)) {
                case RELEASED:
                    LOG.info(
                            "The service asks for channel {} back; it was not assigned yet, releasing it",
                            id);
                    handBacks.inc();
                    released = true;
                    break;
                case ASK_READER:
                    Integer owner = tracker.ownerOf(id);
                    LOG.info(
                            "The service asks for channel {} back; asking {} to hand it back",
                            id,
                            owner == ChannelTracker.UNKNOWN_OWNER
                                    ? "every reader"
                                    : "reader " + owner);
                    if (owner == ChannelTracker.UNKNOWN_OWNER) {
                        askEveryone.add(id);
                    } else {
                        askByReader.computeIfAbsent(owner, r -> new ArrayList<>()).add(id);
                    }
                    break;
                default:
                    break; // in progress, or the session acknowledges it by itself
            }
        }
        Map<Integer, ?> readers = context.registeredReaders();
        for (Map.Entry<Integer, List<String>> e : askByReader.entrySet()) {
            if (readers.containsKey(e.getKey())) {
                context.sendEventToSourceReader(e.getKey(), new ReleaseChannelsEvent(e.getValue()));
            } // else: the reader re-registers after its restart and is asked then (addReader)
        }
        if (!askEveryone.isEmpty()) {
            for (int reader : readers.keySet()) {
                context.sendEventToSourceReader(reader, new ReleaseChannelsEvent(askEveryone));
            }
        }
        if (released) {
            urgentSeq++; // acknowledge promptly
        }
    }

    /**
     * A released channel that the service reports TERMINATED was read to its end by another
     * client of the tunnel: this job will not get it again. Counting it as finished keeps its
     * children and a bounded job's end from waiting forever.
     */
    private boolean finishReleasedChannelsTerminatedElsewhere() {
        if (serverStatuses == null || tracker.releasedCount() == 0) {
            return false;
        }
        boolean news = false;
        for (String id : tracker.releasedPositions().keySet()) {
            if (serverStatuses.get(id) == ChannelStatus.TERMINATED) {
                LOG.warn(
                        "Channel {} was handed back to the service and another client of the {} "
                                + "read it to its end: its records after the handed-back position went to that "
                                + "client, not to this job",
                        id,
                        config.describeTunnel());
                tracker.markFinished(id);
                news = true;
            }
        }
        return news;
    }

    // ------------------------------------------------------------------ readers and splits

    @Override
    public void addReader(int subtaskId) {
        if (liveSession != null) {
            context.sendEventToSourceReader(subtaskId, liveSession);
        }
        List<String> releasing = new ArrayList<>(tracker.releasingIds());
        if (!releasing.isEmpty()) {
            // A restarted reader may hold (from its state) channels the service wants back.
            context.sendEventToSourceReader(subtaskId, new ReleaseChannelsEvent(releasing));
        }
        assignPending();
        if (noMoreSplits) {
            context.signalNoMoreSplits(
                    subtaskId); // also for readers that registered late or restarted
        }
        publishView();
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Assignment is push-based.
    }

    @Override
    public void addSplitsBack(List<TunnelChannelSplit> splits, int subtaskId) {
        List<TunnelChannelSplit> returned =
                tracker.returnSplits(splits, mode == ProgressMode.BATCH);
        LOG.info(
                "Reader {} failed before checkpointing {}; assigning them again",
                subtaskId,
                returned);
        assignPending();
        publishView();
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (event instanceof ChannelsFinishedEvent) {
            List<String> ids = ((ChannelsFinishedEvent) event).channelIds();
            boolean news = false;
            for (String id : ids) {
                if (tracker.markFinished(id)) {
                    LOG.info("Channel {} finished (reported by reader {})", id, subtaskId);
                    news = true;
                }
            }
            acknowledge(subtaskId, ids);
            if (news) {
                urgentSeq++; // report TERMINATED promptly so the children open
                assignPending();
            }
            publishView();
        } else if (event instanceof ChannelsReleasedEvent) {
            boolean news = false;
            List<String> ids = new ArrayList<>();
            for (TunnelChannelSplit split : ((ChannelsReleasedEvent) event).splits()) {
                ids.add(split.channelId());
                if (tracker.markReleased(split)) {
                    LOG.info("Channel {} handed back by reader {}", split, subtaskId);
                    handBacks.inc();
                    news = true;
                } else if (tracker.isAssigned(split.channelId())) {
                    LOG.info(
                            "Ignoring a stale hand-back of {} by reader {}: the channel was assigned "
                                    + "again since",
                            split,
                            subtaskId);
                }
            }
            acknowledge(subtaskId, ids);
            if (news) {
                urgentSeq++; // store the positions and acknowledge promptly
            }
            publishView();
        } else if (event instanceof ReaderStartedEvent) {
            ProgressMode readerMode = ((ReaderStartedEvent) event).mode();
            if (mode == null) {
                LOG.info("Readers run in {} mode", readerMode);
                mode = readerMode;
                assignPending();
                publishView();
            } else if (mode != readerMode) {
                LOG.warn(
                        "Reader {} runs in {} mode, the others in {} mode",
                        subtaskId,
                        readerMode,
                        mode);
            }
        } else {
            LOG.warn("Ignoring unknown source event {} from reader {}", event, subtaskId);
        }
    }

    /**
     * Tells the reader from which checkpoint on the enumerator's snapshots hold what it reported
     * (also for reports that were no news or stale), so it may drop them from its state then.
     */
    private void acknowledge(int subtaskId, List<String> channelIds) {
        if (!channelIds.isEmpty() && context.registeredReaders().containsKey(subtaskId)) {
            context.sendEventToSourceReader(
                    subtaskId, new ChannelsRecordedEvent(channelIds, lastSnapshotId + 1));
        }
    }

    private void assignPending() {
        if (liveSession == null) {
            return; // readers could not read yet; wait for a live session
        }
        Map<Integer, ?> readers = context.registeredReaders();
        int maxPerReader = Integer.MAX_VALUE;
        if (mode == ProgressMode.BATCH) {
            // Subtasks may run in waves (fewer slots than readers): no waiting for all, but each
            // running reader gets only its share, the rest goes out as channels finish.
            if (readers.isEmpty()) {
                return;
            }
            int unfinished = tracker.pendingCount() + tracker.assignedCount();
            maxPerReader =
                    Math.max(
                            1,
                            (unfinished + context.currentParallelism() - 1)
                                    / context.currentParallelism());
        } else if (readers.size() < context.currentParallelism()) {
            return; // wait for all readers so the assignment is balanced
        }
        List<TunnelChannelSplit> ready = tracker.readyToAssign(serverStatuses);
        if (ready.isEmpty()) {
            return;
        }
        Map<Integer, List<TunnelChannelSplit>> plan = new HashMap<>();
        for (Map.Entry<Integer, List<TunnelChannelSplit>> e :
                TunnelSplitAssigner.assign(
                                ready, readers.keySet(), tracker.loadByReader(), maxPerReader)
                        .entrySet()) {
            List<TunnelChannelSplit> numbered = new ArrayList<>();
            for (TunnelChannelSplit split : e.getValue()) {
                numbered.add(tracker.markAssigned(split.channelId(), e.getKey()));
            }
            plan.put(e.getKey(), numbered);
        }
        if (plan.isEmpty()) {
            return;
        }
        LOG.info("Assigning {}", plan);
        context.assignSplits(new SplitsAssignment<>(plan));
    }

    private void maybeSignalNoMoreSplits(boolean tunnelComplete) {
        if (noMoreSplits || config.boundedness() != Boundedness.BOUNDED) {
            return;
        }
        if (!tunnelComplete || tracker.hasUnfinishedChannels()) {
            return;
        }
        LOG.info("Every channel of {} is finished; no more splits", config.describeTunnel());
        noMoreSplits = true;
        for (int reader : context.registeredReaders().keySet()) {
            context.signalNoMoreSplits(reader);
        }
    }

    private void publishView() {
        boolean bounded = config.boundedness() == Boundedness.BOUNDED;
        view =
                new CoordinatorView(
                        tracker.knownIds(),
                        tracker.finishedIds(),
                        tracker.assignedIds(),
                        tracker.releasedPositions(),
                        tracker.waitsOnUntrackedParent() || tracker.releasedCount() > 0,
                        bounded && !noMoreSplits && !tracker.hasUnfinishedChannels(),
                        mode == ProgressMode.BATCH,
                        urgentSeq,
                        appliedUpdateSeq);
    }

    // ------------------------------------------------------------------ checkpoints and close

    @Override
    public TunnelEnumeratorState snapshotState(long checkpointId) {
        lastSnapshotId = Math.max(lastSnapshotId, checkpointId);
        return tracker.snapshot(tunnelId, clientId);
    }

    @Override
    public void close() throws IOException {
        try {
            // Does not wait for a heartbeat in flight: that round sends the Shutdown and closes the
            // client when its call returns.
            if (session != null) {
                session.close();
            } else if (client != null) {
                client.close();
            }
        } finally {
            // The coordinator's metric group outlives this enumerator (a global failover creates
            // a new one in the same group): unregister, so the next one can register its own.
            if (metrics instanceof AbstractMetricGroup) {
                ((AbstractMetricGroup<?>) metrics).close();
            }
        }
    }
}

package io.github.tablestore.flink.tunnel.source.enumerator;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.ChannelsFinishedEvent;
import io.github.tablestore.flink.tunnel.source.event.TunnelSessionEvent;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        session = new TunnelSession(config, client, restoredTunnelId, restoredClientId, System::nanoTime);
        registerMetrics(context.metricGroup());
        publishView();
        long period = Math.max(1, Math.min(MAX_TICK_PERIOD_MS, config.heartbeatInterval().toMillis()));
        // First tick at once: the first heartbeat happens immediately.
        context.callAsync(() -> session.tick(view), this::onSessionUpdate, 0, period);
        LOG.info("Tunnel enumerator started for {} ({}), restored: {}", config.describeTunnel(),
                config.boundedness(), tracker.snapshot(tunnelId, clientId));
    }

    private void registerMetrics(MetricGroup group) {
        MetricGroup tunnel = group.addGroup("tunnel");
        tunnel.gauge("pendingChannels", tracker::pendingCount);
        tunnel.gauge("assignedChannels", tracker::assignedCount);
        tunnel.gauge("finishedChannels", tracker::finishedCount);
        tunnel.gauge("sessions", () -> session == null ? 0L : session.connects());
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
        tunnelId = update.tunnelId;
        clientId = update.clientId;
        if (update.sessionChanged || liveSession == null) {
            liveSession = new TunnelSessionEvent(tunnelId, clientId);
            for (int reader : context.registeredReaders().keySet()) {
                context.sendEventToSourceReader(reader, liveSession);
            }
        }
        if (update.serverStatuses != null) {
            serverStatuses = update.serverStatuses;
        }
        boolean finishedNews = false;
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
        assignPending();
        maybeSignalNoMoreSplits(update.tunnelComplete);
        publishView();
    }

    // ------------------------------------------------------------------ readers and splits

    @Override
    public void addReader(int subtaskId) {
        if (liveSession != null) {
            context.sendEventToSourceReader(subtaskId, liveSession);
        }
        assignPending();
        if (noMoreSplits) {
            context.signalNoMoreSplits(subtaskId); // also for readers that registered late or restarted
        }
        publishView();
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Assignment is push-based.
    }

    @Override
    public void addSplitsBack(List<TunnelChannelSplit> splits, int subtaskId) {
        List<TunnelChannelSplit> returned = tracker.returnSplits(splits);
        LOG.info("Reader {} failed before checkpointing {}; assigning them again", subtaskId, returned);
        assignPending();
        publishView();
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (event instanceof ChannelsFinishedEvent) {
            boolean news = false;
            for (String id : ((ChannelsFinishedEvent) event).channelIds()) {
                if (tracker.markFinished(id)) {
                    LOG.info("Channel {} finished (reported by reader {})", id, subtaskId);
                    news = true;
                }
            }
            if (news) {
                urgentSeq++; // report TERMINATED promptly so the children open
                assignPending();
            }
            publishView();
        } else {
            LOG.warn("Ignoring unknown source event {} from reader {}", event, subtaskId);
        }
    }

    private void assignPending() {
        if (liveSession == null) {
            return; // readers could not read yet; wait for a live session
        }
        Map<Integer, ?> readers = context.registeredReaders();
        if (readers.size() < context.currentParallelism()) {
            return; // wait for all readers so the assignment is balanced
        }
        List<TunnelChannelSplit> ready = tracker.readyToAssign(serverStatuses);
        if (ready.isEmpty()) {
            return;
        }
        Map<Integer, List<TunnelChannelSplit>> plan =
                TunnelSplitAssigner.assign(ready, readers.keySet(), tracker.loadByReader());
        for (Map.Entry<Integer, List<TunnelChannelSplit>> e : plan.entrySet()) {
            for (TunnelChannelSplit split : e.getValue()) {
                tracker.markAssigned(split.channelId(), e.getKey());
            }
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
        view = new CoordinatorView(
                tracker.knownIds(),
                tracker.finishedIds(),
                tracker.assignedIds(),
                tracker.waitsOnUntrackedParent(),
                bounded && !noMoreSplits && !tracker.hasUnfinishedChannels(),
                urgentSeq,
                appliedUpdateSeq);
    }

    // ------------------------------------------------------------------ checkpoints and close

    @Override
    public TunnelEnumeratorState snapshotState(long checkpointId) {
        return tracker.snapshot(tunnelId, clientId);
    }

    @Override
    public void close() throws IOException {
        try {
            if (session != null) {
                session.shutdown();
            }
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }
}

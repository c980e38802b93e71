package io.github.tablestore.flink.tunnel.source.reader;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.ChannelsFinishedEvent;
import io.github.tablestore.flink.tunnel.source.event.ChannelsReleasedEvent;
import io.github.tablestore.flink.tunnel.source.event.ReleaseChannelsEvent;
import io.github.tablestore.flink.tunnel.source.event.TunnelSessionEvent;
import io.github.tablestore.flink.tunnel.source.metrics.TunnelReaderMetrics;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplitState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the channels assigned to one subtask and keeps the tunnel informed of its progress.
 *
 * <p>Threads: the task thread emits batches and handles checkpoints and events; one fetcher
 * thread runs {@link TunnelChannelSplitReader}, which reads channels concurrently on a small pool;
 * one committer thread stores positions in the tunnel ({@link ReaderCommitter}).
 *
 * <p>With checkpointing (exactly-once), {@link #snapshotState} remembers each channel's token per
 * checkpoint and {@link #notifyCheckpointComplete} stores the tokens of the completed checkpoint
 * in the tunnel, asynchronously. A channel read to its end stays in the reader's state, flagged
 * finished, until a checkpoint containing the finish completes; then the reader tells the
 * enumerator ({@link ChannelsFinishedEvent}), which stores {@code finished} and reports the
 * channel TERMINATED, so its children open only then. The finished split stays in state one
 * checkpoint longer, so that a restore re-sends the event if the enumerator's state missed it;
 * finished splits restored from state are never read, only reported again.
 *
 * <p>Hand-backs follow the same path. When the enumerator relays the service's request for a
 * channel ({@link ReleaseChannelsEvent}), the split reader stops the channel after its last
 * emitted batch (a record boundary); the split stays in the reader's state flagged released
 * until a checkpoint containing it completes, then goes to the enumerator ({@link
 * ChannelsReleasedEvent}) with its position, and stays one checkpoint longer.
 *
 * <p>Without checkpointing (at-least-once), positions are stored every commit interval, and a
 * finished or released channel is reported once its last batch was emitted.
 */
public final class TunnelSourceReader<T>
        extends SingleThreadMultiplexSourceReaderBase<ChannelBatch, T, TunnelChannelSplit, TunnelChannelSplitState> {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelSourceReader.class);

    private final TunnelFetcherManager fetchers;
    private final SessionHolder sessions;
    private final ReaderCommitter committer;
    private final TunnelClient client;
    private final TunnelReaderMetrics metrics;
    private final boolean commitOnCheckpoint;

    /** Checkpoint id → channel → token of the channels read in that snapshot. */
    private final NavigableMap<Long, Map<String, String>> positionsByCheckpoint = new TreeMap<>();
    /** Finished or released channels still carried in state (checkpointing mode). */
    private final Map<String, HandedBack> handedBack = new LinkedHashMap<>();
    /** Channels being read by the split reader. */
    private final Set<String> reading = new HashSet<>();
    /** Channels whose release was requested from the split reader. */
    private final Set<String> releasing = new HashSet<>();
    /** Latest emitted position per channel (periodic mode), read by the committer thread. */
    private final Map<String, String> emittedPositions;
    private long lastSnapshotId = -1;
    private boolean started;

    private TunnelSourceReader(
            TunnelFetcherManager fetchers,
            TunnelRecordEmitter<T> emitter,
            SourceReaderContext context,
            SessionHolder sessions,
            ReaderCommitter committer,
            TunnelClient client,
            TunnelReaderMetrics metrics,
            boolean commitOnCheckpoint,
            Map<String, String> emittedPositions) {
        super(fetchers, emitter, context.getConfiguration(), context);
        this.fetchers = fetchers;
        this.sessions = sessions;
        this.committer = committer;
        this.client = client;
        this.metrics = metrics;
        this.commitOnCheckpoint = commitOnCheckpoint;
        this.emittedPositions = emittedPositions;
    }

    /**
     * Builds a reader with its own tunnel client.
     *
     * @param commitOnCheckpoint true when the job checkpoints (exactly-once commits); false to
     *     commit on the configured interval
     */
    public static <T> TunnelSourceReader<T> create(
            TunnelSourceConfig config,
            TunnelRecordDeserializationSchema<T> deserializer,
            SourceReaderContext context,
            boolean commitOnCheckpoint) {
        return create(config, deserializer, context, commitOnCheckpoint, System::nanoTime);
    }

    static <T> TunnelSourceReader<T> create(
            TunnelSourceConfig config,
            TunnelRecordDeserializationSchema<T> deserializer,
            SourceReaderContext context,
            boolean commitOnCheckpoint,
            LongSupplier nanoClock) {
        TunnelClient client = config.clientFactory().createClient();
        SessionHolder sessions = new SessionHolder();
        TunnelReaderMetrics metrics = new TunnelReaderMetrics(context.metricGroup());
        int subtask = context.getIndexOfSubtask();
        ReaderCommitter committer = new ReaderCommitter(
                client, sessions, subtask, metrics.commitsSucceeded(), metrics.commitsFailed());
        Map<String, String> emittedPositions = commitOnCheckpoint ? null : new ConcurrentHashMap<>();
        TunnelRecordEmitter<T> emitter = new TunnelRecordEmitter<>(
                deserializer,
                context.metricGroup().getIOMetricGroup().getNumRecordsInCounter(),
                context.metricGroup().getIOMetricGroup().getNumBytesInCounter(),
                metrics,
                sessions,
                emittedPositions == null ? null : emittedPositions::put);
        TunnelFetcherManager fetchers = new TunnelFetcherManager(() -> new TunnelChannelSplitReader(
                client, sessions, config.describeTunnel(), config.maxParallelChannels(),
                config.readMaxBackoff().toMillis(), subtask, nanoClock, config.columnFilter(), metrics),
                context.getConfiguration());
        TunnelSourceReader<T> reader = new TunnelSourceReader<>(fetchers, emitter, context, sessions,
                committer, client, metrics, commitOnCheckpoint, emittedPositions);
        if (!commitOnCheckpoint) {
            LOG.info("Checkpointing is off: storing positions in the tunnel every {} (at-least-once)",
                    config.commitInterval());
            committer.commitPeriodically(() -> new HashMap<>(emittedPositions), config.commitInterval().toMillis());
        }
        return reader;
    }

    @Override
    public void start() {
        super.start();
        started = true;
        report(unreported());
    }

    @Override
    public void addSplits(List<TunnelChannelSplit> splits) {
        List<TunnelChannelSplit> toRead = new ArrayList<>();
        for (TunnelChannelSplit split : splits) {
            String id = split.channelId();
            committer.track(id, split.sequenceNumber());
            if (split.isFinished() || split.isReleased()) {
                // Restored from a completed checkpoint: report it again, never read it.
                HandedBack h = new HandedBack(split);
                h.inCompletedCheckpoint = true;
                handedBack.put(id, h);
            } else {
                // A channel handed back earlier and offered to this job again: the enumerator has
                // processed the hand-back, so its entry here is obsolete.
                handedBack.remove(id);
                toRead.add(split);
                reading.add(id);
                releasing.remove(id);
                metrics.channel(id).reading();
            }
        }
        if (started) {
            report(unreported());
        }
        if (!toRead.isEmpty()) {
            super.addSplits(toRead);
        }
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (event instanceof TunnelSessionEvent) {
            TunnelSessionEvent s = (TunnelSessionEvent) event;
            LOG.info("Using tunnel session {}", s);
            sessions.set(new SessionIds(s.tunnelId(), s.clientId(), s.tunnelCreateTimeMillis()));
        } else if (event instanceof ReleaseChannelsEvent) {
            release(((ReleaseChannelsEvent) event).channelIds());
        } else {
            super.handleSourceEvents(event);
        }
    }

    private void release(List<String> channelIds) {
        List<String> mine = new ArrayList<>();
        for (String id : channelIds) {
            if (reading.contains(id) && releasing.add(id)) {
                mine.add(id);
            }
        }
        if (mine.isEmpty()) {
            return; // not ours, already on the way back, or finished meanwhile
        }
        LOG.info("The service moved channels {} away; stopping them to hand them back", mine);
        if (!fetchers.release(mine)) {
            LOG.warn("No fetcher is running for channels {}; they will be handed back when reading stops", mine);
            releasing.removeAll(mine);
        }
    }

    @Override
    protected void onSplitFinished(Map<String, TunnelChannelSplitState> finishedStates) {
        List<String> finishedNow = new ArrayList<>();
        List<TunnelChannelSplit> releasedNow = new ArrayList<>();
        for (TunnelChannelSplitState state : finishedStates.values()) {
            String id = state.channelId();
            reading.remove(id);
            releasing.remove(id);
            long seq = committer.sequenceNumber(id, state.initialSplit().sequenceNumber());
            TunnelChannelSplit split = state.toSplit(seq);
            if (split.isFinished()) {
                metrics.finishedChannels().inc();
                metrics.channel(id).finished();
            } else {
                split = split.asReleased();
                metrics.handedBackChannels().inc();
                LOG.info("Channel {} stopped for hand-back", split);
            }
            if (commitOnCheckpoint) {
                handedBack.put(id, new HandedBack(split));
            } else {
                emittedPositions.remove(id);
                if (split.isFinished()) {
                    finishedNow.add(id);
                } else {
                    releasedNow.add(split);
                }
            }
            committer.forget(id);
        }
        // No checkpoints: the last batch is emitted, that is as safe as it gets.
        if (!finishedNow.isEmpty()) {
            context.sendSourceEventToCoordinator(new ChannelsFinishedEvent(finishedNow));
        }
        if (!releasedNow.isEmpty()) {
            context.sendSourceEventToCoordinator(new ChannelsReleasedEvent(releasedNow));
        }
    }

    @Override
    protected TunnelChannelSplitState initializedState(TunnelChannelSplit split) {
        return new TunnelChannelSplitState(split);
    }

    @Override
    protected TunnelChannelSplit toSplitType(String splitId, TunnelChannelSplitState state) {
        return state.toSplit(committer.sequenceNumber(splitId, state.initialSplit().sequenceNumber()));
    }

    @Override
    public List<TunnelChannelSplit> snapshotState(long checkpointId) {
        List<TunnelChannelSplit> splits = super.snapshotState(checkpointId);
        lastSnapshotId = checkpointId;
        Map<String, String> positions = new HashMap<>();
        for (TunnelChannelSplit split : splits) {
            positions.put(split.channelId(), split.token());
        }
        if (commitOnCheckpoint) {
            positionsByCheckpoint.put(checkpointId, positions);
        }
        List<TunnelChannelSplit> all = new ArrayList<>(splits);
        for (HandedBack h : handedBack.values()) {
            all.add(h.split);
            if (h.firstCheckpoint < 0) {
                h.firstCheckpoint = checkpointId;
            }
        }
        return all;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        if (!commitOnCheckpoint) {
            return;
        }
        // Positions: the newest completed snapshot of each channel.
        Map<Long, Map<String, String>> done = positionsByCheckpoint.headMap(checkpointId, true);
        Map<String, String> toCommit = new LinkedHashMap<>();
        for (Map<String, String> positions : done.values()) {
            toCommit.putAll(positions);
        }
        done.clear();
        // Finished and released channels: drop those reported before the snapshot of a now
        // completed checkpoint (the event reached the coordinator before that checkpoint's
        // successor snapshots the enumerator: both travel the same ordered RPC path), and report
        // those that are now in a completed checkpoint.
        handedBack.values().removeIf(h -> h.reportedAfterSnapshot != null && checkpointId > h.reportedAfterSnapshot);
        for (HandedBack h : handedBack.values()) {
            if (h.firstCheckpoint >= 0 && h.firstCheckpoint <= checkpointId) {
                h.inCompletedCheckpoint = true;
            }
        }
        toCommit.keySet().removeAll(handedBack.keySet());
        toCommit.keySet().removeIf(id -> !reading.contains(id));
        committer.commitAsync(toCommit);
        report(unreported());
    }

    private List<HandedBack> unreported() {
        List<HandedBack> list = new ArrayList<>();
        for (HandedBack h : handedBack.values()) {
            if (h.inCompletedCheckpoint && h.reportedAfterSnapshot == null) {
                list.add(h);
            }
        }
        return list;
    }

    private void report(List<HandedBack> channels) {
        if (channels.isEmpty()) {
            return;
        }
        List<String> finishedIds = new ArrayList<>();
        List<TunnelChannelSplit> released = new ArrayList<>();
        for (HandedBack h : channels) {
            h.reportedAfterSnapshot = lastSnapshotId;
            if (h.split.isFinished()) {
                finishedIds.add(h.split.channelId());
            } else {
                released.add(h.split);
            }
        }
        if (!finishedIds.isEmpty()) {
            LOG.info("Channels {} finished in a completed checkpoint; telling the enumerator", finishedIds);
            context.sendSourceEventToCoordinator(new ChannelsFinishedEvent(finishedIds));
        }
        if (!released.isEmpty()) {
            LOG.info("Channels {} handed back in a completed checkpoint; telling the enumerator", released);
            context.sendSourceEventToCoordinator(new ChannelsReleasedEvent(released));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            try {
                committer.close();
            } finally {
                client.close();
            }
        }
    }

    /** Channel ids carried as finished in the reader's state (for tests). */
    List<String> finishedChannelsInState() {
        List<String> ids = new ArrayList<>();
        for (HandedBack h : handedBack.values()) {
            if (h.split.isFinished()) {
                ids.add(h.split.channelId());
            }
        }
        return ids;
    }

    /** Channels carried as released in the reader's state (for tests). */
    List<TunnelChannelSplit> releasedChannelsInState() {
        List<TunnelChannelSplit> splits = new ArrayList<>();
        for (HandedBack h : handedBack.values()) {
            if (h.split.isReleased()) {
                splits.add(h.split);
            }
        }
        return splits;
    }

    /** The reader's tunnel metrics (for tests). */
    TunnelReaderMetrics metrics() {
        return metrics;
    }

    /** A finished or released channel on its way out of the reader's state. */
    private static final class HandedBack {
        final TunnelChannelSplit split;
        /** First checkpoint whose snapshot carried it, or -1. */
        long firstCheckpoint = -1;
        /** Some completed checkpoint carries it. */
        boolean inCompletedCheckpoint;
        /** Reported to the enumerator when the last snapshot had this id (null: not yet). */
        Long reportedAfterSnapshot;

        HandedBack(TunnelChannelSplit split) {
            this.split = split;
        }
    }
}

package io.github.tablestore.flink.tunnel.source.reader;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.ChannelsFinishedEvent;
import io.github.tablestore.flink.tunnel.source.event.TunnelSessionEvent;
import io.github.tablestore.flink.tunnel.source.metrics.TunnelReaderMetrics;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplitState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
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
 * <p>Without checkpointing (at-least-once), positions are stored every commit interval and a
 * finished channel is reported once its last batch was emitted.
 */
public final class TunnelSourceReader<T>
        extends SingleThreadMultiplexSourceReaderBase<ChannelBatch, T, TunnelChannelSplit, TunnelChannelSplitState> {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelSourceReader.class);

    private final SessionHolder sessions;
    private final ReaderCommitter committer;
    private final TunnelClient client;
    private final TunnelReaderMetrics metrics;
    private final boolean commitOnCheckpoint;

    /** Checkpoint id → channel → token of the unfinished channels in that snapshot. */
    private final NavigableMap<Long, Map<String, String>> positionsByCheckpoint = new TreeMap<>();
    /** Finished channels still carried in state (checkpointing mode). */
    private final Map<String, FinishedChannel> finished = new LinkedHashMap<>();
    /** Latest emitted position per channel (periodic mode), read by the committer thread. */
    private final Map<String, String> emittedPositions;
    private long lastSnapshotId = -1;
    private boolean started;

    private TunnelSourceReader(
            TunnelChannelSplitReaderFactory splitReaders,
            TunnelRecordEmitter<T> emitter,
            SourceReaderContext context,
            SessionHolder sessions,
            ReaderCommitter committer,
            TunnelClient client,
            TunnelReaderMetrics metrics,
            boolean commitOnCheckpoint,
            Map<String, String> emittedPositions) {
        super(splitReaders::create, emitter, context.getConfiguration(), context);
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
                emittedPositions == null ? null : emittedPositions::put);
        TunnelChannelSplitReaderFactory splitReaders = () -> new TunnelChannelSplitReader(
                client, sessions, config.describeTunnel(), config.maxParallelChannels(),
                config.readMaxBackoff().toMillis(), subtask, nanoClock, config.columnFilter());
        TunnelSourceReader<T> reader = new TunnelSourceReader<>(splitReaders, emitter, context, sessions,
                committer, client, metrics, commitOnCheckpoint, emittedPositions);
        if (!commitOnCheckpoint) {
            LOG.info("Checkpointing is off: storing positions in the tunnel every {} (at-least-once)",
                    config.commitInterval());
            committer.commitPeriodically(() -> new HashMap<>(emittedPositions), config.commitInterval().toMillis());
        }
        return reader;
    }

    /** Creates the split reader on the fetcher's side. */
    @FunctionalInterface
    private interface TunnelChannelSplitReaderFactory {
        TunnelChannelSplitReader create();
    }

    @Override
    public void start() {
        super.start();
        started = true;
        reportFinished(unreported());
    }

    @Override
    public void addSplits(List<TunnelChannelSplit> splits) {
        List<TunnelChannelSplit> toRead = new ArrayList<>();
        for (TunnelChannelSplit split : splits) {
            committer.track(split.channelId(), split.sequenceNumber());
            if (split.isFinished()) {
                // Restored from a completed checkpoint: report it again, never read it.
                FinishedChannel f = new FinishedChannel(split);
                f.inCompletedCheckpoint = true;
                finished.put(split.channelId(), f);
            } else {
                toRead.add(split);
            }
        }
        if (started) {
            reportFinished(unreported());
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
            sessions.set(new SessionIds(s.tunnelId(), s.clientId()));
        } else {
            super.handleSourceEvents(event);
        }
    }

    @Override
    protected void onSplitFinished(Map<String, TunnelChannelSplitState> finishedStates) {
        List<String> ids = new ArrayList<>();
        for (TunnelChannelSplitState state : finishedStates.values()) {
            String id = state.channelId();
            metrics.finishedChannels().inc();
            if (commitOnCheckpoint) {
                long seq = committer.sequenceNumber(id, state.initialSplit().sequenceNumber());
                finished.put(id, new FinishedChannel(state.toSplit(seq)));
            } else {
                emittedPositions.remove(id);
                ids.add(id);
            }
            committer.forget(id);
        }
        if (!ids.isEmpty()) {
            // No checkpoints: the last batch is emitted, that is as safe as it gets.
            context.sendSourceEventToCoordinator(new ChannelsFinishedEvent(ids));
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
        for (FinishedChannel f : finished.values()) {
            all.add(f.split);
            if (f.firstCheckpoint < 0) {
                f.firstCheckpoint = checkpointId;
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
        // Finished channels: drop those reported before the snapshot of a now completed
        // checkpoint (the event reached the coordinator before that checkpoint's successor
        // snapshots the enumerator: both travel the same ordered RPC path), and report those
        // whose finish is now in a completed checkpoint.
        finished.values().removeIf(f -> f.reportedAfterSnapshot != null && checkpointId > f.reportedAfterSnapshot);
        for (FinishedChannel f : finished.values()) {
            if (f.firstCheckpoint >= 0 && f.firstCheckpoint <= checkpointId) {
                f.inCompletedCheckpoint = true;
            }
        }
        toCommit.keySet().removeAll(finished.keySet());
        committer.commitAsync(toCommit);
        reportFinished(unreported());
    }

    private List<FinishedChannel> unreported() {
        List<FinishedChannel> list = new ArrayList<>();
        for (FinishedChannel f : finished.values()) {
            if (f.inCompletedCheckpoint && f.reportedAfterSnapshot == null) {
                list.add(f);
            }
        }
        return list;
    }

    private void reportFinished(List<FinishedChannel> channels) {
        if (channels.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (FinishedChannel f : channels) {
            f.reportedAfterSnapshot = lastSnapshotId;
            ids.add(f.split.channelId());
        }
        LOG.info("Channels {} finished in a completed checkpoint; telling the enumerator", ids);
        context.sendSourceEventToCoordinator(new ChannelsFinishedEvent(ids));
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
        return new ArrayList<>(finished.keySet());
    }

    /** A finished channel on its way out of the reader's state. */
    private static final class FinishedChannel {
        final TunnelChannelSplit split;
        /** First checkpoint whose snapshot carried it, or -1. */
        long firstCheckpoint = -1;
        /** Some completed checkpoint carries the finish. */
        boolean inCompletedCheckpoint;
        /** Reported to the enumerator when the last snapshot had this id (null: not yet). */
        Long reportedAfterSnapshot;

        FinishedChannel(TunnelChannelSplit split) {
            this.split = split;
        }
    }
}

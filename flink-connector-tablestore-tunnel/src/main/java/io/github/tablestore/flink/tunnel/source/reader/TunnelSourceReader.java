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

package io.github.tablestore.flink.tunnel.source.reader;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.source.config.ProgressMode;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.ChannelsFinishedEvent;
import io.github.tablestore.flink.tunnel.source.event.ChannelsRecordedEvent;
import io.github.tablestore.flink.tunnel.source.event.ChannelsReleasedEvent;
import io.github.tablestore.flink.tunnel.source.event.ReaderStartedEvent;
import io.github.tablestore.flink.tunnel.source.event.ReleaseChannelsEvent;
import io.github.tablestore.flink.tunnel.source.event.TunnelSessionEvent;
import io.github.tablestore.flink.tunnel.source.metrics.TunnelReaderMetrics;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplitState;

import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Reads the channels assigned to one subtask and keeps the tunnel informed of its progress.
 *
 * <p>Threads: the task thread emits batches and handles checkpoints and events; one fetcher
 * thread runs {@link TunnelChannelSplitReader}, which reads channels concurrently on a small pool;
 * one committer thread stores positions in the tunnel ({@link ReaderCommitter}).
 *
 * <p>With checkpointing (exactly-once, {@link ProgressMode#CHECKPOINTS}), {@link #snapshotState}
 * remembers each channel's token per checkpoint and {@link #notifyCheckpointComplete} stores the
 * tokens of the completed checkpoint in the tunnel, asynchronously. A channel read to its end
 * stays in the reader's state, flagged finished, until a checkpoint containing the finish
 * completes; then the reader stores {@code finished} in the tunnel and tells the enumerator
 * ({@link ChannelsFinishedEvent}), which reports the channel TERMINATED, so its children open only
 * then. The enumerator answers with the first checkpoint whose enumerator snapshot holds the
 * finish ({@link ChannelsRecordedEvent}); the reader keeps the finished split in its state until
 * such a checkpoint completes, so whatever checkpoint the job restores from, one of the two states
 * has the finish (also with concurrent checkpoints). Finished splits restored from state are
 * never read, only reported again.
 *
 * <p>Hand-backs follow the same path. When the enumerator relays the service's request for a
 * channel ({@link ReleaseChannelsEvent}), the split reader stops the channel after its last
 * emitted batch (a record boundary); the split stays in the reader's state flagged released
 * until a checkpoint containing it completes, then goes to the enumerator ({@link
 * ChannelsReleasedEvent}) with its position, and stays until the enumerator's state has it.
 *
 * <p>Without checkpointing ({@link ProgressMode#INTERVAL}, at-least-once), positions are stored
 * every commit interval, and a finished or released channel is reported once its last batch was
 * emitted. In batch mode ({@link ProgressMode#BATCH}) nothing is stored: a failed reader's
 * channels are read again from where they were assigned.
 */
public final class TunnelSourceReader<T>
        extends SingleThreadMultiplexSourceReaderBase<
                ChannelBatch, T, TunnelChannelSplit, TunnelChannelSplitState> {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelSourceReader.class);

    private final TunnelFetcherManager fetchers;
    private final SessionHolder sessions;
    private final ReaderCommitter committer;
    private final TunnelClient client;
    private final TunnelReaderMetrics metrics;
    private final ReaderProgress progress;

    /** Finished or released channels still carried in state (checkpointing mode). */
    private final HandBacks handBacks = new HandBacks();

    /** Channels being read by the split reader. */
    private final Set<String> reading = new HashSet<>();

    /** Channels whose release was requested from the split reader. */
    private final Set<String> releasing = new HashSet<>();

    private boolean started;

    private TunnelSourceReader(
            TunnelFetcherManager fetchers,
            TunnelRecordEmitter<T> emitter,
            SourceReaderContext context,
            SessionHolder sessions,
            ReaderCommitter committer,
            TunnelClient client,
            TunnelReaderMetrics metrics,
            ReaderProgress progress) {
        super(fetchers, emitter, context.getConfiguration(), context);
        this.fetchers = fetchers;
        this.sessions = sessions;
        this.committer = committer;
        this.client = client;
        this.metrics = metrics;
        this.progress = progress;
    }

    /**
     * Builds a reader with its own tunnel client.
     *
     * @param mode how the tunnel's progress follows the job's ({@link CheckpointingProbe})
     */
    public static <T> TunnelSourceReader<T> create(
            TunnelSourceConfig config,
            TunnelRecordDeserializationSchema<T> deserializer,
            SourceReaderContext context,
            ProgressMode mode) {
        return create(config, deserializer, context, mode, System::nanoTime);
    }

    static <T> TunnelSourceReader<T> create(
            TunnelSourceConfig config,
            TunnelRecordDeserializationSchema<T> deserializer,
            SourceReaderContext context,
            ProgressMode mode,
            LongSupplier nanoClock) {
        TunnelClient client = config.clientFactory().createClient();
        SessionHolder sessions = new SessionHolder();
        TunnelReaderMetrics metrics = new TunnelReaderMetrics(context.metricGroup());
        int subtask = context.getIndexOfSubtask();
        ReaderCommitter committer =
                new ReaderCommitter(
                        client,
                        sessions,
                        subtask,
                        metrics.commitsSucceeded(),
                        metrics.commitsFailed());
        ReaderProgress progress = ReaderProgress.create(mode, committer, config.commitInterval());
        TunnelRecordEmitter<T> emitter =
                new TunnelRecordEmitter<>(
                        deserializer,
                        context.metricGroup().getIOMetricGroup().getNumRecordsInCounter(),
                        context.metricGroup().getIOMetricGroup().getNumBytesInCounter(),
                        metrics,
                        sessions,
                        progress.positionListener());
        TunnelFetcherManager fetchers =
                new TunnelFetcherManager(
                        () ->
                                new TunnelChannelSplitReader(
                                        client,
                                        sessions,
                                        config.describeTunnel(),
                                        config.maxParallelChannels(),
                                        config.readMaxBackoff().toMillis(),
                                        subtask,
                                        nanoClock,
                                        config.columnFilter(),
                                        metrics),
                        context.getConfiguration());
        return new TunnelSourceReader<>(
                fetchers, emitter, context, sessions, committer, client, metrics, progress);
    }

    @Override
    public void start() {
        super.start();
        started = true;
        context.sendSourceEventToCoordinator(new ReaderStartedEvent(progress.mode()));
        report(handBacks.takeReportable());
    }

    @Override
    public void addSplits(List<TunnelChannelSplit> splits) {
        List<TunnelChannelSplit> toRead = new ArrayList<>();
        for (TunnelChannelSplit split : splits) {
            String id = split.channelId();
            committer.track(id, split.sequenceNumber());
            if (split.isFinished() || split.isReleased()) {
                // Restored from a completed checkpoint: report it again, never read it.
                handBacks.addRestored(split);
            } else {
                // A channel handed back earlier and offered to this job again: the enumerator has
                // processed the hand-back, so its entry here is obsolete.
                handBacks.remove(id);
                toRead.add(split);
                reading.add(id);
                releasing.remove(id);
                metrics.channel(id).reading();
            }
        }
        if (started) {
            report(handBacks.takeReportable());
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
            sessions.set(s.session());
        } else if (event instanceof ChannelsRecordedEvent) {
            recorded((ChannelsRecordedEvent) event);
        } else if (event instanceof ReleaseChannelsEvent) {
            release(((ReleaseChannelsEvent) event).channelIds());
        } else {
            super.handleSourceEvents(event);
        }
    }

    /** The enumerator's state holds these channels from {@code fromCheckpoint} on. */
    private void recorded(ChannelsRecordedEvent event) {
        handBacks.recorded(event.channelIds(), event.fromCheckpoint());
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
            LOG.warn(
                    "No fetcher is running for channels {}; they will be handed back when reading stops",
                    mine);
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
            progress.channelLeft(id);
            if (!progress.reportsAtOnce()) {
                handBacks.add(split); // the committer forgets it when it leaves the state
            } else {
                if (split.isFinished()) {
                    finishedNow.add(id);
                } else {
                    releasedNow.add(split);
                }
                leave(id);
            }
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
        return state.toSplit(
                committer.sequenceNumber(splitId, state.initialSplit().sequenceNumber()));
    }

    @Override
    public List<TunnelChannelSplit> snapshotState(long checkpointId) {
        List<TunnelChannelSplit> splits = super.snapshotState(checkpointId);
        progress.snapshotTaken(checkpointId, splits);
        List<TunnelChannelSplit> all = new ArrayList<>(splits);
        all.addAll(handBacks.snapshot(checkpointId));
        return all;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        Map<String, String> toCommit =
                new LinkedHashMap<>(progress.checkpointCompleted(checkpointId));
        toCommit.keySet().removeAll(handBacks.channelIds());
        toCommit.keySet().removeIf(id -> !reading.contains(id));
        for (String id : handBacks.checkpointCompleted(checkpointId)) {
            leave(id);
        }
        committer.commitAsync(toCommit);
        report(handBacks.takeReportable());
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        super.notifyCheckpointAborted(checkpointId);
        progress.checkpointAborted(checkpointId);
    }

    /** Tells the enumerator about finished and handed-back channels of a completed checkpoint. */
    private void report(List<TunnelChannelSplit> channels) {
        if (channels.isEmpty()) {
            return;
        }
        List<String> finishedIds = new ArrayList<>();
        List<TunnelChannelSplit> released = new ArrayList<>();
        Map<String, String> finishedTokens = new LinkedHashMap<>();
        for (TunnelChannelSplit split : channels) {
            if (split.isFinished()) {
                finishedIds.add(split.channelId());
                finishedTokens.put(split.channelId(), ChannelCheckpoint.FINISHED_TOKEN);
            } else {
                released.add(split);
            }
        }
        // Stored by the reader too, at once: a job started later without state must not read the
        // channel's tail again, even if the enumerator cannot store it before the job stops (e.g.
        // right before a stop-with-savepoint ends it).
        committer.commitAsync(finishedTokens);
        if (progress.reportsAtOnce()) {
            // Restored from a savepoint into a job without checkpoints: no later checkpoint will
            // carry them, and no restore can need them again.
            for (TunnelChannelSplit split : channels) {
                handBacks.remove(split.channelId());
                leave(split.channelId());
            }
        }
        if (!finishedIds.isEmpty()) {
            LOG.info(
                    "Channels {} finished in a completed checkpoint; telling the enumerator",
                    finishedIds);
            context.sendSourceEventToCoordinator(new ChannelsFinishedEvent(finishedIds));
        }
        if (!released.isEmpty()) {
            LOG.info(
                    "Channels {} handed back in a completed checkpoint; telling the enumerator",
                    released);
            context.sendSourceEventToCoordinator(new ChannelsReleasedEvent(released));
        }
    }

    /** A finished or handed-back channel leaves the reader for good: no more commits, no metrics. */
    private void leave(String channelId) {
        committer.forget(channelId);
        metrics.remove(channelId);
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
        for (TunnelChannelSplit split : handBacks.splits()) {
            if (split.isFinished()) {
                ids.add(split.channelId());
            }
        }
        return ids;
    }

    /** Channels carried as released in the reader's state (for tests). */
    List<TunnelChannelSplit> releasedChannelsInState() {
        List<TunnelChannelSplit> splits = new ArrayList<>();
        for (TunnelChannelSplit split : handBacks.splits()) {
            if (split.isReleased()) {
                splits.add(split);
            }
        }
        return splits;
    }

    /** How many checkpoints' positions wait for their checkpoint to complete (for tests). */
    int checkpointsAwaitingCompletion() {
        return progress instanceof ReaderProgress.OnCheckpoints
                ? ((ReaderProgress.OnCheckpoints) progress).awaitingCompletion()
                : 0;
    }

    /** The reader's tunnel metrics (for tests). */
    TunnelReaderMetrics metrics() {
        return metrics;
    }
}

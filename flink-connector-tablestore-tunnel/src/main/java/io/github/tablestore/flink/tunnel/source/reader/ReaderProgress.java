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

import io.github.tablestore.flink.tunnel.source.config.ProgressMode;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * How a reader lets the tunnel's progress follow Flink's: one strategy per {@link ProgressMode}.
 * It decides which positions to store when, and whether a finished or handed-back channel is
 * reported at once or waits in the reader's state for a completed checkpoint ({@link HandBacks}).
 * Called on the task thread.
 */
abstract class ReaderProgress {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderProgress.class);

    static ReaderProgress create(
            ProgressMode mode, ReaderCommitter committer, Duration commitInterval) {
        switch (mode) {
            case CHECKPOINTS:
                return new OnCheckpoints();
            case INTERVAL:
                return new OnInterval(committer, commitInterval);
            case BATCH:
                LOG.info(
                        "Batch mode: storing no positions in the tunnel while the job runs, so a failed "
                                + "reader's channels can be read again");
                return new InBatch();
            default:
                throw new IllegalArgumentException("Unknown progress mode " + mode);
        }
    }

    abstract ProgressMode mode();

    /**
     * Whether a channel that finished or was handed back is reported to the enumerator at once
     * (its last batch was emitted, as safe as it gets without checkpoints) rather than after a
     * checkpoint carrying it completed.
     */
    abstract boolean reportsAtOnce();

    /** Told (channel, token) after each emitted batch, or null when that is not needed. */
    BiConsumer<String, String> positionListener() {
        return null;
    }

    /** A snapshot of {@code checkpointId} holds these live splits. */
    void snapshotTaken(long checkpointId, List<TunnelChannelSplit> live) {}

    /** The positions to store now that {@code checkpointId} completed (channel → token). */
    Map<String, String> checkpointCompleted(long checkpointId) {
        return Map.of();
    }

    void checkpointAborted(long checkpointId) {}

    /** The channel left the reader (finished or handed back). */
    void channelLeft(String channelId) {}

    /** Exactly-once: positions of completed checkpoints; hand-backs through the state. */
    static final class OnCheckpoints extends ReaderProgress {
        /** Checkpoint id → channel → token of the channels read in that snapshot. */
        private final NavigableMap<Long, Map<String, String>> positionsByCheckpoint =
                new TreeMap<>();

        @Override
        ProgressMode mode() {
            return ProgressMode.CHECKPOINTS;
        }

        @Override
        boolean reportsAtOnce() {
            return false;
        }

        @Override
        void snapshotTaken(long checkpointId, List<TunnelChannelSplit> live) {
            Map<String, String> positions = new HashMap<>();
            for (TunnelChannelSplit split : live) {
                positions.put(split.channelId(), split.token());
            }
            positionsByCheckpoint.put(checkpointId, positions);
        }

        /** The newest completed snapshot of each channel. */
        @Override
        Map<String, String> checkpointCompleted(long checkpointId) {
            Map<Long, Map<String, String>> done = positionsByCheckpoint.headMap(checkpointId, true);
            Map<String, String> toCommit = new LinkedHashMap<>();
            for (Map<String, String> positions : done.values()) {
                toCommit.putAll(positions);
            }
            done.clear();
            return toCommit;
        }

        @Override
        void checkpointAborted(long checkpointId) {
            positionsByCheckpoint.remove(checkpointId);
        }

        /** How many checkpoints' positions wait for their checkpoint to complete (for tests). */
        int awaitingCompletion() {
            return positionsByCheckpoint.size();
        }
    }

    /** At-least-once without checkpoints: the emitted positions, stored every commit interval. */
    static final class OnInterval extends ReaderProgress {
        /** Latest emitted position per channel; read by the committer thread. */
        private final Map<String, String> emitted = new ConcurrentHashMap<>();

        OnInterval(ReaderCommitter committer, Duration commitInterval) {
            LOG.info(
                    "Checkpointing is off: storing positions in the tunnel every {} (at-least-once)",
                    commitInterval);
            committer.commitPeriodically(() -> new HashMap<>(emitted), commitInterval.toMillis());
        }

        @Override
        ProgressMode mode() {
            return ProgressMode.INTERVAL;
        }

        @Override
        boolean reportsAtOnce() {
            return true;
        }

        @Override
        BiConsumer<String, String> positionListener() {
            return emitted::put;
        }

        @Override
        void channelLeft(String channelId) {
            emitted.remove(channelId);
        }
    }

    /** Batch: nothing stored while the job runs; a failover reads the channels again. */
    static final class InBatch extends ReaderProgress {
        @Override
        ProgressMode mode() {
            return ProgressMode.BATCH;
        }

        @Override
        boolean reportsAtOnce() {
            return true;
        }
    }
}

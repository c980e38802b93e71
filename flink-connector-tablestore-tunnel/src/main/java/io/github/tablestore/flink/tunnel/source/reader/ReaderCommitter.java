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
import io.github.tablestore.flink.tunnel.source.event.SessionIds;
import io.github.tablestore.flink.tunnel.source.util.CheckpointWriter;

import org.apache.flink.metrics.Counter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Stores channel positions in the tunnel (the Checkpoint API), off the task thread, one call at a
 * time in submission order. A failed commit is counted and logged, never thrown: Flink's state is
 * the truth, the tunnel's checkpoints only let a job started without state resume and show
 * progress.
 *
 * <p>Sequence numbers: each channel's next commit uses the last known number + 1; a mismatch is
 * resolved as {@link CheckpointWriter} does for every writer of the source (a finished
 * checkpoint is never overwritten).
 */
final class ReaderCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderCommitter.class);

    private final SessionHolder sessions;
    private final Counter succeeded;
    private final Counter failed;
    private final ScheduledExecutorService executor;
    private final CheckpointWriter checkpoints;

    /** Channel → last sequence number known to be stored on the service. */
    private final Map<String, Long> sequenceNumbers = new ConcurrentHashMap<>();

    /** Channel → last token stored, to skip commits without progress. Committer thread only. */
    private final Map<String, String> committedTokens = new ConcurrentHashMap<>();

    private volatile Supplier<Map<String, String>> periodicPositions;

    ReaderCommitter(
            TunnelClient client,
            SessionHolder sessions,
            int subtask,
            Counter succeeded,
            Counter failed) {
        this.checkpoints = new CheckpointWriter(client);
        this.sessions = sessions;
        this.succeeded = succeeded;
        this.failed = failed;
        this.executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "tunnel-committer-" + subtask);
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Remembers a channel's last known sequence number (from its split). Runs on the committer
     * thread, after an earlier {@link #forget} of the same channel (it may come back).
     */
    void track(String channelId, long sequenceNumber) {
        executor.execute(() -> sequenceNumbers.merge(channelId, sequenceNumber, Math::max));
    }

    /** Stops committing a channel (it finished or left this reader). */
    void forget(String channelId) {
        executor.execute(
                () -> {
                    sequenceNumbers.remove(channelId);
                    committedTokens.remove(channelId);
                });
    }

    /** The sequence number to put into a split snapshot of the channel. */
    long sequenceNumber(String channelId, long fallback) {
        Long seq = sequenceNumbers.get(channelId);
        return seq == null ? fallback : Math.max(seq, fallback);
    }

    /** Commits the given channel → token positions asynchronously, in order. */
    void commitAsync(Map<String, String> positions) {
        if (positions.isEmpty()) {
            return;
        }
        Map<String, String> copy = new LinkedHashMap<>(positions);
        executor.execute(() -> commitAll(copy));
    }

    /** Commits {@code positions.get()} every {@code intervalMillis} (when checkpointing is off). */
    void commitPeriodically(Supplier<Map<String, String>> positions, long intervalMillis) {
        this.periodicPositions = positions;
        executor.scheduleWithFixedDelay(
                () -> commitAll(positions.get()),
                intervalMillis,
                intervalMillis,
                TimeUnit.MILLISECONDS);
    }

    private void commitAll(Map<String, String> positions) {
        SessionIds session = sessions.get();
        if (session == null) {
            return; // nothing was read yet without a session
        }
        for (Map.Entry<String, String> e : positions.entrySet()) {
            String channelId = e.getKey();
            String token = e.getValue();
            if (token.equals(committedTokens.get(channelId))
                    || !sequenceNumbers.containsKey(channelId)) {
                continue;
            }
            try {
                commit(session, channelId, token);
                committedTokens.put(channelId, token);
                succeeded.inc();
            } catch (RuntimeException ex) {
                failed.inc();
                LOG.warn(
                        "Could not store the position of channel {} in the tunnel (Flink's checkpoint "
                                + "has it; the job goes on): {}",
                        channelId,
                        ex.getMessage());
            }
        }
    }

    private void commit(SessionIds session, String channelId, String token) {
        CheckpointWriter.Result r =
                checkpoints.store(
                        session.tunnelId(),
                        session.clientId(),
                        channelId,
                        token,
                        sequenceNumbers.getOrDefault(channelId, 0L));
        if (r.sequenceNumber() >= 0) {
            sequenceNumbers.put(channelId, r.sequenceNumber());
        }
        switch (r.outcome()) {
            case ALREADY_FINISHED:
                LOG.info(
                        "Channel {} is already finished in the tunnel; not storing an older position",
                        channelId);
                break;
            case CONTENDED:
                throw new IllegalStateException("the service kept refusing the sequence number");
            default:
                break;
        }
    }

    /** Finishes queued commits (and, when committing periodically, a last one), then stops. */
    @Override
    public void close() {
        Supplier<Map<String, String>> positions = periodicPositions;
        if (positions != null) {
            executor.execute(() -> commitAll(positions.get()));
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn(
                        "Pending tunnel commits did not finish within 10 s; dropping them (Flink's state "
                                + "has the positions)");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

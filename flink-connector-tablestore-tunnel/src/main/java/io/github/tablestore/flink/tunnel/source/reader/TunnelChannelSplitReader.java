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

import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.plainbuffer.ColumnFilter;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.source.event.SessionIds;
import io.github.tablestore.flink.tunnel.source.metrics.TunnelReaderMetrics;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.util.TunnelErrors;

import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Reads all channels of one reader, several at a time: {@link #fetch} starts ReadRecords for up
 * to {@code maxParallel} channels on a small pool, waits until one answers (or a channel's pause
 * ends, or {@link #wakeUp} is called) and returns every batch that has arrived. A slow or idle
 * channel therefore never holds up the others, and each channel has at most one read in flight,
 * so its batches come in order.
 *
 * <p>Pacing: base-data channels are read back to back. A stream channel is read again at once
 * after a full read (500 records or more than 900 KiB, or the service said {@code
 * may_more_record=true}); otherwise {@link StreamPacer} decides: a short pause while the channel
 * (or the reader) is receiving changes, a growing one while it is not, and an even rotation of
 * idle channels at one read per max backoff each.
 *
 * <p>Failures: a lost session parks the channel at its position until the enumerator sends a new
 * client id; transient errors retry with backoff; fatal ones (expired tunnel, credentials,
 * missing tunnel, corrupt data) fail the reader with a message naming the tunnel.
 *
 * <p>Pausing ({@link #pauseOrResumeSplits}, for watermark alignment) stops new reads of a
 * channel; a read already in flight is still emitted. Releasing ({@link #release}: the service
 * moved the channel away) drops the channel at once, discards a read in flight and ends the
 * split in the next fetch without a batch, so its position is where its last emitted batch ended.
 *
 * <p>{@link #fetch}, {@link #handleSplitsChanges}, {@link #pauseOrResumeSplits} and {@link
 * #release} run on the fetcher thread; {@link #wakeUp} from any thread. The class keeps the
 * read loop, its pacing and its failure handling together (about 400 lines): they share the
 * in-flight count that bounds the reader's memory.
 */
final class TunnelChannelSplitReader implements SplitReader<ChannelBatch, TunnelChannelSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelChannelSplitReader.class);

    /** "Full read" thresholds: more records or bytes than this means more data is waiting. */
    static final int FULL_READ_RECORDS = 500;

    static final int FULL_READ_BYTES = 900 * 1024;

    /** Longest a fetch waits without news; a safety net, as wake-ups normally come earlier. */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Object WAKE_UP = new Object();

    private final TunnelClient client;
    private final SessionHolder sessions;
    private final String tunnelDescription;
    private final int maxParallel;
    private final StreamPacer pacer;
    private final LongSupplier nanoClock;
    private final ColumnFilter columnFilter;
    private final ExecutorService pool;
    private final LinkedBlockingQueue<Object> completions = new LinkedBlockingQueue<>();
    private final Runnable sessionListener = this::wakeUp;
    private final TunnelReaderMetrics metrics;

    /** Channels released since the last fetch, to end in the next one. */
    private final List<String> released = new ArrayList<>();

    /** Channels in round-robin order: a channel moves to the end when its read starts. */
    private final LinkedHashMap<String, ChannelCursor> cursors = new LinkedHashMap<>();

    private int inFlight;
    private long nextReadId;

    /**
     * @param columnFilter the attribute columns to decode (projection push-down)
     * @param metrics where fetch lags go, or null (tests)
     */
    TunnelChannelSplitReader(
            TunnelClient client,
            SessionHolder sessions,
            String tunnelDescription,
            int maxParallel,
            long maxBackoffMs,
            int subtask,
            LongSupplier nanoClock,
            ColumnFilter columnFilter,
            TunnelReaderMetrics metrics) {
        this.columnFilter = columnFilter;
        this.client = client;
        this.metrics = metrics;
        this.sessions = sessions;
        this.tunnelDescription = tunnelDescription;
        this.maxParallel = maxParallel;
        this.pacer = new StreamPacer(maxBackoffMs);
        this.nanoClock = nanoClock;
        AtomicInteger threads = new AtomicInteger();
        this.pool =
                new ThreadPoolExecutor(
                        maxParallel,
                        maxParallel,
                        60,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        r -> {
                            Thread t =
                                    new Thread(
                                            r,
                                            "tunnel-reader-"
                                                    + subtask
                                                    + "-"
                                                    + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        // Reads never exceed maxParallel, so the pool's queue stays empty.
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
        sessions.onChange(sessionListener);
    }

    @Override
    public RecordsWithSplitIds<ChannelBatch> fetch() {
        ChannelBatches out = new ChannelBatches();
        if (!released.isEmpty()) {
            for (String id : released) {
                out.addReleased(id);
            }
            released.clear();
            return out;
        }
        long now = nanoClock.getAsLong();
        launchDueReads(now);
        Object arrived;
        try {
            arrived = completions.poll(waitNanos(now), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out;
        }
        now = nanoClock.getAsLong();
        // At most one batch with records per fetch: Flink bounds its hand-over queue by fetch
        // results, not records, so this keeps a backpressured reader at about max-parallel
        // answers in memory (unhandled answers count as reads in flight). Answers without
        // records are all handled at once.
        while (arrived != null) {
            if (arrived != WAKE_UP) {
                handle((ReadOutcome) arrived, now, out);
            }
            if (out.hasRecords()) {
                break;
            }
            arrived = completions.poll();
        }
        // Keep reads going while these batches are emitted.
        launchDueReads(now);
        return out;
    }

    private void launchDueReads(long now) {
        SessionIds session = sessions.get();
        if (session == null || inFlight >= maxParallel) {
            return;
        }
        List<ChannelCursor> toLaunch = new ArrayList<>();
        for (ChannelCursor c : cursors.values()) {
            if (inFlight + toLaunch.size() >= maxParallel) {
                break;
            }
            if (c.canRead(now, session)) {
                toLaunch.add(c);
            }
        }
        for (ChannelCursor c : toLaunch) {
            launch(c, session);
        }
    }

    private void launch(ChannelCursor c, SessionIds session) {
        c.inFlight = true;
        c.readId = ++nextReadId;
        inFlight++;
        // Round robin: this channel goes to the back of the line.
        cursors.remove(c.channelId);
        cursors.put(c.channelId, c);
        final long readId = c.readId;
        final String channelId = c.channelId;
        final String token = c.token;
        pool.execute(() -> completions.add(read(readId, channelId, token, session)));
    }

    /** Runs on a pool thread: one ReadRecords plus decoding. */
    private ReadOutcome read(long readId, String channelId, String token, SessionIds session) {
        try {
            ReadRecordsResult<TunnelRecord> batch =
                    client.readBatch(
                            session.tunnelId(), session.clientId(), channelId, token, columnFilter);
            recordFetchLag(batch.records());
            return ReadOutcome.read(readId, channelId, session, batch);
        } catch (Throwable t) {
            return ReadOutcome.failed(readId, channelId, session, t);
        }
    }

    private void recordFetchLag(List<TunnelRecord> records) {
        if (metrics == null || records.isEmpty()) {
            return;
        }
        SequenceInfo seq = records.get(records.size() - 1).sequenceInfo();
        if (seq != null) {
            metrics.batchFetched(System.currentTimeMillis(), seq.timestamp() / 1000);
        }
    }

    private void handle(ReadOutcome o, long now, ChannelBatches out) {
        ChannelCursor c = cursors.get(o.channelId);
        if (c == null || c.readId != o.readId) {
            return; // the split was removed meanwhile
        }
        c.inFlight = false;
        inFlight--;
        if (o.error != null) {
            handleFailure(c, o, now);
            return;
        }
        ReadRecordsResult<TunnelRecord> result = o.result;
        c.retryBackoff.reset();
        c.failures = 0;
        boolean finished = result.isFinished();
        boolean full = isFullRead(result);
        if (!result.records().isEmpty() || finished || !result.nextToken().equals(c.token)) {
            out.add(
                    new ChannelBatch(
                            c.channelId,
                            result.records(),
                            result.nextToken(),
                            finished,
                            result.responseBytes(),
                            finished || !full));
        }
        c.token = result.nextToken();
        if (finished) {
            LOG.info("Channel {} has been read to its end", c.channelId);
            cursors.remove(c.channelId);
            pacer.remove(c.channelId);
            return;
        }
        if (!c.stream) {
            c.notBefore = now;
            return;
        }
        c.notBefore = pacer.afterRead(c.channelId, now, result.records().size(), full);
        for (String id : pacer.takeWoken()) {
            ChannelCursor w = cursors.get(id);
            if (w != null && !w.inFlight) {
                w.notBefore = Math.min(w.notBefore, now);
            }
        }
    }

    static boolean isFullRead(ReadRecordsResult<TunnelRecord> result) {
        if (result.mayMoreRecord() != null) {
            return result.mayMoreRecord();
        }
        return result.records().size() > FULL_READ_RECORDS
                || result.responseBytes() > FULL_READ_BYTES;
    }

    private void handleFailure(ChannelCursor c, ReadOutcome o, long now) {
        Throwable error = o.error;
        if (TunnelErrors.isSessionLost(error)) {
            LOG.info(
                    "Session {} is gone while reading channel {}; waiting for the enumerator's new "
                            + "session, keeping the position",
                    o.session.clientId(),
                    c.channelId);
            c.blockedOnClient = o.session.clientId();
            c.notBefore = now;
            return;
        }
        if (TunnelErrors.isFatal(error)) {
            throw TunnelErrors.fatal(
                    (TablestoreException) error,
                    tunnelDescription,
                    "reading channel " + c.channelId,
                    TunnelErrors.Side.TASK_MANAGER);
        }
        if (!(error instanceof TablestoreException) && !(error instanceof RuntimeException)) {
            throw new TunnelSourceException(
                    "Reading channel "
                            + c.channelId
                            + " of the "
                            + tunnelDescription
                            + " failed unexpectedly",
                    error);
        }
        c.failures++;
        long delay = c.retryBackoff.nextDelayMillis();
        c.notBefore = now + TimeUnit.MILLISECONDS.toNanos(delay);
        LOG.warn(
                "Reading channel {} failed ({} in a row), retrying in {} ms: {}",
                c.channelId,
                c.failures,
                delay,
                error.toString());
    }

    private long waitNanos(long now) {
        if (!completions.isEmpty() || !released.isEmpty()) {
            return 0;
        }
        SessionIds session = sessions.get();
        if (session == null || inFlight >= maxParallel) {
            return MAX_WAIT_NANOS;
        }
        long wait = MAX_WAIT_NANOS;
        for (ChannelCursor c : cursors.values()) {
            if (!c.inFlight && !c.paused && !c.isBlocked(session)) {
                wait = Math.min(wait, Math.max(0, c.notBefore - now));
            }
        }
        return wait;
    }

    @Override
    public void handleSplitsChanges(SplitsChange<TunnelChannelSplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("Unsupported split change " + change);
        }
        long now = nanoClock.getAsLong();
        for (TunnelChannelSplit split : change.splits()) {
            if (split.isFinished()) {
                continue;
            }
            ChannelCursor c = new ChannelCursor(split, now);
            ChannelCursor previous = cursors.put(c.channelId, c);
            if (previous != null) {
                // Not expected (the enumerator ignores stale hand-backs), but if a channel comes
                // again while it is read, the new split wins and the old read's slot is freed.
                LOG.warn(
                        "Channel {} was assigned again while it was being read; reading it from the new split",
                        c.channelId);
                if (previous.inFlight) {
                    inFlight--;
                }
            }
            if (c.stream) {
                pacer.add(c.channelId);
            }
            LOG.info("Reading {}", split);
        }
    }

    @Override
    public void pauseOrResumeSplits(
            Collection<TunnelChannelSplit> toPause, Collection<TunnelChannelSplit> toResume) {
        for (TunnelChannelSplit s : toPause) {
            ChannelCursor c = cursors.get(s.channelId());
            if (c != null) {
                c.paused = true;
            }
        }
        for (TunnelChannelSplit s : toResume) {
            ChannelCursor c = cursors.get(s.channelId());
            if (c != null) {
                c.paused = false;
            }
        }
    }

    /**
     * Stops reading these channels (the service moved them away): a read in flight is discarded,
     * and the next fetch ends their splits without a batch. Unknown ids (e.g. channels that just
     * finished) are ignored.
     */
    void release(Collection<String> channelIds) {
        for (String id : channelIds) {
            ChannelCursor c = cursors.remove(id);
            if (c == null) {
                continue;
            }
            pacer.remove(id);
            if (c.inFlight) {
                inFlight--; // its answer is dropped: handle() finds no cursor with its read id
            }
            released.add(id);
            LOG.info("Stopped reading channel {} to hand it back", id);
        }
    }

    @Override
    public void wakeUp() {
        completions.offer(WAKE_UP);
    }

    @Override
    public void close() {
        sessions.removeListener(sessionListener);
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Tunnel read threads did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers that arrived and wait to be handled, for tests. */
    int answersWaiting() {
        return completions.size();
    }

    /** Reads started and not yet handled, for tests. */
    int readsInFlight() {
        return inFlight;
    }

    /** Channel ids currently read, for tests. */
    List<String> channelIds() {
        return new ArrayList<>(cursors.keySet());
    }

    /** What a read produced; built on a pool thread, handled on the fetcher thread. */
    private static final class ReadOutcome {
        final long readId;
        final String channelId;
        final SessionIds session;
        final ReadRecordsResult<TunnelRecord> result;
        final Throwable error;

        private ReadOutcome(
                long readId,
                String channelId,
                SessionIds session,
                ReadRecordsResult<TunnelRecord> result,
                Throwable error) {
            this.readId = readId;
            this.channelId = channelId;
            this.session = session;
            this.result = result;
            this.error = error;
        }

        static ReadOutcome read(
                long readId,
                String channelId,
                SessionIds session,
                ReadRecordsResult<TunnelRecord> result) {
            return new ReadOutcome(readId, channelId, session, result, null);
        }

        static ReadOutcome failed(
                long readId, String channelId, SessionIds session, Throwable error) {
            return new ReadOutcome(readId, channelId, session, null, error);
        }
    }
}

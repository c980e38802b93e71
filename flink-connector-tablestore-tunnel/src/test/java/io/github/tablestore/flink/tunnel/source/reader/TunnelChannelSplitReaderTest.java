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
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.plainbuffer.ColumnFilter;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.SessionIds;
import io.github.tablestore.flink.tunnel.source.metrics.TunnelReaderMetrics;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.testing.FaultInjectingClientFactory;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;
import io.github.tablestore.flink.tunnel.source.testing.TunnelSessionFixture;

import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pacing and concurrency of the channel reader, against the emulator. Time is a manual clock: a
 * channel's next read waits for the clock, never for the wall.
 */
class TunnelChannelSplitReaderTest {
    /** A fresh emulator for every test. */
    @RegisterExtension
    final TablestoreEmulatorExtension tablestore =
            new TablestoreEmulatorExtension(b -> b.readLimits(5, 1 << 20));

    private static final String TABLE = "events";

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private TablestoreEmulator emulator;
    private FaultInjectingClientFactory faults;
    private TunnelClient client;
    private TunnelChannelSplitReader reader;

    private TunnelSessionFixture setUp(int partitions, TunnelType type, int maxParallel) {
        emulator = tablestore.emulator();
        TestTables.create(emulator, TABLE, partitions);
        TunnelSourceConfig config =
                TestSources.builder(
                                emulator,
                                TABLE,
                                "t",
                                type,
                                new KeyValueSchema(),
                                Duration.ofSeconds(1),
                                f -> faults = new FaultInjectingClientFactory(f))
                        .setMaxParallelChannels(maxParallel)
                        .build()
                        .config();
        client = config.clientFactory().createClient();
        TunnelSessionFixture session = new TunnelSessionFixture(client, TABLE, "t", type);
        SessionHolder sessions = new SessionHolder();
        sessions.set(new SessionIds(session.tunnelId, session.clientId));
        reader =
                new TunnelChannelSplitReader(
                        client,
                        sessions,
                        config.describeTunnel(),
                        maxParallel,
                        /* max backoff */ 2000,
                        0,
                        clock::get,
                        ColumnFilter.all(),
                        metrics);
        return session;
    }

    private final TunnelReaderMetrics metrics =
            new TunnelReaderMetrics(UnregisteredMetricsGroup.createSourceReaderMetricGroup());

    @AfterEach
    void tearDown() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (client != null) {
            client.close();
        }
    }

    private int reads() {
        return faults.hooks().calls("readRecords");
    }

    private void advanceMillis(long ms) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    /** Fetches until {@code n} reads have started, collecting records. */
    private List<String> fetchUntilReads(int n, List<String> finished) throws Exception {
        List<String> channels = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (reads() < n) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("only " + reads() + " reads");
            }
            drain(reader.fetch(), channels, finished);
        }
        return channels;
    }

    /** Fetches until no read is in flight, so every answer is handled at the current clock. */
    private void settle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (reader.readsInFlight() > 0) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(reader.readsInFlight() + " reads still in flight");
            }
            drain(reader.fetch(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private static int drain(
            RecordsWithSplitIds<ChannelBatch> records,
            List<String> channels,
            List<String> finished) {
        int count = 0;
        String split;
        while ((split = records.nextSplit()) != null) {
            ChannelBatch batch;
            while ((batch = records.nextRecordFromSplit()) != null) {
                for (int i = 0; i < batch.records().size(); i++) {
                    channels.add(split);
                }
                count += batch.records().size();
            }
        }
        finished.addAll(records.finishedSplits());
        return count;
    }

    /** One base channel of 10 rows whose first read has started and waits on a latch. */
    private List<TunnelChannelSplit> oneChannelWithABlockedRead(int maxParallel) {
        TunnelSessionFixture s = setUp(1, TunnelType.BASE_DATA, maxParallel);
        TestTables.putRange(emulator, TABLE, 0, 10, "x");
        List<TunnelChannelSplit> splits = s.openSplits();
        faults.hooks().blockedReads.put(splits.get(0).channelId(), new CountDownLatch(1));
        reader.handleSplitsChanges(new SplitsAddition<>(splits));
        reader.fetch(); // starts the (blocked) read
        return splits;
    }

    /** Fetches until some split ends, collecting records. */
    private void fetchUntilAChannelFinished(List<String> channels, List<String> finished) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (finished.isEmpty()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            drain(reader.fetch(), channels, finished);
        }
    }

    private int fetchRecords(int expected) throws Exception {
        List<String> got = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (got.size() < expected) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("only " + got.size() + " records");
            }
            drain(reader.fetch(), got, finished);
        }
        return got.size();
    }

    @Test
    void streamChannelsPauseAfterSmallReadsAndNotAfterFullOnes() throws Exception {
        TunnelSessionFixture s = setUp(1, TunnelType.STREAM, 4);
        List<TunnelChannelSplit> splits = s.openSplits();
        TestTables.putRange(emulator, TABLE, 0, 12, "x");
        reader.handleSplitsChanges(new SplitsAddition<>(splits));

        // 12 records at 5 per read: two full reads (more waiting) back to back, then a short one.
        assertThat(fetchRecords(12)).isEqualTo(12);
        settle();
        assertThat(reads()).isEqualTo(3);
        // The channel has changes: the short read pauses it 200 ms (±25 %).
        reader.fetch();
        assertThat(reads()).isEqualTo(3);
        advanceMillis(149);
        reader.fetch();
        assertThat(reads()).isEqualTo(3);
        advanceMillis(102);
        fetchUntilReads(4, new ArrayList<>());
        settle();
        // An empty read within a second of the last change: 200 ms again.
        advanceMillis(251);
        fetchUntilReads(5, new ArrayList<>());
        settle();
        // Quiet for over a second: the channel is idle, read once per max backoff (2 s ±25 %).
        advanceMillis(1_000);
        fetchUntilReads(6, new ArrayList<>());
        settle();
        advanceMillis(1_499);
        reader.fetch();
        assertThat(reads()).isEqualTo(6);
        advanceMillis(1_002);
        fetchUntilReads(7, new ArrayList<>());
        settle();
        // New data: the next read is full again and is followed at once.
        TestTables.putRange(emulator, TABLE, 100, 111, "y");
        advanceMillis(2_501);
        assertThat(fetchRecords(11)).isEqualTo(11);
        settle();
        assertThat(reads()).isEqualTo(10); // 7 + 2 full reads back to back + 1 short one
    }

    @Test
    void changesOnOneChannelAfterAQuietSpellWakeTheOthersThatHadChanges() throws Exception {
        TunnelSessionFixture s = setUp(2, TunnelType.STREAM, 4);
        List<TunnelChannelSplit> splits = s.openSplits();
        assertThat(splits).hasSize(2);
        TestTables.putRange(emulator, TABLE, 0, 8, "x"); // both partitions get some
        reader.handleSplitsChanges(new SplitsAddition<>(splits));
        assertThat(fetchRecords(8)).isEqualTo(8);
        settle();
        // Quiet for a while: both channels are idle (reads about 1 s apart, each every 2 s).
        for (int i = 0; i < 6; i++) {
            advanceMillis(5_000);
            fetchUntilReads(reads() + 2, new ArrayList<>());
            settle();
        }
        // Changes on both channels. Only the first channel of the rotation is due after 1.3 s;
        // its changes wake the other, which is read at once, without the clock moving.
        TestTables.putRange(emulator, TABLE, 100, 140, "y");
        advanceMillis(1_300);
        assertThat(fetchRecords(40)).isEqualTo(40);
        for (TunnelChannelSplit split : splits) {
            assertThat(faults.hooks().calls("readRecords:" + split.channelId()))
                    .isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void baseChannelsAreReadBackToBackUntilFinished() throws Exception {
        TunnelSessionFixture s = setUp(1, TunnelType.BASE_DATA, 4);
        TestTables.putRange(emulator, TABLE, 0, 12, "x");
        List<TunnelChannelSplit> splits = s.openSplits();
        reader.handleSplitsChanges(new SplitsAddition<>(splits));
        List<String> got = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (finished.isEmpty()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            drain(reader.fetch(), got, finished); // the clock never moves
        }
        assertThat(got).hasSize(12);
        assertThat(finished).containsExactly(splits.get(0).channelId());
        assertThat(reader.channelIds()).isEmpty();
    }

    @Test
    void readsAtMostTheConfiguredNumberOfChannelsAtOnce() throws Exception {
        TunnelSessionFixture s = setUp(4, TunnelType.BASE_DATA, 2);
        TestTables.putRange(emulator, TABLE, 0, 40, "x");
        List<TunnelChannelSplit> splits = s.openSplits();
        assertThat(splits).hasSize(4);
        CountDownLatch latch = new CountDownLatch(1);
        for (TunnelChannelSplit split : splits) {
            faults.hooks().blockedReads.put(split.channelId(), latch);
        }
        reader.handleSplitsChanges(new SplitsAddition<>(splits));
        reader.fetch();
        reader.fetch();
        assertThat(reads()).isEqualTo(2);
        latch.countDown();
        assertThat(fetchRecords(40)).isEqualTo(40);
        for (TunnelChannelSplit split : splits) {
            assertThat(faults.hooks().calls("readRecords:" + split.channelId()))
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aFetchHandsOverAtMostOneBatchWithRecordsSoWaitingAnswersStayCountedAsInFlight()
            throws Exception {
        TunnelSessionFixture s = setUp(4, TunnelType.BASE_DATA, 4);
        TestTables.putRange(emulator, TABLE, 0, 40, "x");
        List<TunnelChannelSplit> splits = s.openSplits();
        CountDownLatch latch = new CountDownLatch(1);
        for (TunnelChannelSplit split : splits) {
            faults.hooks().blockedReads.put(split.channelId(), latch);
        }
        reader.handleSplitsChanges(new SplitsAddition<>(splits));
        reader.fetch(); // starts the 4 reads, which wait for the latch
        latch.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (reader.answersWaiting() < 4) {
            assertThat(System.nanoTime()).as("all four answers arrived").isLessThan(deadline);
            Thread.onSpinWait();
        }
        // Four answers with records are waiting; one fetch hands over one of them, and no new
        // read starts while the other three wait (they still count against the parallelism).
        // A next read of the handed-over channel waits, so that its answer cannot join them.
        CountDownLatch next = new CountDownLatch(1);
        for (TunnelChannelSplit split : splits) {
            faults.hooks().blockedReads.put(split.channelId(), next);
        }
        List<String> got = new ArrayList<>();
        int handedOver = drain(reader.fetch(), got, new ArrayList<>());
        assertThat(handedOver).isBetween(1, 5);
        assertThat(new java.util.HashSet<>(got)).hasSize(1);
        // The other 3 answers still wait, counted as reads in flight; at most the handed-over
        // channel was read again.
        assertThat(reader.answersWaiting()).isEqualTo(3);
        assertThat(reader.readsInFlight()).isBetween(3, 4);
        next.countDown();
        assertThat(fetchRecords(40 - handedOver)).isEqualTo(40 - handedOver);
    }

    @Test
    void aFullReadIsOneWithMoreThan500RecordsOr900KiBOrTheServiceSaysSo() {
        TunnelRecord record =
                new TunnelRecord(
                        RecordAction.PUT_ROW, TestTables.key(1), List.of(), null, List.of());
        assertThat(
                        TunnelChannelSplitReader.isFullRead(
                                new ReadRecordsResult<>(
                                        Collections.nCopies(501, record), "t", null, 10)))
                .isTrue();
        assertThat(
                        TunnelChannelSplitReader.isFullRead(
                                new ReadRecordsResult<>(
                                        Collections.nCopies(500, record), "t", null, 900 * 1024)))
                .isFalse();
        assertThat(
                        TunnelChannelSplitReader.isFullRead(
                                new ReadRecordsResult<>(
                                        List.of(record), "t", null, 900 * 1024 + 1)))
                .isTrue();
        assertThat(
                        TunnelChannelSplitReader.isFullRead(
                                new ReadRecordsResult<>(
                                        Collections.nCopies(600, record), "t", false, 10)))
                .isFalse();
        assertThat(
                        TunnelChannelSplitReader.isFullRead(
                                new ReadRecordsResult<>(List.of(), "t", true, 0)))
                .isTrue();
    }

    @Test
    void aPausedChannelIsNotReadUntilResumed() throws Exception {
        TunnelSessionFixture s = setUp(2, TunnelType.BASE_DATA, 2);
        TestTables.putRange(emulator, TABLE, 0, 40, "x");
        List<TunnelChannelSplit> splits = s.openSplits();
        TunnelChannelSplit paused = splits.get(0);
        reader.handleSplitsChanges(new SplitsAddition<>(splits));
        reader.pauseOrResumeSplits(List.of(paused), List.of());
        List<String> channels = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!finished.contains(splits.get(1).channelId())) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            drain(reader.fetch(), channels, finished);
        }
        assertThat(faults.hooks().calls("readRecords:" + paused.channelId())).isZero();
        assertThat(channels).doesNotContain(paused.channelId());

        reader.pauseOrResumeSplits(List.of(), List.of(paused));
        while (!finished.contains(paused.channelId())) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            drain(reader.fetch(), channels, finished);
        }
        assertThat(channels).hasSize(40);
    }

    @Test
    void aReleasedChannelEndsWithoutABatchAndItsReadInFlightIsDropped() throws Exception {
        List<TunnelChannelSplit> splits = oneChannelWithABlockedRead(2);
        String channel = splits.get(0).channelId();
        CountDownLatch latch = faults.hooks().blockedReads.get(channel);
        assertThat(reads()).isEqualTo(1);

        reader.release(List.of(channel, "unknown"));
        List<String> channels = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        drain(reader.fetch(), channels, finished);
        assertThat(finished).containsExactly(channel);
        assertThat(reader.channelIds()).isEmpty();

        // The channel comes back (from the same position) while the dropped read completes: its
        // answer must not count for the new cursor.
        faults.hooks().blockedReads.remove(channel);
        finished.clear();
        reader.handleSplitsChanges(new SplitsAddition<>(splits));
        latch.countDown();
        fetchUntilAChannelFinished(channels, finished);
        assertThat(channels).hasSize(10);
    }

    @Test
    void aChannelAssignedAgainWhileItsReadIsInFlightDoesNotLeakAReadSlot() throws Exception {
        // Stale hand-back after a restore, split reader side: the channel arrives a second time
        // while a read of it is in flight. The old read must not keep one of the reader's slots.
        List<TunnelChannelSplit> splits = oneChannelWithABlockedRead(1);
        String channel = splits.get(0).channelId();
        CountDownLatch latch = faults.hooks().blockedReads.get(channel);
        assertThat(reader.readsInFlight()).isEqualTo(1);

        faults.hooks().blockedReads.remove(channel);
        reader.handleSplitsChanges(new SplitsAddition<>(splits)); // the same channel again
        assertThat(reader.readsInFlight()).isZero();
        latch.countDown();
        List<String> channels = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        fetchUntilAChannelFinished(channels, finished);
        assertThat(channels).hasSize(10); // read once, from the new split; the old answer dropped
        assertThat(reader.readsInFlight()).isZero();
    }
}

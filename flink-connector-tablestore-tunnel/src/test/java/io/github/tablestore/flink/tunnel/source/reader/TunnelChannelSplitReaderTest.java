package io.github.tablestore.flink.tunnel.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.metrics.TunnelReaderMetrics;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.testing.FaultInjectingClientFactory;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;
import io.github.tablestore.flink.tunnel.source.testing.TunnelSessionFixture;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pacing and concurrency of the channel reader, against the emulator. Time is a manual clock: a
 * channel's next read waits for the clock, never for the wall.
 */
class TunnelChannelSplitReaderTest {
    /** A fresh emulator for every test. */
    @RegisterExtension
    final TablestoreEmulatorExtension tablestore = new TablestoreEmulatorExtension(
            b -> b.readLimits(5, 1 << 20));
    private static final String TABLE = "events";

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private TablestoreEmulator emulator;
    private FaultInjectingClientFactory faults;
    private TunnelClient client;
    private TunnelChannelSplitReader reader;

    private TunnelSessionFixture setUp(int partitions, TunnelType type, int maxParallel) {
        emulator = tablestore.emulator();
        TestTables.create(emulator, TABLE, partitions);
        TunnelSourceConfig config = TestSources.builder(emulator, TABLE, "t", type, new KeyValueSchema(),
                        Duration.ofSeconds(1), f -> faults = new FaultInjectingClientFactory(f))
                .setMaxParallelChannels(maxParallel)
                .build()
                .config();
        client = config.clientFactory().createClient();
        TunnelSessionFixture session = new TunnelSessionFixture(client, TABLE, "t", type);
        SessionHolder sessions = new SessionHolder();
        sessions.set(new SessionIds(session.tunnelId, session.clientId));
        reader = new TunnelChannelSplitReader(client, sessions, config.describeTunnel(), maxParallel,
                /* max backoff */ 2000, 0, clock::get, metrics);
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

    private static int drain(RecordsWithSplitIds<ChannelBatch> records, List<String> channels, List<String> finished) {
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
    void streamChannelsBackOffAfterSmallReadsAndNotAfterFullOnes() throws Exception {
        TunnelSessionFixture s = setUp(1, TunnelType.STREAM, 4);
        List<TunnelChannelSplit> splits = s.openSplits();
        TestTables.putRange(emulator, TABLE, 0, 12, "x");
        reader.handleSplitsChanges(new SplitsAddition<>(splits));

        // 12 records at 5 per read: two full reads (more waiting) back to back, then a short one.
        assertThat(fetchRecords(12)).isEqualTo(12);
        assertThat(reads()).isEqualTo(3);
        // The short read paused the channel 10 ms (±25 %): no read until the clock gets there.
        reader.fetch();
        reader.fetch();
        assertThat(reads()).isEqualTo(3);
        advanceMillis(13);
        fetchUntilReads(4, new ArrayList<>());
        // An empty read grows the pause to 50 ms (±25 %).
        advanceMillis(13);
        reader.fetch();
        assertThat(reads()).isEqualTo(4);
        advanceMillis(50);
        fetchUntilReads(5, new ArrayList<>());
        // New data: the next read after the pause is full again and resets the pacing.
        TestTables.putRange(emulator, TABLE, 100, 111, "y");
        advanceMillis(400);
        assertThat(fetchRecords(11)).isEqualTo(11);
        assertThat(reads()).isEqualTo(8); // 5 + 5 (full, back to back) + 1
        advanceMillis(13);
        fetchUntilReads(9, new ArrayList<>()); // back to the initial 10 ms pause
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
            assertThat(faults.hooks().calls("readRecords:" + split.channelId())).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aFullReadIsOneWithMoreThan500RecordsOr900KiBOrTheServiceSaysSo() {
        RawRecord raw = new RawRecord(RecordAction.PUT_ROW, ByteBuffer.allocate(1), null);
        assertThat(TunnelChannelSplitReader.isFullRead(new ReadRecordsResult(
                Collections.nCopies(501, raw), "t", null, 10))).isTrue();
        assertThat(TunnelChannelSplitReader.isFullRead(new ReadRecordsResult(
                Collections.nCopies(500, raw), "t", null, 900 * 1024))).isFalse();
        assertThat(TunnelChannelSplitReader.isFullRead(new ReadRecordsResult(
                List.of(raw), "t", null, 900 * 1024 + 1))).isTrue();
        assertThat(TunnelChannelSplitReader.isFullRead(new ReadRecordsResult(
                Collections.nCopies(600, raw), "t", false, 10))).isFalse();
        assertThat(TunnelChannelSplitReader.isFullRead(new ReadRecordsResult(List.of(), "t", true, 0))).isTrue();
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
        TunnelSessionFixture s = setUp(1, TunnelType.BASE_DATA, 2);
        TestTables.putRange(emulator, TABLE, 0, 10, "x");
        List<TunnelChannelSplit> splits = s.openSplits();
        String channel = splits.get(0).channelId();
        CountDownLatch latch = new CountDownLatch(1);
        faults.hooks().blockedReads.put(channel, latch);
        reader.handleSplitsChanges(new SplitsAddition<>(splits));
        reader.fetch(); // starts the (blocked) read
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (finished.isEmpty()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            drain(reader.fetch(), channels, finished);
        }
        assertThat(channels).hasSize(10);
    }
}

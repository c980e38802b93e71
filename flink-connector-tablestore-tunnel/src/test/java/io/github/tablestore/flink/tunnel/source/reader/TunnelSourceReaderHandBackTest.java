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
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.config.ProgressMode;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.ChannelsRecordedEvent;
import io.github.tablestore.flink.tunnel.source.event.ChannelsReleasedEvent;
import io.github.tablestore.flink.tunnel.source.event.ReleaseChannelsEvent;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.testing.FaultInjectingClientFactory;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;
import io.github.tablestore.flink.tunnel.source.testing.TunnelSessionFixture;

import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.connector.testutils.source.reader.TestingReaderOutput;
import org.apache.flink.core.io.InputStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-backs in the reader (the service moved a channel away): the channel stops after its last
 * emitted batch, its position goes to the enumerator once covered by a completed checkpoint, and
 * a channel offered back is read from exactly there.
 */
class TunnelSourceReaderHandBackTest {
    /** A fresh emulator for every test. */
    @RegisterExtension
    final TablestoreEmulatorExtension tablestore =
            new TablestoreEmulatorExtension(b -> b.readLimits(7, 1 << 20));

    private static final String TABLE = "orders";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private TablestoreEmulator emulator;
    private FaultInjectingClientFactory faults;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private TunnelSessionFixture session;
    private TunnelSourceConfig config;

    @BeforeEach
    void start() {
        emulator = tablestore.emulator();
        TestTables.create(emulator, TABLE, 2);
        config =
                TestSources.builder(
                                emulator,
                                TABLE,
                                "t1",
                                TunnelType.STREAM,
                                new KeyValueSchema(),
                                Duration.ofMillis(100),
                                f -> faults = new FaultInjectingClientFactory(f))
                        .setCommitInterval(Duration.ofMillis(50))
                        .build()
                        .config();
        TunnelClient admin = config.clientFactory().createClient();
        closeables.add(admin);
        session = new TunnelSessionFixture(admin, TABLE, "t1", TunnelType.STREAM);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private TunnelSourceReader<String> reader(TestingReaderContext ctx, boolean onCheckpoint) {
        TunnelSourceReader<String> reader =
                TunnelSourceReader.create(
                        config,
                        new KeyValueSchema(),
                        ctx,
                        onCheckpoint ? ProgressMode.CHECKPOINTS : ProgressMode.INTERVAL,
                        System::nanoTime);
        closeables.add(0, reader);
        reader.start();
        reader.handleSourceEvents(session.sessionEvent());
        return reader;
    }

    private static void pollUntil(
            TunnelSourceReader<String> reader,
            TestingReaderOutput<String> out,
            BooleanSupplier done)
            throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(
                        "condition not reached; emitted " + out.getEmittedRecords());
            }
            if (reader.pollNext(out) == InputStatus.NOTHING_AVAILABLE) {
                try {
                    reader.isAvailable().get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException ignored) {
                    // check the condition again
                }
            }
        }
    }

    private static List<ChannelsReleasedEvent> releasedEvents(TestingReaderContext ctx) {
        List<ChannelsReleasedEvent> out = new ArrayList<>();
        for (SourceEvent e : ctx.getSentEvents()) {
            if (e instanceof ChannelsReleasedEvent) {
                out.add((ChannelsReleasedEvent) e);
            }
        }
        return out;
    }

    private static List<String> linesOf(
            TestingReaderOutput<String> out, String channel, String value) {
        return out.getEmittedRecords().stream()
                .filter(
                        l ->
                                KeyValueSchema.channel(l).equals(channel)
                                        && KeyValueSchema.value(l).equals(value))
                .collect(Collectors.toList());
    }

    private static long count(TestingReaderOutput<String> out, String value) {
        return out.getEmittedRecords().stream()
                .filter(l -> KeyValueSchema.value(l).equals(value))
                .count();
    }

    @Test
    void aReleasedChannelStopsAtItsLastEmittedBatchAndIsReadFromThereWhenItComesBack()
            throws Exception {
        List<TunnelChannelSplit> splits = session.openSplits();
        String moved = splits.get(0).channelId();
        String kept = splits.get(1).channelId();
        TestTables.putRange(emulator, TABLE, 0, 40, "a");
        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = reader(ctx, true);
        reader.addSplits(splits);
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(reader, out, () -> out.getEmittedRecords().size() == 40);

        reader.handleSourceEvents(new ReleaseChannelsEvent(List.of(moved, "not-mine")));
        pollUntil(reader, out, () -> reader.getNumberOfCurrentlyAssignedSplits() == 1);
        assertThat(reader.releasedChannelsInState())
                .extracting(TunnelChannelSplit::channelId)
                .containsExactly(moved);
        TunnelChannelSplit handedBack = reader.releasedChannelsInState().get(0);
        assertThat(handedBack.isReleased()).isTrue();

        TestTables.putRange(emulator, TABLE, 0, 40, "b");
        long keptB = 40 - linesOf(out, moved, "a").size();
        pollUntil(reader, out, () -> count(out, "b") == keptB);
        assertThat(linesOf(out, moved, "b")).isEmpty(); // no longer read

        // In state until handed over: reported only after a completed checkpoint carried it.
        List<TunnelChannelSplit> snapshot1 = reader.snapshotState(1);
        assertThat(snapshot1).contains(handedBack);
        assertThat(releasedEvents(ctx)).isEmpty();
        reader.notifyCheckpointComplete(1);
        assertThat(releasedEvents(ctx))
                .containsExactly(new ChannelsReleasedEvent(List.of(handedBack)));
        // Kept until a checkpoint whose enumerator snapshot holds the hand-back has completed.
        reader.handleSourceEvents(new ChannelsRecordedEvent(List.of(handedBack.channelId()), 2));
        assertThat(reader.snapshotState(2)).contains(handedBack);
        reader.notifyCheckpointComplete(2);
        assertThat(reader.snapshotState(3))
                .extracting(TunnelChannelSplit::channelId)
                .containsExactly(kept);
        // The reader does not store positions of a channel it handed back: the enumerator does.
        assertThat(faults.hooks().checkpointsOf(moved)).isEmpty();

        // The service offers the channel again; the enumerator assigns it from Flink's position.
        reader.addSplits(List.of(handedBack.asReadable()));
        pollUntil(reader, out, () -> count(out, "b") == 40);
        assertThat(out.getEmittedRecords()).hasSize(80);
        assertThat(
                        out.getEmittedRecords().stream()
                                .map(l -> KeyValueSchema.id(l) + KeyValueSchema.value(l))
                                .distinct())
                .hasSize(80);
    }

    @Test
    void aReadInFlightWhenTheChannelIsReleasedIsDropped() throws Exception {
        List<TunnelChannelSplit> splits = session.openSplits();
        String moved = splits.get(0).channelId();
        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = reader(ctx, true);
        reader.addSplits(splits);
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        CountDownLatch latch = new CountDownLatch(1);
        faults.hooks().blockedReads.put(moved, latch);
        TestTables.putRange(emulator, TABLE, 0, 40, "a");
        // A read of the channel is in flight, held on the latch (counting calls instead would race
        // with a read that started just before the count was taken).
        pollUntil(reader, out, () -> faults.hooks().readsWaiting(moved) > 0);

        reader.handleSourceEvents(new ReleaseChannelsEvent(List.of(moved)));
        pollUntil(reader, out, () -> reader.getNumberOfCurrentlyAssignedSplits() == 1);
        latch.countDown();
        long other = 40 - emulatorRecordsOf(moved);
        pollUntil(reader, out, () -> out.getEmittedRecords().size() == other);
        assertThat(linesOf(out, moved, "a")).isEmpty();

        // Read again from the handed-back position: every record of the channel, once.
        TunnelChannelSplit handedBack = reader.releasedChannelsInState().get(0);
        reader.addSplits(List.of(handedBack.asReadable()));
        pollUntil(reader, out, () -> out.getEmittedRecords().size() == 40);
        assertThat(reader.releasedChannelsInState()).isEmpty();
        assertThat(linesOf(out, moved, "a")).hasSize((int) emulatorRecordsOf(moved));
    }

    /** How many of the 40 "a" rows went to a channel's shard. */
    private long emulatorRecordsOf(String channel) {
        return emulator.partitions(TABLE).stream()
                .filter(p -> p.id().equals(channel))
                .mapToLong(p -> p.endLogIndex() - p.firstLogIndex())
                .sum();
    }

    @Test
    void withoutCheckpointsAHandBackIsReportedOnceStopped() throws Exception {
        List<TunnelChannelSplit> splits = session.openSplits();
        String moved = splits.get(1).channelId();
        TestTables.putRange(emulator, TABLE, 0, 20, "a");
        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = reader(ctx, false);
        reader.addSplits(splits);
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(reader, out, () -> out.getEmittedRecords().size() == 20);

        reader.handleSourceEvents(new ReleaseChannelsEvent(List.of(moved)));
        pollUntil(reader, out, () -> !releasedEvents(ctx).isEmpty());
        TunnelChannelSplit handedBack = releasedEvents(ctx).get(0).splits().get(0);
        assertThat(handedBack.channelId()).isEqualTo(moved);
        assertThat(handedBack.isReleased()).isTrue();
        assertThat(reader.snapshotState(1))
                .extracting(TunnelChannelSplit::channelId)
                .doesNotContain(moved);
    }

    @Test
    void releasedSplitsFromStateAreReportedAgainAndNeverRead() throws Exception {
        List<TunnelChannelSplit> splits = session.openSplits();
        TunnelChannelSplit released = splits.get(0).asReleased();
        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader =
                TunnelSourceReader.create(
                        config,
                        new KeyValueSchema(),
                        ctx,
                        ProgressMode.CHECKPOINTS,
                        System::nanoTime);
        closeables.add(0, reader);
        reader.addSplits(List.of(released)); // restored from state, before start()
        reader.start();
        assertThat(releasedEvents(ctx))
                .containsExactly(new ChannelsReleasedEvent(List.of(released)));
        assertThat(reader.snapshotState(5)).containsExactly(released);
        reader.handleSourceEvents(new ChannelsRecordedEvent(List.of(released.channelId()), 5));
        reader.notifyCheckpointComplete(5);
        assertThat(reader.snapshotState(6)).isEmpty();
        assertThat(faults.hooks().calls("readRecords:" + released.channelId())).isZero();
    }
}

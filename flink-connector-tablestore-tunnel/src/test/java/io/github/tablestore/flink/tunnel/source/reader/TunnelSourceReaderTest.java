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
import io.github.tablestore.flink.tunnel.client.auth.EnvironmentCredentials;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultSpec;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.source.config.ProgressMode;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.ChannelsFinishedEvent;
import io.github.tablestore.flink.tunnel.source.event.ChannelsRecordedEvent;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.testing.FaultInjectingClientFactory;
import io.github.tablestore.flink.tunnel.source.testing.GivenEnvironmentCredentials;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;
import io.github.tablestore.flink.tunnel.source.testing.TunnelSessionFixture;

import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.connector.testutils.source.reader.TestingReaderOutput;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.util.ExceptionUtils;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The reader against the emulator, with a hand-driven tunnel session standing in for the enumerator. */
class TunnelSourceReaderTest {
    /** A fresh emulator for every test. */
    @RegisterExtension
    final TablestoreEmulatorExtension tablestore =
            new TablestoreEmulatorExtension(b -> b.readLimits(7, 1 << 20));

    private static final String TABLE = "orders";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private TablestoreEmulator emulator;
    private FaultInjectingClientFactory faults;
    private TunnelClient admin;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void startEmulator() {
        emulator = tablestore.emulator();
        TestTables.create(emulator, TABLE, 2);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private TunnelSourceConfig config(TunnelType type, Duration commitInterval) {
        TunnelSourceConfig config =
                TestSources.builder(
                                emulator,
                                TABLE,
                                "t1",
                                type,
                                new KeyValueSchema(),
                                Duration.ofMillis(100),
                                f -> faults = new FaultInjectingClientFactory(f))
                        .setCommitInterval(commitInterval)
                        .build()
                        .config();
        admin = config.clientFactory().createClient();
        closeables.add(admin);
        return config;
    }

    private TunnelSessionFixture session(TunnelType type) {
        return new TunnelSessionFixture(admin, TABLE, "t1", type);
    }

    private TunnelSourceReader<String> reader(
            TunnelSourceConfig config, TestingReaderContext ctx, boolean onCheckpoint) {
        TunnelSourceReader<String> reader =
                TunnelSourceReader.create(
                        config,
                        new KeyValueSchema(),
                        ctx,
                        onCheckpoint ? ProgressMode.CHECKPOINTS : ProgressMode.INTERVAL,
                        System::nanoTime);
        closeables.add(0, reader);
        return reader;
    }

    /** A checkpointing reader that has read both base channels of a 10-row table to their end. */
    private TunnelSourceReader<String> readToTheEnd(
            TunnelSourceConfig config,
            TestingReaderContext ctx,
            TunnelSessionFixture s,
            List<TunnelChannelSplit> splits)
            throws Exception {
        TestTables.putRange(emulator, TABLE, 0, 10, "a");
        TunnelSourceReader<String> reader = started(config, ctx, true, s, splits);
        pollUntil(
                reader,
                new TestingReaderOutput<>(),
                () -> reader.getNumberOfCurrentlyAssignedSplits() == 0);
        return reader;
    }

    /** A started reader using session {@code s}, reading {@code splits}. */
    private TunnelSourceReader<String> started(
            TunnelSourceConfig config,
            TestingReaderContext ctx,
            boolean onCheckpoint,
            TunnelSessionFixture s,
            List<TunnelChannelSplit> splits) {
        TunnelSourceReader<String> reader = reader(config, ctx, onCheckpoint);
        reader.start();
        reader.handleSourceEvents(s.sessionEvent());
        reader.addSplits(splits);
        return reader;
    }

    /** Polls the reader until {@code done} holds, waiting on availability in between. */
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
            InputStatus status = reader.pollNext(out);
            if (status == InputStatus.NOTHING_AVAILABLE) {
                try {
                    reader.isAvailable().get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException ignored) {
                    // check the condition again
                }
            }
        }
    }

    private static List<ChannelsFinishedEvent> finishedEvents(TestingReaderContext ctx) {
        List<ChannelsFinishedEvent> out = new ArrayList<>();
        for (SourceEvent e : ctx.getSentEvents()) {
            if (e instanceof ChannelsFinishedEvent) {
                out.add((ChannelsFinishedEvent) e);
            }
        }
        return out;
    }

    private static List<Long> ids(List<String> lines, String channel) {
        return lines.stream()
                .filter(l -> KeyValueSchema.channel(l).equals(channel))
                .map(KeyValueSchema::id)
                .collect(Collectors.toList());
    }

    @Test
    void readsEveryRowAndReportsAFinishedChannelOnlyAfterItsCheckpointCompleted() throws Exception {
        TestTables.putRange(emulator, TABLE, 0, 40, "a");
        TunnelSourceConfig config = config(TunnelType.BASE_DATA, Duration.ofSeconds(5));
        TunnelSessionFixture s = session(TunnelType.BASE_DATA);
        List<TunnelChannelSplit> splits = s.openSplits();
        assertThat(splits).hasSize(2);

        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = started(config, ctx, true, s, splits);
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(reader, out, () -> reader.getNumberOfCurrentlyAssignedSplits() == 0);

        List<String> lines = out.getEmittedRecords();
        assertThat(lines.stream().map(KeyValueSchema::id).sorted())
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.range(0, 40)
                                .boxed()
                                .collect(Collectors.toList()));
        for (TunnelChannelSplit split : splits) {
            assertThat(ids(lines, split.channelId())).isSorted(); // base data comes in key order
        }
        assertThat(finishedEvents(ctx)).isEmpty();

        List<TunnelChannelSplit> snapshot1 = reader.snapshotState(1);
        assertThat(snapshot1).hasSize(2).allMatch(TunnelChannelSplit::isFinished);
        assertThat(finishedEvents(ctx)).isEmpty();

        reader.notifyCheckpointComplete(1);
        assertThat(finishedEvents(ctx)).hasSize(1);
        assertThat(finishedEvents(ctx).get(0).channelIds())
                .containsExactlyInAnyOrderElementsOf(
                        splits.stream()
                                .map(TunnelChannelSplit::channelId)
                                .collect(Collectors.toList()));
        // Kept until a checkpoint whose enumerator snapshot holds the finish has completed.
        reader.handleSourceEvents(
                new ChannelsRecordedEvent(finishedEvents(ctx).get(0).channelIds(), 2));
        assertThat(reader.snapshotState(2)).hasSize(2);
        reader.notifyCheckpointComplete(2);
        assertThat(reader.snapshotState(3)).isEmpty();
        assertThat(finishedEvents(ctx)).hasSize(1);
    }

    @Test
    void aFinishIsKeptUntilACheckpointWhoseEnumeratorSnapshotHoldsItCompleted() throws Exception {
        // max-concurrent-checkpoints > 1: the reader reports a finish when checkpoint 1
        // completes, but the enumerator took its snapshots of checkpoints 2 and 3 before the
        // report arrived, so it answers "recorded from checkpoint 4". When checkpoint 2 or 3
        // completes, the reader must keep the finish: restored from 3, neither state would
        // have it otherwise, and the channel would be neither assigned nor finished.
        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceConfig config = config(TunnelType.BASE_DATA, Duration.ofSeconds(5));
        TunnelSessionFixture s = session(TunnelType.BASE_DATA);
        List<TunnelChannelSplit> splits = s.openSplits();
        TunnelSourceReader<String> reader = readToTheEnd(config, ctx, s, splits);

        reader.snapshotState(1);
        reader.snapshotState(2);
        reader.notifyCheckpointComplete(1);
        List<String> reported = finishedEvents(ctx).get(0).channelIds();
        assertThat(reported).hasSize(2);
        reader.handleSourceEvents(new ChannelsRecordedEvent(reported, 4));
        reader.snapshotState(3);
        reader.notifyCheckpointComplete(2);
        reader.notifyCheckpointComplete(3);
        assertThat(reader.snapshotState(4)).hasSize(2).allMatch(TunnelChannelSplit::isFinished);
        reader.notifyCheckpointComplete(4);
        assertThat(reader.snapshotState(5)).isEmpty();
        assertThat(finishedEvents(ctx)).hasSize(1);
    }

    @Test
    void aChannelFinishedInACompletedCheckpointIsStoredAsFinishedByTheReader() throws Exception {
        // Stop-with-savepoint right after a channel finished: the enumerator may close before it
        // stores "finished", and a job started later without state would read the channel's
        // tail again. The reader stores it as soon as the checkpoint with the finish completed.
        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceConfig config = config(TunnelType.BASE_DATA, Duration.ofSeconds(5));
        TunnelSessionFixture s = session(TunnelType.BASE_DATA);
        List<TunnelChannelSplit> splits = s.openSplits();
        TunnelSourceReader<String> reader = readToTheEnd(config, ctx, s, splits);
        reader.snapshotState(1);
        assertThat(faults.hooks().checkpoints).noneMatch(c -> c[1].equals("finished"));
        reader.notifyCheckpointComplete(1);
        for (TunnelChannelSplit split : splits) {
            waitFor(() -> s.checkpointOf(split.channelId()).isFinished());
        }
    }

    @Test
    void storesTheTokensOfACompletedCheckpointInTheTunnel() throws Exception {
        TunnelSourceConfig config = config(TunnelType.STREAM, Duration.ofSeconds(5));
        TunnelSessionFixture s = session(TunnelType.STREAM);
        List<TunnelChannelSplit> splits = s.openSplits();
        TestTables.putRange(emulator, TABLE, 0, 30, "a");

        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = started(config, ctx, true, s, splits);
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(reader, out, () -> out.getEmittedRecords().size() == 30);

        List<TunnelChannelSplit> snapshot = reader.snapshotState(7);
        assertThat(faults.hooks().checkpoints).isEmpty(); // nothing before the checkpoint completes
        reader.notifyCheckpointComplete(7);
        for (TunnelChannelSplit split : snapshot) {
            waitFor(() -> s.checkpointOf(split.channelId()).token().equals(split.token()));
            assertThat(s.checkpointOf(split.channelId()).sequenceNumber())
                    .isEqualTo(split.sequenceNumber() + 1);
        }
    }

    @Test
    void aBlockedChannelDoesNotStallTheOthers() throws Exception {
        TestTables.putRange(emulator, TABLE, 0, 40, "a");
        TunnelSourceConfig config = config(TunnelType.BASE_DATA, Duration.ofSeconds(5));
        TunnelSessionFixture s = session(TunnelType.BASE_DATA);
        List<TunnelChannelSplit> splits = s.openSplits();
        String slow = splits.get(0).channelId();
        String fast = splits.get(1).channelId();
        CountDownLatch latch = new CountDownLatch(1);
        faults.hooks().blockedReads.put(slow, latch);

        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = started(config, ctx, true, s, splits);
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(reader, out, () -> reader.getNumberOfCurrentlyAssignedSplits() == 1);
        assertThat(ids(out.getEmittedRecords(), slow)).isEmpty();
        assertThat(ids(out.getEmittedRecords(), fast)).isNotEmpty().isSorted();

        latch.countDown();
        pollUntil(reader, out, () -> reader.getNumberOfCurrentlyAssignedSplits() == 0);
        assertThat(out.getEmittedRecords()).hasSize(40);
    }

    @Test
    void aLostSessionKeepsThePositionAndResumesWithTheNewOne() throws Exception {
        TunnelSourceConfig config = config(TunnelType.STREAM, Duration.ofSeconds(5));
        TunnelSessionFixture s = session(TunnelType.STREAM);
        List<TunnelChannelSplit> splits = s.openSplits();
        TestTables.putRange(emulator, TABLE, 0, 20, "a");

        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = started(config, ctx, true, s, splits);
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(reader, out, () -> out.getEmittedRecords().size() == 20);

        emulator.expireClient(s.clientId);
        TestTables.putRange(emulator, TABLE, 20, 50, "b");
        // Each channel's next read meets the dead session and parks the channel. (Keep polling:
        // a reader that is not polled stops fetching once its element queue is full.)
        for (TunnelChannelSplit split : splits) {
            pollUntil(
                    reader,
                    out,
                    () ->
                            faults.hooks()
                                            .calls(
                                                    "readRecords:"
                                                            + split.channelId()
                                                            + ":OTSResourceGone")
                                    > 0);
        }
        assertThat(out.getEmittedRecords()).hasSize(20); // parked, nothing lost or read twice

        s.clientId = admin.connect(s.tunnelId, 60, "test");
        s.heartbeat();
        reader.handleSourceEvents(s.sessionEvent());
        pollUntil(reader, out, () -> out.getEmittedRecords().size() >= 50);
        assertThat(out.getEmittedRecords().stream().map(KeyValueSchema::id).sorted())
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.range(0, 50)
                                .boxed()
                                .collect(Collectors.toList()));
    }

    @Test
    void finishedSplitsFromStateAreReportedAgainAndNeverRead() throws Exception {
        TunnelSourceConfig config = config(TunnelType.BASE_DATA, Duration.ofSeconds(5));
        TunnelSessionFixture s = session(TunnelType.BASE_DATA);
        List<TunnelChannelSplit> splits = s.openSplits();
        TunnelChannelSplit finished = splits.get(0).asFinished(3);

        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = reader(config, ctx, true);
        reader.addSplits(List.of(finished)); // restored from state, before start()
        assertThat(finishedEvents(ctx)).isEmpty();
        reader.start();
        assertThat(finishedEvents(ctx))
                .containsExactly(new ChannelsFinishedEvent(List.of(finished.channelId())));
        assertThat(reader.snapshotState(11)).containsExactly(finished);
        reader.handleSourceEvents(new ChannelsRecordedEvent(List.of(finished.channelId()), 11));
        reader.notifyCheckpointComplete(11);
        assertThat(reader.snapshotState(12)).isEmpty();
        assertThat(faults.hooks().calls("readRecords:" + finished.channelId())).isZero();
    }

    @Test
    void withoutCheckpointsFinishedChannelsAreReportedOnceEmitted() throws Exception {
        TestTables.putRange(emulator, TABLE, 0, 20, "a");
        TunnelSourceConfig config = config(TunnelType.BASE_DATA, Duration.ofMillis(50));
        TunnelSessionFixture s = session(TunnelType.BASE_DATA);
        List<TunnelChannelSplit> splits = s.openSplits();
        String blocked = splits.get(1).channelId();
        CountDownLatch latch = new CountDownLatch(1);
        faults.hooks().blockedReads.put(blocked, latch);

        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = started(config, ctx, false, s, splits);
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(reader, out, () -> !finishedEvents(ctx).isEmpty());
        assertThat(finishedEvents(ctx).get(0).channelIds())
                .containsExactly(splits.get(0).channelId());
        assertThat(reader.snapshotState(1))
                .extracting(TunnelChannelSplit::channelId)
                .containsExactly(blocked);
        latch.countDown();
        pollUntil(reader, out, () -> finishedEvents(ctx).size() == 2);
        assertThat(out.getEmittedRecords()).hasSize(20);
        assertThat(faults.hooks().checkpoints).noneMatch(c -> c[1].equals("finished"));
    }

    @Test
    void withoutCheckpointsPositionsAreStoredOnTheInterval() throws Exception {
        TunnelSourceConfig config = config(TunnelType.STREAM, Duration.ofMillis(50));
        TunnelSessionFixture s = session(TunnelType.STREAM);
        List<TunnelChannelSplit> splits = s.openSplits();
        TestTables.putRange(emulator, TABLE, 0, 30, "a");

        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = started(config, ctx, false, s, splits);
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        pollUntil(reader, out, () -> out.getEmittedRecords().size() == 30);
        // Every channel's stored position catches up with what was emitted, without any checkpoint.
        for (TunnelChannelSplit split : splits) {
            pollUntil(
                    reader,
                    out,
                    () -> {
                        String emitted =
                                reader.snapshotState(0).stream()
                                        .filter(x -> x.channelId().equals(split.channelId()))
                                        .findFirst()
                                        .orElseThrow()
                                        .token();
                        return s.checkpointOf(split.channelId()).token().equals(emitted)
                                && !emitted.equals(split.token());
                    });
        }
    }

    @Test
    void abortedCheckpointsLeaveNothingBehind() throws Exception {
        // A job whose checkpoints keep failing (e.g. a slow sink) must not pile up positions.
        TunnelSourceConfig config = config(TunnelType.STREAM, Duration.ofSeconds(5));
        TunnelSessionFixture s = session(TunnelType.STREAM);
        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = started(config, ctx, true, s, s.openSplits());
        for (long id = 1; id <= 5; id++) {
            reader.snapshotState(id);
            reader.notifyCheckpointAborted(id);
        }
        assertThat(reader.checkpointsAwaitingCompletion()).isZero();
        reader.snapshotState(6);
        reader.notifyCheckpointComplete(6);
        assertThat(reader.checkpointsAwaitingCompletion()).isZero();
        assertThat(reader.metrics().finishedChannels().getCount()).isZero();
    }

    @Test
    void aCorruptRecordFailsTheReaderNamingTheChannelTheTokenAndTheOffset() throws Exception {
        TestTables.putRange(emulator, TABLE, 0, 10, "a");
        TunnelSourceConfig config = config(TunnelType.BASE_DATA, Duration.ofSeconds(5));
        TunnelSessionFixture s = session(TunnelType.BASE_DATA);
        List<TunnelChannelSplit> splits = s.openSplits();
        emulator.faults().add(FaultSpec.on("ReadRecords").corruptRecords());

        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = started(config, ctx, true, s, splits.subList(0, 1));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        Throwable failure = catchThrowable(() -> pollUntil(reader, out, () -> false));
        assertThat(ExceptionUtils.findThrowable(failure, TunnelSourceException.class))
                .hasValueSatisfying(
                        e ->
                                assertThat(e)
                                        .hasMessageContaining("tunnel 't1' of table 'orders'")
                                        .hasMessageContaining("cannot be decoded")
                                        .hasMessageContaining(
                                                "channel " + splits.get(0).channelId())
                                        .hasMessageContaining("from token " + splits.get(0).token())
                                        .hasMessageMatching("(?s).*at byte \\d+.*"));
        assertThat(out.getEmittedRecords()).isEmpty(); // nothing of the batch is emitted
        assertThat(faults.hooks().calls("readRecords"))
                .isEqualTo(1); // not retried: same bytes again
    }

    @Test
    void anExpiredTunnelFailsTheReaderWithAdvice() throws Exception {
        TunnelSourceConfig config = config(TunnelType.STREAM, Duration.ofSeconds(5));
        TunnelSessionFixture s = session(TunnelType.STREAM);
        List<TunnelChannelSplit> splits = s.openSplits();
        emulator.expireTunnel(s.tunnelId);

        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = started(config, ctx, true, s, splits);
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        Throwable failure = catchThrowable(() -> pollUntil(reader, out, () -> false));
        assertThat(ExceptionUtils.findThrowable(failure, TunnelSourceException.class))
                .hasValueSatisfying(
                        e ->
                                assertThat(e)
                                        .hasMessageContaining("tunnel 't1' of table 'orders'")
                                        .hasMessageContaining("expired")
                                        .hasMessageContaining("Delete the tunnel"));
    }

    @Test
    void credentialsMissingFromATaskManagersEnvironmentFailTheReaderWithoutRestarts()
            throws Exception {
        config(TunnelType.STREAM, Duration.ofSeconds(5));
        TunnelSessionFixture s = session(TunnelType.STREAM);
        List<TunnelChannelSplit> splits = s.openSplits();
        TunnelSourceConfig noCredentials =
                TestSources.builder(
                                emulator,
                                TABLE,
                                "t1",
                                TunnelType.STREAM,
                                new KeyValueSchema(),
                                Duration.ofMillis(100),
                                f -> f)
                        .setCredentialsFactory(
                                new GivenEnvironmentCredentials(
                                        Map.of(
                                                EnvironmentCredentials.ACCESS_KEY_SECRET,
                                                emulator.accessKeySecret())))
                        .build()
                        .config();

        TestingReaderContext ctx = new TestingReaderContext();
        TunnelSourceReader<String> reader = reader(noCredentials, ctx, true);
        reader.start();
        reader.handleSourceEvents(s.sessionEvent());
        reader.addSplits(splits);
        TestingReaderOutput<String> out = new TestingReaderOutput<>();
        Throwable failure = catchThrowable(() -> pollUntil(reader, out, () -> false));
        assertThat(ExceptionUtils.findThrowable(failure, SuppressRestartsException.class))
                .isPresent();
        assertThat(ExceptionUtils.findThrowable(failure, TunnelSourceException.class))
                .hasValueSatisfying(
                        e ->
                                assertThat(e)
                                        .hasMessageContaining(
                                                "environment variable TABLESTORE_ACCESS_KEY_ID is not set")
                                        .hasMessageContaining("on a TaskManager")
                                        .hasMessageContaining("reading channel"));
        assertThat(ExceptionUtils.stringifyException(failure))
                .doesNotContain(emulator.accessKeySecret());
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("condition not reached");
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(5); // polling interval of the wait, not a synchronisation
        }
    }
}

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

package io.github.tablestore.flink.tunnel.source.enumerator;

import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.PartitionInfo;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.emulator.tunnel.ClientView;
import io.github.tablestore.flink.tunnel.emulator.tunnel.TunnelView;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.config.ProgressMode;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.ChannelsFinishedEvent;
import io.github.tablestore.flink.tunnel.source.event.ChannelsRecordedEvent;
import io.github.tablestore.flink.tunnel.source.event.ReaderStartedEvent;
import io.github.tablestore.flink.tunnel.source.event.TunnelSessionEvent;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.testing.FaultInjectingClientFactory;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;

import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.connector.testutils.source.reader.TestingSplitEnumeratorContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enumerator against the emulator over HTTP, driven step by step: Flink's testing context
 * runs the session ticks only when the test triggers them.
 */
class TunnelSplitEnumeratorTest {
    /** A fresh emulator for every test. */
    @RegisterExtension
    final TablestoreEmulatorExtension tablestore = new TablestoreEmulatorExtension();

    private static final String TABLE = "orders";

    private TablestoreEmulator emulator;
    private FaultInjectingClientFactory faults;
    private final List<TunnelSplitEnumerator> enumerators = new ArrayList<>();

    @BeforeEach
    void startEmulator() {
        emulator = tablestore.emulator();
        TestTables.create(emulator, TABLE, 2);
        TestTables.putRange(emulator, TABLE, 0, 20, "v0");
    }

    @AfterEach
    void stop() throws Exception {
        for (TunnelSplitEnumerator e : enumerators) {
            e.close();
        }
    }

    private TunnelSourceConfig config(TunnelType type) {
        return TestSources.builder(
                        emulator,
                        TABLE,
                        "t1",
                        type,
                        TunnelRecordDeserializationSchema.json(),
                        Duration.ofMillis(1),
                        f -> faults = new FaultInjectingClientFactory(f))
                .build()
                .config();
    }

    private TunnelSplitEnumerator start(
            TestingSplitEnumeratorContext<TunnelChannelSplit> ctx,
            TunnelSourceConfig config,
            TunnelEnumeratorState state) {
        TunnelSplitEnumerator e = new TunnelSplitEnumerator(ctx, config, state);
        enumerators.add(e);
        e.start();
        return e;
    }

    private static TestingSplitEnumeratorContext<TunnelChannelSplit> readers(int parallelism) {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx =
                new TestingSplitEnumeratorContext<>(parallelism);
        for (int i = 0; i < parallelism; i++) {
            ctx.registerReader(i, "localhost");
        }
        return ctx;
    }

    private static Map<Integer, List<String>> assigned(
            TestingSplitEnumeratorContext<TunnelChannelSplit> ctx) {
        return ctx.getSplitAssignments().entrySet().stream()
                .collect(
                        Collectors.toMap(
                                Map.Entry::getKey,
                                e ->
                                        e.getValue().getAssignedSplits().stream()
                                                .map(TunnelChannelSplit::channelId)
                                                .collect(Collectors.toList())));
    }

    private static List<String> allAssigned(TestingSplitEnumeratorContext<TunnelChannelSplit> ctx) {
        return assigned(ctx).values().stream()
                .flatMap(List::stream)
                .sorted()
                .collect(Collectors.toList());
    }

    /** The events of type {@code type} sent to {@code reader}, in order. */
    private static <E extends SourceEvent> List<E> eventsTo(
            TestingSplitEnumeratorContext<TunnelChannelSplit> ctx, int reader, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (SourceEvent e : ctx.getSentEvents().getOrDefault(reader, List.of())) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    private static List<TunnelSessionEvent> sessionEvents(
            TestingSplitEnumeratorContext<TunnelChannelSplit> ctx, int reader) {
        return eventsTo(ctx, reader, TunnelSessionEvent.class);
    }

    private TunnelView tunnel() {
        return emulator.tunnels().get(0);
    }

    private List<String> channelsOfType(ChannelType type) {
        return tunnel().channels().stream()
                .filter(c -> c.type() == type)
                .map(c -> c.channelId())
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void createsTheTunnelConnectsAndBalancesTheBaseChannels() {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(2);
        start(ctx, config(TunnelType.BASE_AND_STREAM), null);
        ctx.triggerAllActions();

        assertThat(emulator.tunnels()).hasSize(1);
        List<String> base = channelsOfType(ChannelType.BASE_DATA);
        assertThat(base).hasSize(2);
        assertThat(allAssigned(ctx)).isEqualTo(base);
        assertThat(assigned(ctx).get(0)).hasSize(1);
        assertThat(assigned(ctx).get(1)).hasSize(1);
        // Stream channels wait on the service side until the base data is done.
        TunnelSessionEvent session = sessionEvents(ctx, 0).get(0);
        assertThat(sessionEvents(ctx, 1)).containsExactly(session);
        assertThat(session.session().tunnelId()).isEqualTo(tunnel().tunnelId());
        assertThat(tunnel().clients()).hasSize(1);
    }

    @Test
    void finishedBaseChannelsAreTerminatedThenTheStreamChannelsOpen() {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(2);
        TunnelSplitEnumerator e = start(ctx, config(TunnelType.BASE_AND_STREAM), null);
        ctx.triggerAllActions();
        List<String> base = channelsOfType(ChannelType.BASE_DATA);

        e.handleSourceEvent(0, new ChannelsFinishedEvent(List.of(base.get(0))));
        ctx.triggerAllActions();
        assertThat(statusOf(base.get(0))).isEqualTo("TERMINATED");
        assertThat(faults.hooks().checkpointsOf(base.get(0)))
                .extracting(c -> c[1])
                .containsExactly("finished");
        assertThat(allAssigned(ctx)).isEqualTo(base);

        e.handleSourceEvent(1, new ChannelsFinishedEvent(List.of(base.get(1))));
        ctx.triggerAllActions(); // TERMINATED for the second base channel
        ctx.triggerAllActions(); // the service opens the stream channels
        List<String> expected = new ArrayList<>(base);
        expected.addAll(channelsOfType(ChannelType.STREAM));
        expected.sort(null);
        assertThat(allAssigned(ctx)).isEqualTo(expected);
        assertThat(assigned(ctx).get(0)).hasSize(2);
        assertThat(assigned(ctx).get(1)).hasSize(2);
    }

    @Test
    void aChildIsAssignedOnlyAfterItsParentFinishedEvenIfTheServiceOffersItEarly() {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(2);
        TunnelSplitEnumerator e = start(ctx, config(TunnelType.STREAM), null);
        ctx.triggerAllActions();
        List<String> roots = channelsOfType(ChannelType.STREAM);
        assertThat(allAssigned(ctx)).isEqualTo(roots);

        List<PartitionInfo> children = emulator.splitPartition(TABLE, roots.get(0));
        List<String> childIds =
                children.stream().map(PartitionInfo::id).sorted().collect(Collectors.toList());
        // A service that offers the children before their parent is TERMINATED:
        faults.hooks().heartbeatAnswer =
                answer -> {
                    List<ChannelState> more = new ArrayList<>(answer);
                    for (String child : childIds) {
                        if (answer.stream().noneMatch(s -> s.channelId().equals(child))) {
                            more.add(new ChannelState(child, 1, ChannelStatus.OPEN));
                        }
                    }
                    return more;
                };
        ctx.triggerAllActions();
        ctx.triggerAllActions();
        assertThat(allAssigned(ctx)).isEqualTo(roots);

        faults.hooks().heartbeatAnswer = answer -> answer;
        e.handleSourceEvent(0, new ChannelsFinishedEvent(List.of(roots.get(0))));
        ctx.triggerAllActions(); // parent TERMINATED
        ctx.triggerAllActions(); // children open on the service
        List<String> expected = new ArrayList<>(roots);
        expected.addAll(childIds);
        expected.sort(null);
        assertThat(allAssigned(ctx)).isEqualTo(expected);
        List<TunnelChannelSplit> childSplits =
                ctx.getSplitAssignments().values().stream()
                        .flatMap(s -> s.getAssignedSplits().stream())
                        .filter(s -> childIds.contains(s.channelId()))
                        .collect(Collectors.toList());
        assertThat(childSplits)
                .allSatisfy(s -> assertThat(s.parentChannelIds()).containsExactly(roots.get(0)));
    }

    @Test
    void restoreEndsTheCheckpointedSessionAndConnectsAnew() throws Exception {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(2);
        TunnelSplitEnumerator first = start(ctx, config(TunnelType.BASE_AND_STREAM), null);
        ctx.triggerAllActions();
        TunnelEnumeratorState state = first.snapshotState(1);
        assertThat(state.assignedChannels()).hasSize(2);
        String old = state.clientId();
        // The first enumerator "crashes" (no shutdown); a new one restores the state.
        enumerators.remove(first);

        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx2 = readers(2);
        TunnelSplitEnumerator second = start(ctx2, config(TunnelType.BASE_AND_STREAM), state);
        ctx2.triggerAllActions();
        assertThat(faults.hooks().calls("shutdown")).isEqualTo(1); // the old session, at once
        assertThat(faults.hooks().calls("connect")).isEqualTo(1);
        String now = second.snapshotState(2).clientId();
        assertThat(now).isNotEqualTo(old);
        assertThat(sessionEvents(ctx2, 0))
                .extracting(event -> event.session().clientId())
                .containsExactly(now);
        assertThat(tunnel().clients()).extracting(ClientView::clientId).containsExactly(now);
        assertThat(allAssigned(ctx2)).isEmpty(); // the readers own them from their own state
        assertThat(second.snapshotState(2).assignedChannels()).isEqualTo(state.assignedChannels());
    }

    /** Ticks the enumerator until its session sent one more heartbeat. */
    private void heartbeatOnce(TestingSplitEnumeratorContext<TunnelChannelSplit> ctx)
            throws Exception {
        int before = faults.hooks().calls("heartbeat");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (faults.hooks().calls("heartbeat") == before) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no heartbeat");
            }
            ctx.triggerAllActions(); // a tick: heartbeats once the 1 ms interval has passed
        }
    }

    // A global failover starts the restored enumerator while the one that wrote the checkpoint
    // may still be closing; its Shutdown then comes after the new enumerator's first heartbeat.
    @Test
    void aLateShutdownOfTheCheckpointedSessionLeavesTheRestoredEnumeratorsSessionAlone()
            throws Exception {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(2);
        TunnelSplitEnumerator first = start(ctx, config(TunnelType.BASE_AND_STREAM), null);
        ctx.triggerAllActions();
        TunnelEnumeratorState state = first.snapshotState(1);

        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx2 = readers(2);
        TunnelSplitEnumerator second = start(ctx2, config(TunnelType.BASE_AND_STREAM), state);
        ctx2.triggerAllActions();
        String session = second.snapshotState(2).clientId();
        enumerators.remove(first);
        first.close(); // the late Shutdown
        heartbeatOnce(ctx2);

        assertThat(second.snapshotState(3).clientId()).isEqualTo(session);
        assertThat(sessionEvents(ctx2, 0))
                .extracting(event -> event.session().clientId())
                .containsExactly(session);
        assertThat(tunnel().clients()).extracting(ClientView::clientId).containsExactly(session);
        assertThat(tunnel().channels())
                .filteredOn(c -> c.type() == ChannelType.BASE_DATA)
                .allSatisfy(c -> assertThat(c.owner()).isEqualTo(session));
    }

    @Test
    void restoreWithADeadLeaseConnectsAnew() throws Exception {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(2);
        TunnelSplitEnumerator first = start(ctx, config(TunnelType.BASE_AND_STREAM), null);
        ctx.triggerAllActions();
        TunnelEnumeratorState state = first.snapshotState(1);
        enumerators.remove(first);
        assertThat(emulator.expireClient(state.clientId())).isTrue();

        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx2 = readers(2);
        TunnelSplitEnumerator second = start(ctx2, config(TunnelType.BASE_AND_STREAM), state);
        ctx2.triggerAllActions();
        List<TunnelSessionEvent> events = sessionEvents(ctx2, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).session().clientId()).isNotEqualTo(state.clientId());
        assertThat(second.snapshotState(2).clientId())
                .isEqualTo(events.get(0).session().clientId());
        assertThat(second.snapshotState(2).assignedChannels()).isEqualTo(state.assignedChannels());
        assertThat(allAssigned(ctx2)).isEmpty();
    }

    @Test
    void aLostLeaseReconnectsAndTellsEveryReader() throws Exception {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(2);
        TunnelSplitEnumerator e = start(ctx, config(TunnelType.BASE_AND_STREAM), null);
        ctx.triggerAllActions();
        String before = e.snapshotState(1).clientId();
        emulator.expireClient(before);
        ctx.triggerAllActions();
        String after = e.snapshotState(2).clientId();
        assertThat(after).isNotEqualTo(before);
        for (int reader = 0; reader < 2; reader++) {
            assertThat(sessionEvents(ctx, reader))
                    .extracting(event -> event.session().clientId())
                    .containsExactly(before, after);
        }
        // Nothing is assigned twice; the service gave the channels to the new session.
        assertThat(allAssigned(ctx)).hasSize(2);
        assertThat(tunnel().channels())
                .filteredOn(c -> c.type() == ChannelType.BASE_DATA)
                .allSatisfy(c -> assertThat(c.owner()).isEqualTo(after));
    }

    @Test
    void splitsOfAFailedReaderAreAssignedAgain() {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(2);
        TunnelSplitEnumerator e = start(ctx, config(TunnelType.BASE_AND_STREAM), null);
        ctx.triggerAllActions();
        List<TunnelChannelSplit> ofReader0 =
                List.copyOf(ctx.getSplitAssignments().get(0).getAssignedSplits());
        // (The testing context keeps reader 0 registered, so the split goes out again at once:
        // to the least loaded reader, which is reader 0 after it lost its split.)
        e.addSplitsBack(ofReader0, 0);
        List<TunnelChannelSplit> again = ctx.getSplitAssignments().get(0).getAssignedSplits();
        assertThat(again).hasSize(2);
        assertThat(again.get(1).withAssignment(0)).isEqualTo(ofReader0.get(0).withAssignment(0));
        assertThat(again.get(1).assignment()).isGreaterThan(ofReader0.get(0).assignment());
        assertThat(ctx.getSplitAssignments().get(1).getAssignedSplits()).hasSize(1);
        assertThat(e.snapshotState(2).pendingSplits()).isEmpty();
        assertThat(e.snapshotState(2).assignedChannels()).hasSize(2);
    }

    @Test
    void boundedTunnelSignalsNoMoreSplitsToEveryReaderOnceAllChannelsFinished() {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(3);
        TunnelSplitEnumerator e = start(ctx, config(TunnelType.BASE_DATA), null);
        ctx.triggerAllActions();
        List<String> base = channelsOfType(ChannelType.BASE_DATA);
        assertThat(allAssigned(ctx)).isEqualTo(base);
        assertThat(ctx.getSplitAssignments().get(2)).isNull(); // an idle reader

        e.handleSourceEvent(0, new ChannelsFinishedEvent(List.of(base.get(0))));
        ctx.triggerAllActions();
        assertThat(ctx.getSplitAssignments().values())
                .noneMatch(
                        TestingSplitEnumeratorContext.SplitAssignmentState
                                ::hasReceivedNoMoreSplitsSignal);

        e.handleSourceEvent(1, new ChannelsFinishedEvent(List.of(base.get(1))));
        ctx.triggerAllActions(); // TERMINATED
        ctx.triggerAllActions(); // the service says the tunnel is complete
        for (int reader = 0; reader < 3; reader++) {
            assertThat(ctx.getSplitAssignments().get(reader).hasReceivedNoMoreSplitsSignal())
                    .isTrue();
        }
        // A reader that (re)registers later hears it too.
        TestingSplitEnumeratorContext.SplitAssignmentState<TunnelChannelSplit> before =
                ctx.getSplitAssignments().get(2);
        e.addReader(2);
        assertThat(before.hasReceivedNoMoreSplitsSignal()).isTrue();
    }

    @Test
    void closeShutsTheSessionDown() throws Exception {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(1);
        TunnelSplitEnumerator e = start(ctx, config(TunnelType.BASE_AND_STREAM), null);
        ctx.triggerAllActions();
        assertThat(tunnel().clients()).hasSize(1);
        e.close();
        enumerators.remove(e);
        assertThat(tunnel().clients()).isEmpty();
        assertThat(faults.hooks().calls("shutdown")).isEqualTo(1);
    }

    private String statusOf(String channelId) {
        return tunnel().channels().stream()
                .filter(c -> c.channelId().equals(channelId))
                .findFirst()
                .orElseThrow()
                .status()
                .toString();
    }

    private static List<ChannelsRecordedEvent> recordedEvents(
            TestingSplitEnumeratorContext<TunnelChannelSplit> ctx, int reader) {
        return eventsTo(ctx, reader, ChannelsRecordedEvent.class);
    }

    @Test
    void aReportedFinishIsAcknowledgedWithTheFirstCheckpointWhoseSnapshotHoldsIt() {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(2);
        TunnelSplitEnumerator e = start(ctx, config(TunnelType.BASE_AND_STREAM), null);
        ctx.triggerAllActions();
        List<String> base = channelsOfType(ChannelType.BASE_DATA);
        e.snapshotState(6);
        e.snapshotState(7); // concurrent checkpoints: 7 was taken before the report arrived
        e.handleSourceEvent(0, new ChannelsFinishedEvent(List.of(base.get(0))));
        assertThat(recordedEvents(ctx, 0))
                .containsExactly(new ChannelsRecordedEvent(List.of(base.get(0)), 8));
        assertThat(e.snapshotState(8).finishedChannels()).contains(base.get(0));
        // Re-sent after a restore: acknowledged again, even though it is no news.
        e.handleSourceEvent(0, new ChannelsFinishedEvent(List.of(base.get(0))));
        assertThat(recordedEvents(ctx, 0))
                .hasSize(2)
                .last()
                .isEqualTo(new ChannelsRecordedEvent(List.of(base.get(0)), 9));
    }

    @Test
    void inBatchModeChannelsGoToTheReadersThatRunEachTakingItsShare() {
        // Fewer slots than readers: subtask 0 runs alone first. Waiting for every reader would
        // never start the job.
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx =
                new TestingSplitEnumeratorContext<>(2);
        ctx.registerReader(0, "localhost");
        TunnelSplitEnumerator e = start(ctx, config(TunnelType.BASE_DATA), null);
        e.addReader(0);
        e.handleSourceEvent(0, new ReaderStartedEvent(ProgressMode.BATCH));
        ctx.triggerAllActions();
        List<String> base = channelsOfType(ChannelType.BASE_DATA);
        assertThat(assigned(ctx).get(0)).hasSize(1); // its share: 2 channels over 2 readers
        String first = assigned(ctx).get(0).get(0);

        e.handleSourceEvent(0, new ChannelsFinishedEvent(List.of(first)));
        ctx.triggerAllActions();
        assertThat(assigned(ctx).get(0)).containsExactlyInAnyOrderElementsOf(base);
        e.handleSourceEvent(0, new ChannelsFinishedEvent(List.of(assigned(ctx).get(0).get(1))));
        ctx.triggerAllActions();
        ctx.triggerAllActions();
        // Every channel is finished: no more splits, although the base channels stay open on the
        // service (batch mode does not report them TERMINATED: a failover may need them again).
        assertThat(ctx.getSplitAssignments().get(0).hasReceivedNoMoreSplitsSignal()).isTrue();
        assertThat(base).allSatisfy(id -> assertThat(statusOf(id)).isEqualTo("OPEN"));
        ctx.registerReader(1, "localhost");
        e.addReader(1);
        assertThat(ctx.getSplitAssignments().get(1).hasReceivedNoMoreSplitsSignal()).isTrue();
    }

    @Test
    void inStreamingModeAssignmentWaitsForEveryReader() {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx =
                new TestingSplitEnumeratorContext<>(2);
        ctx.registerReader(0, "localhost");
        TunnelSplitEnumerator e = start(ctx, config(TunnelType.BASE_DATA), null);
        e.handleSourceEvent(0, new ReaderStartedEvent(ProgressMode.CHECKPOINTS));
        ctx.triggerAllActions();
        assertThat(ctx.getSplitAssignments()).isEmpty();
        ctx.registerReader(1, "localhost");
        e.addReader(1);
        assertThat(allAssigned(ctx)).isEqualTo(channelsOfType(ChannelType.BASE_DATA));
    }

    @Test
    void inBatchModeAFailedReadersFinishedChannelIsAssignedAgainFromWhereItWasAssigned() {
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(1);
        TunnelSplitEnumerator e = start(ctx, config(TunnelType.BASE_DATA), null);
        e.handleSourceEvent(0, new ReaderStartedEvent(ProgressMode.BATCH));
        ctx.triggerAllActions();
        List<TunnelChannelSplit> splits =
                List.copyOf(ctx.getSplitAssignments().get(0).getAssignedSplits());
        assertThat(splits).hasSize(2);
        e.handleSourceEvent(0, new ChannelsFinishedEvent(List.of(splits.get(0).channelId())));
        ctx.triggerAllActions();
        assertThat(statusOf(splits.get(0).channelId()))
                .isEqualTo("OPEN"); // not TERMINATED in batch

        e.addSplitsBack(splits, 0); // the reader failed: its output is gone
        List<TunnelChannelSplit> again =
                ctx.getSplitAssignments().get(0).getAssignedSplits().subList(2, 4);
        assertThat(again)
                .extracting(TunnelChannelSplit::channelId)
                .containsExactlyInAnyOrderElementsOf(
                        splits.stream()
                                .map(TunnelChannelSplit::channelId)
                                .collect(Collectors.toList()));
        for (TunnelChannelSplit split : again) {
            TunnelChannelSplit was =
                    splits.stream()
                            .filter(x -> x.channelId().equals(split.channelId()))
                            .findFirst()
                            .orElseThrow();
            assertThat(split.token()).isEqualTo(was.token());
        }
    }

    @Test
    void finishedChannelsTheServiceReportsTerminatedLeaveTheState() {
        // The state must not grow with every finished channel (each split and merge adds some).
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(2);
        TunnelSplitEnumerator e = start(ctx, config(TunnelType.BASE_AND_STREAM), null);
        ctx.triggerAllActions();
        List<String> base = channelsOfType(ChannelType.BASE_DATA);
        e.handleSourceEvent(0, new ChannelsFinishedEvent(base));
        assertThat(e.snapshotState(1).finishedChannels()).containsExactlyInAnyOrderElementsOf(base);
        ctx.triggerAllActions(); // TERMINATED
        ctx.triggerAllActions(); // the stream channels open; DescribeTunnel confirms TERMINATED
        assertThat(base).allSatisfy(id -> assertThat(statusOf(id)).isEqualTo("TERMINATED"));
        assertThat(allAssigned(ctx)).containsAll(channelsOfType(ChannelType.STREAM));
        assertThat(e.snapshotState(2).finishedChannels()).isEmpty();
    }

    @Test
    void withoutCheckpointsAFailedReadersChannelIsReadAgainFromWhereItWasAssigned()
            throws Exception {
        // Not from the position the reader stored in the tunnel meanwhile (docs/datastream.md,
        // "Without checkpointing"): at-least-once, the records since the assignment come again.
        TestTables.putRange(emulator, TABLE, 20, 3000, "v0"); // more than one read per channel
        TestingSplitEnumeratorContext<TunnelChannelSplit> ctx = readers(1);
        TunnelSourceConfig config = config(TunnelType.BASE_DATA);
        TunnelSplitEnumerator e = start(ctx, config, null);
        e.handleSourceEvent(0, new ReaderStartedEvent(ProgressMode.INTERVAL));
        ctx.triggerAllActions();
        TunnelChannelSplit assigned = ctx.getSplitAssignments().get(0).getAssignedSplits().get(0);
        String clientId = e.snapshotState(1).clientId();
        try (io.github.tablestore.flink.tunnel.client.TunnelClient client =
                config.clientFactory().createClient()) {
            String tunnelId = tunnel().tunnelId();
            String later =
                    client.readRecords(tunnelId, clientId, assigned.channelId(), assigned.token())
                            .nextToken();
            assertThat(later).isNotEqualTo("finished");
            client.checkpoint(
                    tunnelId, clientId, assigned.channelId(), later, assigned.sequenceNumber() + 1);
        }
        e.addSplitsBack(List.of(assigned), 0);
        List<TunnelChannelSplit> all = ctx.getSplitAssignments().get(0).getAssignedSplits();
        TunnelChannelSplit again = all.get(all.size() - 1);
        assertThat(again.channelId()).isEqualTo(assigned.channelId());
        assertThat(again.token()).isEqualTo(assigned.token());
    }
}

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

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.ChannelsReleasedEvent;
import io.github.tablestore.flink.tunnel.source.event.ReleaseChannelsEvent;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enumerator when the service moves channels to another client of the tunnel: it relays the
 * request to the owning reader, stores the handed-back position before acknowledging, keeps the
 * position in its state, and assigns the channel from there when the service offers it again.
 */
class TunnelSplitEnumeratorRebalanceTest {
    /** A fresh emulator for every test. */
    @RegisterExtension
    final TablestoreEmulatorExtension tablestore = new TablestoreEmulatorExtension();

    private static final String TABLE = "orders";

    private TablestoreEmulator emulator;
    private TunnelSourceConfig config;
    private TunnelClient other;
    private TunnelSplitEnumerator enumerator;
    private TestingSplitEnumeratorContext<TunnelChannelSplit> ctx;

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
                                TunnelRecordDeserializationSchema.json(),
                                Duration.ofMillis(1),
                                FaultInjectingClientFactory::new)
                        .build()
                        .config();
        other = config.clientFactory().createClient();
        ctx = new TestingSplitEnumeratorContext<>(2);
        ctx.registerReader(0, "localhost");
        ctx.registerReader(1, "localhost");
        enumerator = new TunnelSplitEnumerator(ctx, config, null);
        enumerator.start();
    }

    @AfterEach
    void stop() throws Exception {
        enumerator.close();
        other.close();
    }

    private List<TunnelChannelSplit> assignedTo(int reader) {
        TestingSplitEnumeratorContext.SplitAssignmentState<TunnelChannelSplit> s =
                ctx.getSplitAssignments().get(reader);
        return s == null ? List.of() : s.getAssignedSplits();
    }

    private List<ReleaseChannelsEvent> releaseRequests(int reader) {
        List<ReleaseChannelsEvent> out = new ArrayList<>();
        for (SourceEvent e : ctx.getSentEvents().getOrDefault(reader, List.of())) {
            if (e instanceof ReleaseChannelsEvent) {
                out.add((ReleaseChannelsEvent) e);
            }
        }
        return out;
    }

    private String ownerOf(String channelId) {
        return emulator.tunnels().get(0).channels().stream()
                .filter(c -> c.channelId().equals(channelId))
                .findFirst()
                .orElseThrow()
                .owner();
    }

    @Test
    void aChannelMovedToAnotherClientIsHandedBackStoredAndReadFromFlinksPositionWhenItReturns()
            throws Exception {
        ctx.triggerAllActions();
        assertThat(assignedTo(0)).hasSize(1);
        assertThat(assignedTo(1)).hasSize(1);
        String tunnelId = emulator.tunnels().get(0).tunnelId();

        // A second client joins (a job upgrade running side by side): the service asks for one
        // back.
        String otherId = other.connect(tunnelId, 60, "upgrade");
        List<ChannelState> otherHeld = other.heartbeat(tunnelId, otherId, List.of());
        assertThat(otherHeld).isEmpty();
        ctx.triggerAllActions();
        List<String> asked = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            for (ReleaseChannelsEvent e : releaseRequests(r)) {
                asked.addAll(e.channelIds());
                assertThat(assignedTo(r))
                        .extracting(TunnelChannelSplit::channelId)
                        .containsAll(e.channelIds());
            }
        }
        assertThat(asked).hasSize(1);
        String moved = asked.get(0);
        int owner = assignedTo(0).get(0).channelId().equals(moved) ? 0 : 1;
        ctx.triggerAllActions(); // asked once only
        assertThat(releaseRequests(owner)).hasSize(1);
        assertThat(ownerOf(moved)).isNotEqualTo(otherId); // not acknowledged before the hand-back

        // The reader hands it back at a position past the tunnel's checkpoint.
        TestTables.putRange(emulator, TABLE, 0, 30, "v");
        String session = enumerator.snapshotState(1).clientId();
        String start = other.getCheckpoint(tunnelId, session, moved).token();
        String position = other.readRecords(tunnelId, session, moved, start).nextToken();
        TunnelChannelSplit handedBack =
                assignedTo(owner).get(0).withPosition(position, 0).asReleased();
        enumerator.handleSourceEvent(owner, new ChannelsReleasedEvent(List.of(handedBack)));
        assertThat(enumerator.snapshotState(2).releasedSplits()).containsExactly(handedBack);
        assertThat(enumerator.snapshotState(2).assignedChannels()).doesNotContain(moved);

        ctx.triggerAllActions(); // stores the position, reports CLOSE
        assertThat(other.getCheckpoint(tunnelId, otherId, moved).token()).isEqualTo(position);
        otherHeld = other.heartbeat(tunnelId, otherId, otherHeld);
        assertThat(otherHeld).extracting(ChannelState::channelId).containsExactly(moved);
        assertThat(ownerOf(moved)).isEqualTo(otherId);

        // Meanwhile the other client moves the tunnel's checkpoint on; then it leaves.
        String ahead = other.readRecords(tunnelId, otherId, moved, position).nextToken();
        other.checkpoint(
                tunnelId,
                otherId,
                moved,
                ahead,
                other.getCheckpoint(tunnelId, otherId, moved).sequenceNumber() + 1);
        other.shutdown(tunnelId, otherId);
        int before = assignedTo(0).size() + assignedTo(1).size();
        ctx.triggerAllActions();
        List<TunnelChannelSplit> all = new ArrayList<>(assignedTo(0));
        all.addAll(assignedTo(1));
        assertThat(all).hasSize(before + 1);
        TunnelChannelSplit again =
                all.stream()
                        .filter(s -> s.channelId().equals(moved))
                        .reduce((a, b) -> b)
                        .orElseThrow();
        assertThat(again.token()).isEqualTo(position); // Flink's position, not the tunnel's
        assertThat(again.isReleased()).isFalse();
        assertThat(enumerator.snapshotState(3).releasedSplits()).isEmpty();
    }

    @Test
    void releaseRequestsAreRepeatedToAReaderThatRegistersAgain() {
        ctx.triggerAllActions();
        String tunnelId = emulator.tunnels().get(0).tunnelId();
        String otherId = other.connect(tunnelId, 60, "upgrade");
        other.heartbeat(tunnelId, otherId, List.of());
        ctx.triggerAllActions();
        Map<Integer, Integer> requests =
                Map.of(0, releaseRequests(0).size(), 1, releaseRequests(1).size());
        int owner = requests.get(0) == 1 ? 0 : 1;
        enumerator.addReader(
                owner); // e.g. the reader restarted from a checkpoint holding the channel
        assertThat(releaseRequests(owner)).hasSize(2);
        assertThat(releaseRequests(owner).get(1)).isEqualTo(releaseRequests(owner).get(0));
        assertThat(releaseRequests(1 - owner)).isEmpty();
        assertThat(releaseRequests(owner).get(0).channelIds()).hasSize(1);
    }

    @Test
    void aStaleHandBackReSentAfterARestoreDoesNotMoveAChannelThatWasAssignedAgain()
            throws Exception {
        // R hands B back at P1; the service offers B again and it is assigned anew; then a reader
        // restored from a checkpoint that still holds the old hand-back re-sends it. The
        // enumerator must keep B with its current assignment: acting on the stale hand-back would
        // release B, have it offered and assigned once more, and read it twice at once.
        int owner = handBackAndAssignAgain();
        List<TunnelChannelSplit> assignmentsOfMoved = assignmentsOf(moved);
        TunnelChannelSplit firstAssignment = assignmentsOfMoved.get(0);
        TunnelChannelSplit staleHandBack = firstAssignment.asReleased();
        TunnelChannelSplit current = assignmentsOfMoved.get(1);
        assertThat(current.assignment()).isNotEqualTo(firstAssignment.assignment());

        // The restored reader re-sends its old hand-back (and its split assigned after the
        // checkpoint comes back empty-handed: nothing of B).
        enumerator.addSplitsBack(List.of(), owner);
        enumerator.addReader(owner);
        enumerator.handleSourceEvent(owner, new ChannelsReleasedEvent(List.of(staleHandBack)));
        ctx.triggerAllActions();
        ctx.triggerAllActions();

        assertThat(assignmentsOf(moved)).containsExactly(firstAssignment, current);
        TunnelEnumeratorState state = enumerator.snapshotState(5);
        assertThat(state.releasedSplits()).isEmpty();
        assertThat(state.assignments()).containsEntry(moved, current.assignment());
        assertThat(ownerOf(moved)).isEqualTo(state.clientId());
    }

    @Test
    void aSplitReturnedFromAnOlderAssignmentIsNotReadAgain() throws Exception {
        // A split of an assignment that is no longer current (the channel was handed back and
        // assigned anew meanwhile) must not become pending a second time.
        int owner = handBackAndAssignAgain();
        TunnelChannelSplit first = assignmentsOf(moved).get(0);

        enumerator.addSplitsBack(List.of(first), owner);
        ctx.triggerAllActions();
        assertThat(assignmentsOf(moved)).hasSize(2);
        assertThat(enumerator.snapshotState(3).pendingSplits()).isEmpty();
    }

    /** The channel the service moved in {@link #handBackAndAssignAgain}. */
    private String moved;

    /**
     * A second client joins; the owner of the channel the service asks back hands it back; the
     * client takes it and leaves; the channel is offered again and assigned anew. Returns the
     * reader that handed it back.
     */
    private int handBackAndAssignAgain() {
        ctx.triggerAllActions();
        String tunnelId = emulator.tunnels().get(0).tunnelId();
        String otherId = other.connect(tunnelId, 60, "upgrade");
        List<ChannelState> otherHeld = other.heartbeat(tunnelId, otherId, List.of());
        ctx.triggerAllActions();
        int owner = releaseRequests(0).isEmpty() ? 1 : 0;
        moved = releaseRequests(owner).get(0).channelIds().get(0);
        TunnelChannelSplit first = assignmentsOf(moved).get(0);
        enumerator.handleSourceEvent(owner, new ChannelsReleasedEvent(List.of(first.asReleased())));
        ctx.triggerAllActions(); // stored, CLOSE
        otherHeld = other.heartbeat(tunnelId, otherId, otherHeld);
        assertThat(otherHeld).extracting(ChannelState::channelId).containsExactly(moved);
        other.shutdown(tunnelId, otherId);
        ctx.triggerAllActions(); // offered again: assigned anew
        assertThat(assignmentsOf(moved)).hasSize(2);
        return owner;
    }

    private List<TunnelChannelSplit> assignmentsOf(String channelId) {
        List<TunnelChannelSplit> out = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            for (TunnelChannelSplit s : assignedTo(r)) {
                if (s.channelId().equals(channelId)) {
                    out.add(s);
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong(TunnelChannelSplit::assignment));
        return out;
    }
}

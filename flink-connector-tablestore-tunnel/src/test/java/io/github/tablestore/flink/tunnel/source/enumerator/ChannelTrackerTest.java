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

import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelTrackerTest {

    private static TunnelChannelSplit stream(String id, String... parents) {
        return new TunnelChannelSplit(id, ChannelType.STREAM, "tok-" + id, 0, List.of(parents));
    }

    private static List<String> ids(List<TunnelChannelSplit> splits) {
        return splits.stream()
                .map(TunnelChannelSplit::channelId)
                .collect(java.util.stream.Collectors.toList());
    }

    @Test
    void childWaitsUntilEveryParentFinished() {
        ChannelTracker t = new ChannelTracker();
        t.addPending(stream("p1"));
        t.addPending(stream("p2"));
        t.addPending(stream("merged", "p1", "p2"));
        assertThat(ids(t.readyToAssign(Map.of()))).containsExactly("p1", "p2");

        t.markAssigned("p1", 0);
        t.markAssigned("p2", 1);
        t.markFinished("p1");
        assertThat(ids(t.readyToAssign(Map.of()))).isEmpty();
        t.markFinished("p2");
        assertThat(ids(t.readyToAssign(Map.of()))).containsExactly("merged");
    }

    @Test
    void childWaitsEvenIfTheServiceSaysAKnownParentIsTerminated() {
        // Flink state wins: the parent is assigned (its finish is not in a completed checkpoint).
        ChannelTracker t = new ChannelTracker();
        t.addPending(stream("p"));
        t.markAssigned("p", 0);
        t.addPending(stream("c", "p"));
        assertThat(t.readyToAssign(Map.of("p", ChannelStatus.TERMINATED))).isEmpty();
    }

    @Test
    void untrackedParentCountsAsDoneOnlyWhenTheServiceSaysSo() {
        ChannelTracker t = new ChannelTracker();
        t.addPending(stream("c", "gone", "old"));
        assertThat(t.waitsOnUntrackedParent()).isTrue();
        assertThat(t.readyToAssign(null)).isEmpty();
        assertThat(t.readyToAssign(Map.of("old", ChannelStatus.OPEN))).isEmpty();
        assertThat(t.readyToAssign(Map.of("old", ChannelStatus.WAIT))).isEmpty();
        // "gone" is not listed any more (expired), "old" is TERMINATED.
        assertThat(ids(t.readyToAssign(Map.of("old", ChannelStatus.TERMINATED))))
                .containsExactly("c");
    }

    @Test
    void returnedSplitsArePendingAgainUnlessFinished() {
        ChannelTracker t = new ChannelTracker();
        TunnelChannelSplit a = stream("a");
        TunnelChannelSplit b = stream("b");
        t.addPending(a);
        t.addPending(b);
        TunnelChannelSplit assignedA = t.markAssigned("a", 0);
        TunnelChannelSplit assignedB = t.markAssigned("b", 0);
        t.markFinished("b");
        assertThat(t.returnSplits(List.of(assignedA, assignedB), false)).containsExactly(assignedA);
        assertThat(t.isPending("a")).isTrue();
        assertThat(t.isFinished("b")).isTrue();
    }

    @Test
    void inBatchModeReturnedSplitsOfFinishedChannelsAreReadAgainFromTheirAssignedPosition() {
        ChannelTracker t = new ChannelTracker();
        t.addPending(stream("a"));
        TunnelChannelSplit assigned = t.markAssigned("a", 0);
        t.markFinished("a");
        assertThat(t.returnSplits(List.of(assigned), true)).containsExactly(assigned);
        assertThat(t.isPending("a")).isTrue();
        assertThat(t.isFinished("a")).isFalse();
        assertThat(t.readyToAssign(null))
                .extracting(TunnelChannelSplit::token)
                .containsExactly("tok-a");
    }

    @Test
    void everyAssignmentGetsANewNumberThatSurvivesASnapshot() {
        ChannelTracker t = new ChannelTracker();
        t.addPending(stream("a"));
        t.addPending(stream("b"));
        TunnelChannelSplit a = t.markAssigned("a", 0);
        TunnelChannelSplit b = t.markAssigned("b", 1);
        assertThat(a.assignment()).isPositive();
        assertThat(b.assignment()).isGreaterThan(a.assignment());
        ChannelTracker restored = ChannelTracker.restore(t.snapshot("t", "c"));
        restored.markReleased(a.asReleased());
        restored.reoffer("a");
        assertThat(restored.markAssigned("a", 1).assignment()).isGreaterThan(b.assignment());
    }

    @Test
    void aHandBackOfAnOlderAssignmentIsIgnored() {
        ChannelTracker t = new ChannelTracker();
        t.addPending(stream("a"));
        TunnelChannelSplit first = t.markAssigned("a", 0);
        assertThat(t.markReleased(first.withPosition("p1", 1).asReleased())).isTrue();
        t.reoffer("a");
        TunnelChannelSplit second = t.markAssigned("a", 1);
        // A reader restored from a checkpoint that still holds the first hand-back re-sends it.
        assertThat(t.markReleased(first.withPosition("p1", 1).asReleased())).isFalse();
        assertThat(t.ownerOf("a")).isEqualTo(1);
        assertThat(t.isReleased("a")).isFalse();
        assertThat(t.returnSplits(List.of(first), false)).isEmpty();
        assertThat(t.ownerOf("a")).isEqualTo(1);
        assertThat(t.markReleased(second.withPosition("p2", 2).asReleased())).isTrue();
        assertThat(t.releasedPositions()).containsExactly(Map.entry("a", "p2"));
    }

    @Test
    void assignmentsRestoredFromStateWithoutNumbersAcceptTheirHandBacks() {
        TunnelEnumeratorState legacy =
                new TunnelEnumeratorState(
                        "t", "c", List.of(), java.util.Set.of("a"), java.util.Set.of());
        ChannelTracker t = ChannelTracker.restore(legacy);
        assertThat(t.markReleased(stream("a").asReleased())).isTrue();
        assertThat(t.isReleased("a")).isTrue();
    }

    @Test
    void knownChannelsAreNotAddedTwice() {
        ChannelTracker t = new ChannelTracker();
        assertThat(t.addPending(stream("a"))).isTrue();
        t.markAssigned("a", 2);
        assertThat(t.addPending(stream("a"))).isFalse();
        assertThat(t.isAssigned("a")).isTrue();
        assertThat(t.loadByReader()).containsExactly(Map.entry(2, 1));
    }

    @Test
    void snapshotAndRestoreKeepEveryState() {
        ChannelTracker t = new ChannelTracker();
        t.addPending(stream("pending", "done"));
        t.addPending(stream("assigned"));
        t.markAssigned("assigned", 1);
        t.markFinished("done");
        TunnelEnumeratorState state = t.snapshot("tid", "cid");
        assertThat(state.assignedChannels()).isEqualTo(Set.of("assigned"));
        assertThat(state.finishedChannels()).isEqualTo(Set.of("done"));

        ChannelTracker restored = ChannelTracker.restore(state);
        assertThat(restored.isAssigned("assigned")).isTrue();
        assertThat(restored.loadByReader()).isEmpty(); // owners are unknown after a restore
        assertThat(ids(restored.readyToAssign(Map.of()))).containsExactly("pending");
        assertThat(restored.snapshot("tid", "cid")).isEqualTo(state);
    }

    @Test
    void aPendingChannelIsReleasedAtOnceAndComesBackAtItsPosition() {
        ChannelTracker t = new ChannelTracker();
        t.addPending(stream("a"));
        assertThat(t.requestRelease("a")).isEqualTo(ChannelTracker.ReleaseAction.RELEASED);
        assertThat(t.isReleased("a")).isTrue();
        assertThat(t.readyToAssign(Map.of())).isEmpty();
        assertThat(t.releasedPositions()).containsExactly(Map.entry("a", "tok-a"));
        assertThat(t.hasUnfinishedChannels()).isTrue();

        assertThat(t.reoffer("a")).isTrue();
        assertThat(t.readyToAssign(Map.of())).containsExactly(stream("a"));
        assertThat(t.reoffer("a")).isFalse();
    }

    @Test
    void anAssignedChannelIsReleasingUntilItsReaderHandsItBack() {
        ChannelTracker t = new ChannelTracker();
        t.addPending(stream("a"));
        TunnelChannelSplit assigned = t.markAssigned("a", 3);
        assertThat(t.requestRelease("a")).isEqualTo(ChannelTracker.ReleaseAction.ASK_READER);
        assertThat(t.requestRelease("a"))
                .isEqualTo(ChannelTracker.ReleaseAction.NONE); // asked once
        assertThat(t.ownerOf("a")).isEqualTo(3);
        assertThat(t.releasingIds()).containsExactly("a");

        TunnelChannelSplit handedBack = assigned.withPosition("tok-a-later", 5).asReleased();
        assertThat(t.markReleased(handedBack)).isTrue();
        assertThat(t.markReleased(handedBack)).isFalse(); // re-sent after a restore: no news
        assertThat(t.releasingIds()).isEmpty();
        assertThat(t.isAssigned("a")).isFalse();
        assertThat(t.releasedPositions()).containsExactly(Map.entry("a", "tok-a-later"));

        // Offered again: read from where Flink stopped, not from the tunnel's checkpoint.
        t.reoffer("a");
        assertThat(t.readyToAssign(Map.of()))
                .containsExactly(assigned.withPosition("tok-a-later", 5));
    }

    @Test
    void aReleasingChannelWhoseReaderFailedIsReleasedAtTheAssignedPosition() {
        ChannelTracker t = new ChannelTracker();
        TunnelChannelSplit a = stream("a");
        t.addPending(a);
        TunnelChannelSplit assigned = t.markAssigned("a", 0);
        t.requestRelease("a");
        assertThat(t.returnSplits(List.of(assigned), false)).isEmpty();
        assertThat(t.isReleased("a")).isTrue();
        assertThat(t.releasedPositions()).containsExactly(Map.entry("a", "tok-a"));
    }

    @Test
    void finishedOrUnknownChannelsNeedNoRelease() {
        ChannelTracker t = new ChannelTracker();
        t.addPending(stream("done"));
        t.markFinished("done");
        assertThat(t.requestRelease("done")).isEqualTo(ChannelTracker.ReleaseAction.NONE);
        assertThat(t.requestRelease("never-seen")).isEqualTo(ChannelTracker.ReleaseAction.UNKNOWN);
        // A released channel that finishes elsewhere is finished here too.
        t.addPending(stream("r"));
        t.requestRelease("r");
        assertThat(t.markFinished("r")).isTrue();
        assertThat(t.isReleased("r")).isFalse();
        assertThat(t.hasUnfinishedChannels()).isFalse();
    }

    @Test
    void releasedChannelsSurviveSnapshotAndRestoreAndWinOverTheirAssignment() {
        ChannelTracker t = new ChannelTracker();
        t.addPending(stream("r"));
        t.requestRelease("r");
        t.addPending(stream("child", "r"));
        TunnelEnumeratorState state = t.snapshot("tid", "cid");
        assertThat(state.releasedSplits()).containsExactly(stream("r").asReleased());

        ChannelTracker restored = ChannelTracker.restore(state);
        assertThat(restored.isReleased("r")).isTrue();
        assertThat(restored.readyToAssign(Map.of("r", ChannelStatus.TERMINATED)))
                .isEmpty(); // parent not done
        assertThat(restored.snapshot("tid", "cid")).isEqualTo(state);

        // A state that has the channel both assigned and released (hand-back after the assignment).
        TunnelEnumeratorState both =
                new TunnelEnumeratorState(
                        "tid",
                        "cid",
                        List.of(),
                        Set.of("r"),
                        Set.of(),
                        List.of(stream("r").asReleased()));
        ChannelTracker fromBoth = ChannelTracker.restore(both);
        assertThat(fromBoth.isAssigned("r")).isFalse();
        assertThat(fromBoth.isReleased("r")).isTrue();
    }
}

package io.github.tablestore.flink.tunnel.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelTrackerTest {

    private static TunnelChannelSplit stream(String id, String... parents) {
        return new TunnelChannelSplit(id, ChannelType.STREAM, "tok-" + id, 0, List.of(parents));
    }

    private static List<String> ids(List<TunnelChannelSplit> splits) {
        return splits.stream().map(TunnelChannelSplit::channelId).collect(java.util.stream.Collectors.toList());
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
        assertThat(ids(t.readyToAssign(Map.of("old", ChannelStatus.TERMINATED)))).containsExactly("c");
    }

    @Test
    void returnedSplitsArePendingAgainUnlessFinished() {
        ChannelTracker t = new ChannelTracker();
        TunnelChannelSplit a = stream("a");
        TunnelChannelSplit b = stream("b");
        t.addPending(a);
        t.addPending(b);
        t.markAssigned("a", 0);
        t.markAssigned("b", 0);
        t.markFinished("b");
        assertThat(t.returnSplits(List.of(a, b))).containsExactly(a);
        assertThat(t.isPending("a")).isTrue();
        assertThat(t.isFinished("b")).isTrue();
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
}

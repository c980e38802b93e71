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

import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HandBacksTest {
    private final HandBacks handBacks = new HandBacks();

    private static TunnelChannelSplit finished(String id) {
        return new TunnelChannelSplit(id, ChannelType.STREAM, "t", 1, List.of()).asFinished(2);
    }

    private static TunnelChannelSplit released(String id) {
        return new TunnelChannelSplit(id, ChannelType.STREAM, "t", 1, List.of()).asReleased();
    }

    @Test
    void aSplitIsReportableOnlyOnceACheckpointCarryingItCompleted() {
        handBacks.add(finished("a"));
        assertThat(handBacks.takeReportable()).isEmpty();
        assertThat(handBacks.checkpointCompleted(1)).isEmpty(); // taken before the split ended
        assertThat(handBacks.takeReportable()).isEmpty();
        assertThat(handBacks.snapshot(2)).containsExactly(finished("a"));
        handBacks.snapshot(3);
        handBacks.checkpointCompleted(2);
        assertThat(handBacks.takeReportable()).containsExactly(finished("a"));
        assertThat(handBacks.takeReportable()).isEmpty(); // reported once
    }

    @Test
    void aSplitLeavesOnlyOnceACheckpointTheEnumeratorRecordedItInCompleted() {
        handBacks.add(released("b"));
        handBacks.snapshot(1);
        handBacks.checkpointCompleted(1);
        handBacks.takeReportable();
        handBacks.recorded(List.of("b"), 4);
        assertThat(handBacks.checkpointCompleted(2)).isEmpty();
        assertThat(handBacks.checkpointCompleted(3)).isEmpty();
        assertThat(handBacks.snapshot(4)).containsExactly(released("b"));
        assertThat(handBacks.checkpointCompleted(4)).containsExactly("b");
        assertThat(handBacks.snapshot(5)).isEmpty();
    }

    @Test
    void aSplitNotReportedYetIgnoresAnAnswerMeantForAnEarlierReport() {
        handBacks.add(finished("c"));
        handBacks.recorded(List.of("c"), 1); // about an earlier life of the channel
        handBacks.snapshot(1);
        assertThat(handBacks.checkpointCompleted(1)).isEmpty();
        assertThat(handBacks.takeReportable()).containsExactly(finished("c"));
    }

    @Test
    void restoredSplitsAreReportableAtOnceAndAChannelThatComesBackIsDropped() {
        handBacks.addRestored(finished("d"));
        handBacks.addRestored(released("e"));
        assertThat(handBacks.takeReportable()).containsExactly(finished("d"), released("e"));
        handBacks.remove("e");
        assertThat(handBacks.contains("e")).isFalse();
        assertThat(handBacks.channelIds()).containsExactly("d");
        assertThat(handBacks.splits()).containsExactly(finished("d"));
    }
}

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

import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.util.Hex;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TunnelEnumeratorStateSerializerTest {
    private final TunnelEnumeratorStateSerializer serializer =
            TunnelEnumeratorStateSerializer.INSTANCE;

    static TunnelEnumeratorState sample() {
        return new TunnelEnumeratorState(
                "tunnel-1",
                "client-9",
                List.of(
                        new TunnelChannelSplit(
                                "child", ChannelType.STREAM, "t0", 3, List.of("parent"))),
                Set.of("a", "b"),
                Set.of("parent"));
    }

    /** Version 1 bytes of {@link #sample()}, frozen: every later version must still read them. */
    static final String V1_SAMPLE_HEX =
            "01000874756e6e656c2d31010008636c69656e742d39"
                    + "000000010000000100056368696c64010000000274300000000000000003000000010006706172656e74"
                    + "00000002000161000162000000010006706172656e74";

    static TunnelEnumeratorState withReleased() {
        TunnelEnumeratorState s = sample();
        return new TunnelEnumeratorState(
                s.tunnelId(),
                s.clientId(),
                s.pendingSplits(),
                Set.of("a"),
                s.finishedChannels(),
                List.of(new TunnelChannelSplit("b", ChannelType.STREAM, "t7", 4, List.of(), true)));
    }

    @Test
    void roundTrips() throws IOException {
        for (TunnelEnumeratorState state :
                List.of(sample(), withReleased(), TunnelEnumeratorState.empty())) {
            assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state)))
                    .isEqualTo(state);
        }
    }

    @Test
    void readsVersion1() throws IOException {
        assertThat(serializer.deserialize(1, Hex.parse(V1_SAMPLE_HEX))).isEqualTo(sample());
    }

    /** Version 2 bytes of {@link #sample()}: splits in split version 2 (a flags byte each), then the released splits. */
    static final String V2_SAMPLE_HEX =
            V1_SAMPLE_HEX
                            .replace(
                                    "000000010000000100056368696c64",
                                    "000000020000000100056368696c64")
                            .replace(
                                    "000000010006706172656e7400000002",
                                    "000000010006706172656e740000000002")
                    + "00000000";

    @Test
    void readsVersion2() throws IOException {
        assertThat(serializer.deserialize(2, Hex.parse(V2_SAMPLE_HEX))).isEqualTo(sample());
    }

    @Test
    void currentVersionIsVersion3() throws IOException {
        assertThat(serializer.getVersion()).isEqualTo(3);
        // Version 3: splits in split version 3 (an assignment number each), then each assigned
        // channel's assignment number and the next number.
        TunnelEnumeratorState numbered =
                new TunnelEnumeratorState(
                        "tunnel-1",
                        "client-9",
                        sample().pendingSplits(),
                        java.util.Map.of("a", 5L, "b", 6L),
                        Set.of("parent"),
                        List.of(),
                        7);
        String expected =
                "01000874756e6e656c2d31"
                        + "010008636c69656e742d39" // tunnel and client ids
                        + "00000003"
                        + "00000001" // split version, one pending split:
                        + "00056368696c64"
                        + "01"
                        + "000000027430"
                        + "0000000000000003"
                        + "000000010006706172656e74"
                        + "00"
                        + "0000000000000000" // flags, assignment number
                        + "00000002"
                        + "000161"
                        + "000162" // assigned
                        + "00000001"
                        + "0006706172656e74" // finished
                        + "00000000" // released
                        + "0000000000000005"
                        + "0000000000000006" // assignment numbers of a and b
                        + "0000000000000007"; // next assignment number
        assertThat(Hex.format(serializer.serialize(numbered))).isEqualTo(expected);
        assertThat(serializer.deserialize(3, Hex.parse(expected))).isEqualTo(numbered);
    }

    @Test
    void equalStatesGiveEqualBytes() throws IOException {
        TunnelEnumeratorState reordered =
                new TunnelEnumeratorState(
                        "tunnel-1",
                        "client-9",
                        sample().pendingSplits(),
                        Set.of("b", "a"),
                        Set.of("parent"));
        assertThat(serializer.serialize(reordered)).isEqualTo(serializer.serialize(sample()));
    }

    @Test
    void rejectsUnknownVersion() {
        assertThatThrownBy(() -> serializer.deserialize(4, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 4");
    }
}

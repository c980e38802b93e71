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

package io.github.tablestore.flink.tunnel.source.split;

import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.source.util.Hex;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TunnelChannelSplitSerializerTest {
    private final TunnelChannelSplitSerializer serializer = TunnelChannelSplitSerializer.INSTANCE;

    /** Version 1 bytes of {@link #sample()}, frozen: every later version must still read them. */
    static final String V1_SAMPLE_HEX =
            "0005736861726401000000087365656b3d3132330000000000000007"
                    + "000000020003702d3100057030e282ac";

    static TunnelChannelSplit sample() {
        return new TunnelChannelSplit(
                "shard", ChannelType.STREAM, "seek=123", 7, List.of("p-1", "p0€"));
    }

    /** Version 2 bytes of {@link #sample()} released, frozen. */
    static final String V2_RELEASED_SAMPLE_HEX = V1_SAMPLE_HEX + "01";

    @Test
    void roundTripsEveryField() throws IOException {
        for (TunnelChannelSplit split :
                List.of(
                        sample(),
                        new TunnelChannelSplit(
                                "BaseData_p1", ChannelType.BASE_DATA, "tok", -1, List.of()),
                        sample().asFinished(42),
                        sample().asReleased(),
                        sample().withAssignment(Long.MAX_VALUE).asReleased())) {
            byte[] bytes = serializer.serialize(split);
            assertThat(serializer.deserialize(serializer.getVersion(), bytes)).isEqualTo(split);
        }
    }

    @Test
    void readsVersion1() throws IOException {
        byte[] v1 = Hex.parse(V1_SAMPLE_HEX);
        assertThat(serializer.deserialize(1, v1)).isEqualTo(sample());
    }

    @Test
    void readsVersion2() throws IOException {
        assertThat(serializer.deserialize(2, Hex.parse(V1_SAMPLE_HEX + "00"))).isEqualTo(sample());
        assertThat(serializer.deserialize(2, Hex.parse(V2_RELEASED_SAMPLE_HEX)))
                .isEqualTo(sample().asReleased());
    }

    @Test
    void currentVersionIsVersion3Layout() throws IOException {
        assertThat(serializer.getVersion()).isEqualTo(3);
        assertThat(Hex.format(serializer.serialize(sample())))
                .isEqualTo(V1_SAMPLE_HEX + "00" + "0000000000000000");
        TunnelChannelSplit assigned = sample().withAssignment(0x0102L).asReleased();
        assertThat(Hex.format(serializer.serialize(assigned)))
                .isEqualTo(V2_RELEASED_SAMPLE_HEX + "0000000000000102");
        assertThat(
                        serializer.deserialize(
                                3, Hex.parse(V2_RELEASED_SAMPLE_HEX + "0000000000000102")))
                .isEqualTo(assigned);
    }

    @Test
    void anAssignmentNumberSurvivesEveryChangeOfPosition() {
        TunnelChannelSplit assigned = sample().withAssignment(7);
        assertThat(assigned.withPosition("next", 9).assignment()).isEqualTo(7);
        assertThat(assigned.asReleased().assignment()).isEqualTo(7);
        assertThat(assigned.asReleased().asReadable().assignment()).isEqualTo(7);
        assertThat(assigned.asFinished(9).assignment()).isEqualTo(7);
        assertThat(assigned).isNotEqualTo(sample());
    }

    @Test
    void rejectsUnknownFlags() {
        assertThatThrownBy(() -> serializer.deserialize(2, Hex.parse(V1_SAMPLE_HEX + "02")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unknown flags 2");
    }

    @Test
    void keepsTokensLongerThanWriteUtfAllows() throws IOException {
        String longToken = "x".repeat(100_000);
        TunnelChannelSplit split =
                new TunnelChannelSplit("c", ChannelType.BASE_DATA, longToken, 1, List.of());
        assertThat(serializer.deserialize(3, serializer.serialize(split)).token())
                .isEqualTo(longToken);
    }

    @Test
    void rejectsUnknownVersionsAndTrailingBytes() throws IOException {
        byte[] bytes = serializer.serialize(sample());
        assertThatThrownBy(() -> serializer.deserialize(99, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 99");
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> serializer.deserialize(3, longer))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void aReleasedSplitKeepsItsPositionAndIsReadableAgain() {
        TunnelChannelSplit released = sample().asReleased();
        assertThat(released.isReleased()).isTrue();
        assertThat(released.isFinished()).isFalse();
        assertThat(released.token()).isEqualTo("seek=123");
        assertThat(released).isNotEqualTo(sample());
        assertThat(released.asReadable()).isEqualTo(sample());
        assertThat(released.withPosition("next", 9).isReleased()).isFalse();
        assertThatThrownBy(
                        () ->
                                new TunnelChannelSplit(
                                        "c", ChannelType.STREAM, "finished", 1, List.of(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitKnowsWhenItIsFinished() {
        assertThat(sample().isFinished()).isFalse();
        TunnelChannelSplit done = sample().asFinished(8);
        assertThat(done.isFinished()).isTrue();
        assertThat(done.splitId()).isEqualTo("shard");
        assertThat(done.sequenceNumber()).isEqualTo(8);
        assertThat(done.parentChannelIds()).containsExactly("p-1", "p0€");
    }
}

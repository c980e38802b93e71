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

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TunnelSplitAssignerTest {

    private static List<TunnelChannelSplit> splits(int n) {
        List<TunnelChannelSplit> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new TunnelChannelSplit("c" + i, ChannelType.BASE_DATA, "t", 0, List.of()));
        }
        return list;
    }

    private static Map<Integer, Integer> sizes(Map<Integer, List<TunnelChannelSplit>> plan) {
        Map<Integer, Integer> sizes = new java.util.TreeMap<>();
        plan.forEach((reader, list) -> sizes.put(reader, list.size()));
        return sizes;
    }

    @Test
    void spreadsEvenlyInReaderOrder() {
        Map<Integer, List<TunnelChannelSplit>> plan =
                TunnelSplitAssigner.assign(splits(5), Set.of(0, 1, 2), Map.of(), Integer.MAX_VALUE);
        assertThat(sizes(plan)).containsExactly(Map.entry(0, 2), Map.entry(1, 2), Map.entry(2, 1));
        assertThat(plan.get(0).get(0).channelId()).isEqualTo("c0");
        assertThat(plan.get(1).get(0).channelId()).isEqualTo("c1");
    }

    @Test
    void fillsTheLeastLoadedReadersFirst() {
        Map<Integer, List<TunnelChannelSplit>> plan =
                TunnelSplitAssigner.assign(
                        splits(3), Set.of(0, 1, 2), Map.of(0, 2, 1, 1), Integer.MAX_VALUE);
        assertThat(sizes(plan)).containsExactly(Map.entry(1, 1), Map.entry(2, 2));
    }

    @Test
    void isDeterministic() {
        for (int i = 0; i < 5; i++) {
            assertThat(
                            TunnelSplitAssigner.assign(
                                    splits(7), Set.of(3, 1, 2), Map.of(2, 1), Integer.MAX_VALUE))
                    .isEqualTo(
                            TunnelSplitAssigner.assign(
                                    splits(7), Set.of(1, 2, 3), Map.of(2, 1), Integer.MAX_VALUE));
        }
    }

    @Test
    void assignsNothingWithoutReaders() {
        assertThat(TunnelSplitAssigner.assign(splits(2), Set.of(), Map.of(), Integer.MAX_VALUE))
                .isEmpty();
    }
}

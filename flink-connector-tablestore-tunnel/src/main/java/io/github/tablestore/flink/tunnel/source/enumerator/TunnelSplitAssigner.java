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

import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Picks a reader for each split: the reader owning the fewest channels, ties going to the lowest
 * subtask index; splits are placed in channel-id order. The same inputs always give the same
 * assignment.
 */
final class TunnelSplitAssigner {
    private TunnelSplitAssigner() {}

    /**
     * @param splits splits to place, in the order to place them
     * @param readers registered readers
     * @param currentLoad channels each reader already owns (missing = 0)
     * @param maxPerReader most channels a reader may own; splits that do not fit stay unplaced
     * @return reader → splits, in placement order
     */
    static Map<Integer, List<TunnelChannelSplit>> assign(
            List<TunnelChannelSplit> splits,
            Collection<Integer> readers,
            Map<Integer, Integer> currentLoad,
            int maxPerReader) {
        Map<Integer, List<TunnelChannelSplit>> result = new LinkedHashMap<>();
        if (readers.isEmpty()) {
            return result;
        }
        TreeSet<Integer> sortedReaders = new TreeSet<>(readers);
        Map<Integer, Integer> load = new HashMap<>();
        for (int reader : sortedReaders) {
            load.put(reader, currentLoad.getOrDefault(reader, 0));
        }
        for (TunnelChannelSplit split : splits) {
            int best = -1;
            for (int reader : sortedReaders) {
                if (best < 0 || load.get(reader) < load.get(best)) {
                    best = reader;
                }
            }
            if (load.get(best) >= maxPerReader) {
                break; // the least loaded reader is full, so is every other
            }
            load.merge(best, 1, Integer::sum);
            result.computeIfAbsent(best, r -> new java.util.ArrayList<>()).add(split);
        }
        return result;
    }
}

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

import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The batches one fetch produced, grouped by channel in arrival order, plus the channels that
 * ended: read to their end, or released (handed back without a last batch).
 */
final class ChannelBatches implements RecordsWithSplitIds<ChannelBatch> {
    private final Map<String, ArrayDeque<ChannelBatch>> byChannel = new LinkedHashMap<>();
    private final Set<String> finished = new LinkedHashSet<>();
    private Iterator<Map.Entry<String, ArrayDeque<ChannelBatch>>> channels;
    private ArrayDeque<ChannelBatch> current;
    private int records;

    void add(ChannelBatch batch) {
        records += batch.records().size();
        byChannel.computeIfAbsent(batch.channelId(), c -> new ArrayDeque<>()).add(batch);
        if (batch.isFinished()) {
            finished.add(batch.channelId());
        }
    }

    /** Ends a channel without a batch: its reader stopped it to hand it back. */
    void addReleased(String channelId) {
        finished.add(channelId);
    }

    boolean isEmpty() {
        return byChannel.isEmpty() && finished.isEmpty();
    }

    /** Whether any batch holds records. */
    boolean hasRecords() {
        return records > 0;
    }

    @Override
    public String nextSplit() {
        if (channels == null) {
            channels = byChannel.entrySet().iterator();
        }
        if (!channels.hasNext()) {
            current = null;
            return null;
        }
        Map.Entry<String, ArrayDeque<ChannelBatch>> next = channels.next();
        current = next.getValue();
        return next.getKey();
    }

    @Override
    public ChannelBatch nextRecordFromSplit() {
        if (current == null) {
            throw new IllegalStateException("nextSplit() was not called");
        }
        return current.poll();
    }

    @Override
    public Set<String> finishedSplits() {
        return Collections.unmodifiableSet(finished);
    }
}

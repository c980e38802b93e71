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

import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The finished and handed-back channels a reader still carries in its state, on their way to the
 * enumerator (with checkpointing). Each goes through three steps:
 *
 * <ol>
 *   <li>in state: added when the split ends, carried by every snapshot from then on;
 *   <li>reported: once a checkpoint carrying it completed (or restored from one), it is handed to
 *       the enumerator ({@link #takeReportable});
 *   <li>recorded: the enumerator answers from which checkpoint on its snapshots hold it ({@link
 *       #recorded}); once such a checkpoint completed it leaves the state ({@link
 *       #checkpointCompleted}).
 * </ol>
 *
 * Whatever checkpoint the job restores from, the reader's or the enumerator's state has the
 * channel. Pure bookkeeping, task thread only.
 */
final class HandBacks {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        final TunnelChannelSplit split;

        /** First checkpoint whose snapshot carried it, or -1. */
        long firstCheckpoint = -1;

        boolean inCompletedCheckpoint;
        boolean reported;

        /** The enumerator's snapshots hold it from this checkpoint on; null while not known. */
        Long recordedFrom;

        Entry(TunnelChannelSplit split) {
            this.split = split;
        }
    }

    /** A split that just finished or was handed back. */
    void add(TunnelChannelSplit split) {
        entries.put(split.channelId(), new Entry(split));
    }

    /** A finished or released split restored from a completed checkpoint: to be reported again. */
    void addRestored(TunnelChannelSplit split) {
        Entry e = new Entry(split);
        e.inCompletedCheckpoint = true;
        entries.put(split.channelId(), e);
    }

    /** The channel came back to be read: its old entry is obsolete. */
    void remove(String channelId) {
        entries.remove(channelId);
    }

    boolean contains(String channelId) {
        return entries.containsKey(channelId);
    }

    Set<String> channelIds() {
        return entries.keySet();
    }

    /** The splits to put into the snapshot of {@code checkpointId}. */
    List<TunnelChannelSplit> snapshot(long checkpointId) {
        List<TunnelChannelSplit> splits = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            splits.add(e.split);
            if (e.firstCheckpoint < 0) {
                e.firstCheckpoint = checkpointId;
            }
        }
        return splits;
    }

    /**
     * A checkpoint completed: entries it carries become reportable; entries the enumerator's
     * state holds since a checkpoint at most this new leave. Returns the channels that left.
     */
    List<String> checkpointCompleted(long checkpointId) {
        List<String> left = new ArrayList<>();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.recordedFrom != null && checkpointId >= e.recordedFrom) {
                it.remove();
                left.add(e.split.channelId());
            } else if (e.firstCheckpoint >= 0 && e.firstCheckpoint <= checkpointId) {
                e.inCompletedCheckpoint = true;
            }
        }
        return left;
    }

    /** Entries in a completed checkpoint and not reported yet; marked reported. */
    List<TunnelChannelSplit> takeReportable() {
        List<TunnelChannelSplit> splits = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.inCompletedCheckpoint && !e.reported) {
                e.reported = true;
                splits.add(e.split);
            }
        }
        return splits;
    }

    /** The enumerator's snapshots hold these reported channels from {@code fromCheckpoint} on. */
    void recorded(List<String> channelIds, long fromCheckpoint) {
        for (String id : channelIds) {
            Entry e = entries.get(id);
            if (e != null && e.reported) {
                e.recordedFrom = fromCheckpoint;
            }
        }
    }

    /** The splits carried, finished or released (for tests). */
    List<TunnelChannelSplit> splits() {
        List<TunnelChannelSplit> splits = new ArrayList<>();
        for (Entry e : entries.values()) {
            splits.add(e.split);
        }
        return splits;
    }
}

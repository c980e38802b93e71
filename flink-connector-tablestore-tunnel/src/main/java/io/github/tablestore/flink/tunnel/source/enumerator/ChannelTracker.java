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
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each known channel stands from Flink's point of view: pending (known, not handed to a
 * reader), assigned (a reader owns it and its position is in that reader's state), released
 * (a reader handed it back because the service moved it away; its position is kept here until
 * the service offers it again) or finished (its finish is part of a completed checkpoint). An
 * assigned channel may also be <em>releasing</em>: the service asked for it back and its reader
 * was told to stop. Decides which pending channels may be read: a channel whose parents are not
 * all finished waits. Used on the coordinator thread only.
 *
 * <p>Every assignment gets a number, carried by the split the reader gets and by anything the
 * reader sends back about it. A hand-back or a returned split that does not carry the number of
 * the channel's current assignment is stale (e.g. re-sent by a reader restored from a checkpoint
 * taken before the channel went to another reader) and is ignored: acting on it would read the
 * channel twice at once.
 */
final class ChannelTracker {
    /** Owner of an assigned channel that was restored from state (Flink may have moved it). */
    static final int UNKNOWN_OWNER = -1;

    private final TreeMap<String, TunnelChannelSplit> pending = new TreeMap<>();
    private final TreeMap<String, Assignment> assigned = new TreeMap<>();
    private final TreeSet<String> finished = new TreeSet<>();
    private final TreeMap<String, TunnelChannelSplit> released = new TreeMap<>();

    /** Assigned channels whose reader was asked to hand them back. */
    private final TreeSet<String> releasing = new TreeSet<>();

    private long nextAssignment = 1;

    /** Who holds an assigned channel, and by which assignment. */
    private static final class Assignment {
        final int owner;
        final long number;

        Assignment(int owner, long number) {
            this.owner = owner;
            this.number = number;
        }
    }

    static ChannelTracker restore(TunnelEnumeratorState state) {
        ChannelTracker tracker = new ChannelTracker();
        tracker.nextAssignment = state.nextAssignment();
        for (String id : state.finishedChannels()) {
            tracker.finished.add(id);
        }
        for (Map.Entry<String, Long> e : state.assignments().entrySet()) {
            if (!tracker.finished.contains(e.getKey())) {
                tracker.assigned.put(e.getKey(), new Assignment(UNKNOWN_OWNER, e.getValue()));
            }
        }
        for (TunnelChannelSplit split : state.releasedSplits()) {
            if (!tracker.finished.contains(split.channelId())) {
                // A release is newer than the assignment it ends.
                tracker.assigned.remove(split.channelId());
                tracker.released.put(split.channelId(), split.asReleased());
            }
        }
        for (TunnelChannelSplit split : state.pendingSplits()) {
            if (!tracker.isKnown(split.channelId())) {
                tracker.pending.put(split.channelId(), split);
            }
        }
        return tracker;
    }

    boolean isKnown(String channelId) {
        return pending.containsKey(channelId)
                || assigned.containsKey(channelId)
                || released.containsKey(channelId)
                || finished.contains(channelId);
    }

    boolean isReleased(String channelId) {
        return released.containsKey(channelId);
    }

    boolean isReleasing(String channelId) {
        return releasing.contains(channelId);
    }

    boolean isFinished(String channelId) {
        return finished.contains(channelId);
    }

    boolean isAssigned(String channelId) {
        return assigned.containsKey(channelId);
    }

    boolean isPending(String channelId) {
        return pending.containsKey(channelId);
    }

    /** Adds a newly discovered channel as pending; ignored if already known. */
    boolean addPending(TunnelChannelSplit split) {
        if (isKnown(split.channelId())) {
            return false;
        }
        pending.put(split.channelId(), split);
        return true;
    }

    /** Marks a channel finished, wherever it was. Returns whether this is news. */
    boolean markFinished(String channelId) {
        pending.remove(channelId);
        assigned.remove(channelId);
        released.remove(channelId);
        releasing.remove(channelId);
        return finished.add(channelId);
    }

    /**
     * The service wants a channel back. A pending channel is released at once (its position
     * stays here); an assigned one becomes releasing. Returns what the caller must do.
     */
    ReleaseAction requestRelease(String channelId) {
        TunnelChannelSplit p = pending.remove(channelId);
        if (p != null) {
            released.put(channelId, p.asReleased());
            return ReleaseAction.RELEASED;
        }
        if (assigned.containsKey(channelId)) {
            return releasing.add(channelId) ? ReleaseAction.ASK_READER : ReleaseAction.NONE;
        }
        return finished.contains(channelId) || released.containsKey(channelId)
                ? ReleaseAction.NONE
                : ReleaseAction.UNKNOWN;
    }

    /** What {@link #requestRelease} asks of the caller. */
    enum ReleaseAction {
        /** Nothing (already released, releasing or finished). */
        NONE,
        /** The channel was pending and is released now. */
        RELEASED,
        /** The channel's reader must be told to hand it back. */
        ASK_READER,
        /** Never seen: nothing was read, the service's checkpoint is the position. */
        UNKNOWN
    }

    /**
     * A reader handed a channel back at {@code split}'s position. Returns whether this is news:
     * readers re-send hand-backs after a restore, and one that does not end the channel's current
     * assignment is stale.
     */
    boolean markReleased(TunnelChannelSplit split) {
        String id = split.channelId();
        if (!isCurrentAssignment(split)) {
            return false;
        }
        assigned.remove(id);
        releasing.remove(id);
        released.put(id, split.asReleased());
        return true;
    }

    /** The service offers a released channel again: it is pending from Flink's position. */
    boolean reoffer(String channelId) {
        TunnelChannelSplit split = released.remove(channelId);
        if (split == null) {
            return false;
        }
        pending.put(channelId, split.asReadable());
        return true;
    }

    /**
     * Whether {@code split} speaks for the channel's current assignment. A split of an assignment
     * whose number is not known (0: from state written before numbering) is taken as current
     * when the assignment's number is not known either.
     */
    private boolean isCurrentAssignment(TunnelChannelSplit split) {
        Assignment a = assigned.get(split.channelId());
        return a != null && (a.number == split.assignment() || a.number == 0);
    }

    /** Hands a pending channel to a reader; returns the split to send, numbered. */
    TunnelChannelSplit markAssigned(String channelId, int subtask) {
        TunnelChannelSplit removed = pending.remove(channelId);
        if (removed == null) {
            throw new IllegalStateException("Channel " + channelId + " is not pending");
        }
        long number = nextAssignment++;
        assigned.put(channelId, new Assignment(subtask, number));
        return removed.withAssignment(number);
    }

    /**
     * Takes back splits whose reader failed before a checkpoint covered them; the split's position
     * (where it was assigned from) is kept. Splits of an assignment that is no longer current are
     * ignored. Finished channels stay finished unless {@code replayFinished} (batch: the reader's
     * output since the assignment is lost with it, so the channel is read again).
     */
    List<TunnelChannelSplit> returnSplits(
            Collection<TunnelChannelSplit> splits, boolean replayFinished) {
        List<TunnelChannelSplit> returned = new ArrayList<>();
        for (TunnelChannelSplit split : splits) {
            String id = split.channelId();
            if (split.isFinished()) {
                continue; // restored as finished: nothing to read
            }
            if (finished.contains(id)) {
                if (!replayFinished) {
                    continue;
                }
                finished.remove(id);
                pending.put(id, split);
                returned.add(split);
                continue;
            }
            if (!isCurrentAssignment(split)) {
                continue;
            }
            assigned.remove(id);
            if (releasing.remove(id)) {
                released.put(id, split.asReleased()); // the service wanted it back anyway
                continue;
            }
            pending.put(id, split);
            returned.add(split);
        }
        return returned;
    }

    /**
     * Forgets finished channels that the service reports TERMINATED: they cannot come back, and a
     * child whose parent is not tracked asks the service about it ({@link #readyToAssign}). Keeps
     * the finished set (and the state) from growing with every split and merge. Returns how many
     * were forgotten.
     */
    int forgetTerminated(Map<String, ChannelStatus> serverStatuses) {
        int before = finished.size();
        finished.removeIf(id -> serverStatuses.get(id) == ChannelStatus.TERMINATED);
        return before - finished.size();
    }

    /** Forgets a pending channel (the service took it back); it may be discovered again. */
    boolean forgetPending(String channelId) {
        return pending.remove(channelId) != null;
    }

    /**
     * Pending channels that may be read now, in channel-id order. A parent is done when it
     * finished in a completed checkpoint; a parent this job never tracked counts as done only when
     * the service says it is TERMINATED or no longer lists it.
     *
     * @param serverStatuses the latest DescribeTunnel view (channel → status), or null if unknown
     */
    List<TunnelChannelSplit> readyToAssign(Map<String, ChannelStatus> serverStatuses) {
        List<TunnelChannelSplit> ready = new ArrayList<>();
        for (TunnelChannelSplit split : pending.values()) {
            if (parentsDone(split, serverStatuses)) {
                ready.add(split);
            }
        }
        return ready;
    }

    /** Whether some pending channel waits on a parent this job never tracked. */
    boolean waitsOnUntrackedParent() {
        for (TunnelChannelSplit split : pending.values()) {
            for (String parent : split.parentChannelIds()) {
                if (!isKnown(parent)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean parentsDone(
            TunnelChannelSplit split, Map<String, ChannelStatus> serverStatuses) {
        for (String parent : split.parentChannelIds()) {
            if (finished.contains(parent)) {
                continue;
            }
            if (isKnown(parent) || serverStatuses == null) {
                return false;
            }
            ChannelStatus onServer = serverStatuses.get(parent);
            if (onServer != null && onServer != ChannelStatus.TERMINATED) {
                return false;
            }
        }
        return true;
    }

    /** Number of channels each reader owns as far as this enumerator knows. */
    Map<Integer, Integer> loadByReader() {
        Map<Integer, Integer> load = new HashMap<>();
        for (Assignment a : assigned.values()) {
            if (a.owner != UNKNOWN_OWNER) {
                load.merge(a.owner, 1, Integer::sum);
            }
        }
        return load;
    }

    /** The reader owning an assigned channel, {@link #UNKNOWN_OWNER}, or null if not assigned. */
    Integer ownerOf(String channelId) {
        Assignment a = assigned.get(channelId);
        return a == null ? null : a.owner;
    }

    /** Assigned channels whose owner is the given reader. */
    List<String> assignedTo(int subtask) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, Assignment> e : assigned.entrySet()) {
            if (e.getValue().owner == subtask) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    boolean hasUnfinishedChannels() {
        return !pending.isEmpty() || !assigned.isEmpty() || !released.isEmpty();
    }

    int pendingCount() {
        return pending.size();
    }

    int assignedCount() {
        return assigned.size();
    }

    int finishedCount() {
        return finished.size();
    }

    int releasingCount() {
        return releasing.size();
    }

    int releasedCount() {
        return released.size();
    }

    Set<String> knownIds() {
        Set<String> ids = new TreeSet<>(pending.keySet());
        ids.addAll(assigned.keySet());
        ids.addAll(released.keySet());
        ids.addAll(finished);
        return Collections.unmodifiableSet(ids);
    }

    /** Released channel → the token Flink reached. */
    Map<String, String> releasedPositions() {
        Map<String, String> positions = new TreeMap<>();
        for (TunnelChannelSplit split : released.values()) {
            positions.put(split.channelId(), split.token());
        }
        return Collections.unmodifiableMap(positions);
    }

    /** Assigned channels whose reader was asked to hand them back. */
    Set<String> releasingIds() {
        return Collections.unmodifiableSet(new TreeSet<>(releasing));
    }

    Set<String> finishedIds() {
        return Collections.unmodifiableSet(new TreeSet<>(finished));
    }

    Set<String> assignedIds() {
        return Collections.unmodifiableSet(new TreeSet<>(assigned.keySet()));
    }

    TunnelEnumeratorState snapshot(String tunnelId, String clientId) {
        Map<String, Long> assignments = new TreeMap<>();
        for (Map.Entry<String, Assignment> e : assigned.entrySet()) {
            assignments.put(e.getKey(), e.getValue().number);
        }
        return new TunnelEnumeratorState(
                tunnelId,
                clientId,
                new ArrayList<>(pending.values()),
                assignments,
                finished,
                new ArrayList<>(released.values()),
                nextAssignment);
    }
}

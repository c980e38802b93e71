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
 * reader), assigned (a reader owns it and its position is in that reader's state) or finished
 * (its finish is part of a completed checkpoint). Decides which pending channels may be read:
 * a channel whose parents are not all finished waits. Used on the coordinator thread only.
 */
final class ChannelTracker {
    /** Owner of an assigned channel that was restored from state (Flink may have moved it). */
    static final int UNKNOWN_OWNER = -1;

    private final TreeMap<String, TunnelChannelSplit> pending = new TreeMap<>();
    private final TreeMap<String, Integer> assigned = new TreeMap<>();
    private final TreeSet<String> finished = new TreeSet<>();

    static ChannelTracker restore(TunnelEnumeratorState state) {
        ChannelTracker tracker = new ChannelTracker();
        for (String id : state.finishedChannels()) {
            tracker.finished.add(id);
        }
        for (String id : state.assignedChannels()) {
            if (!tracker.finished.contains(id)) {
                tracker.assigned.put(id, UNKNOWN_OWNER);
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
                || finished.contains(channelId);
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
        return finished.add(channelId);
    }

    void markAssigned(String channelId, int subtask) {
        TunnelChannelSplit removed = pending.remove(channelId);
        if (removed == null) {
            throw new IllegalStateException("Channel " + channelId + " is not pending");
        }
        assigned.put(channelId, subtask);
    }

    /**
     * Takes back splits whose reader failed before a checkpoint covered them. Finished channels
     * stay finished; the split's position (where it was assigned from) is kept.
     */
    List<TunnelChannelSplit> returnSplits(Collection<TunnelChannelSplit> splits) {
        List<TunnelChannelSplit> returned = new ArrayList<>();
        for (TunnelChannelSplit split : splits) {
            String id = split.channelId();
            if (finished.contains(id) || split.isFinished()) {
                continue;
            }
            assigned.remove(id);
            pending.put(id, split);
            returned.add(split);
        }
        return returned;
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

    private boolean parentsDone(TunnelChannelSplit split, Map<String, ChannelStatus> serverStatuses) {
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
        for (int owner : assigned.values()) {
            if (owner != UNKNOWN_OWNER) {
                load.merge(owner, 1, Integer::sum);
            }
        }
        return load;
    }

    /** Assigned channels whose owner is the given reader. */
    List<String> assignedTo(int subtask) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, Integer> e : assigned.entrySet()) {
            if (e.getValue() == subtask) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    boolean hasUnfinishedChannels() {
        return !pending.isEmpty() || !assigned.isEmpty();
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

    Set<String> knownIds() {
        Set<String> ids = new TreeSet<>(pending.keySet());
        ids.addAll(assigned.keySet());
        ids.addAll(finished);
        return Collections.unmodifiableSet(ids);
    }

    Set<String> finishedIds() {
        return Collections.unmodifiableSet(new TreeSet<>(finished));
    }

    Set<String> assignedIds() {
        return Collections.unmodifiableSet(new TreeSet<>(assigned.keySet()));
    }

    TunnelEnumeratorState snapshot(String tunnelId, String clientId) {
        return new TunnelEnumeratorState(
                tunnelId, clientId, new ArrayList<>(pending.values()), assigned.keySet(), finished);
    }
}

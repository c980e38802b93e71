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

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The enumerator's checkpointed state. Immutable.
 *
 * <ul>
 *   <li>{@code tunnelId}, {@code clientId}: the tunnel the positions belong to, and the session
 *       a restored enumerator ends before it connects its own (both null before the first
 *       connect).
 *   <li>{@code pendingSplits}: channels known but not handed to a reader yet (waiting for their
 *       parents or for readers), with their start position.
 *   <li>{@code assignments}: channels owned by readers, each with the number of the assignment
 *       that handed it out (0: not known); their positions live in reader state.
 *   <li>{@code nextAssignment}: the number the next assignment gets.
 *   <li>{@code finishedChannels}: channels whose finish is part of a completed checkpoint.
 *   <li>{@code releasedSplits}: channels a reader handed back because the service moved them
 *       away, with the position Flink reached; read again from there when the service offers
 *       them to this job again.
 * </ul>
 */
public final class TunnelEnumeratorState {
    private final String tunnelId;
    private final String clientId;
    private final List<TunnelChannelSplit> pendingSplits;
    private final Map<String, Long> assignments;
    private final Set<String> finishedChannels;
    private final List<TunnelChannelSplit> releasedSplits;
    private final long nextAssignment;

    public TunnelEnumeratorState(
            String tunnelId,
            String clientId,
            List<TunnelChannelSplit> pendingSplits,
            Set<String> assignedChannels,
            Set<String> finishedChannels) {
        this(tunnelId, clientId, pendingSplits, assignedChannels, finishedChannels, List.of());
    }

    public TunnelEnumeratorState(
            String tunnelId,
            String clientId,
            List<TunnelChannelSplit> pendingSplits,
            Set<String> assignedChannels,
            Set<String> finishedChannels,
            List<TunnelChannelSplit> releasedSplits) {
        this(
                tunnelId,
                clientId,
                pendingSplits,
                unnumbered(assignedChannels),
                finishedChannels,
                releasedSplits,
                1);
    }

    public TunnelEnumeratorState(
            String tunnelId,
            String clientId,
            List<TunnelChannelSplit> pendingSplits,
            Map<String, Long> assignments,
            Set<String> finishedChannels,
            List<TunnelChannelSplit> releasedSplits,
            long nextAssignment) {
        this.tunnelId = tunnelId;
        this.clientId = clientId;
        this.pendingSplits = List.copyOf(pendingSplits);
        this.assignments = Collections.unmodifiableMap(new TreeMap<>(assignments));
        this.finishedChannels = Set.copyOf(new TreeSet<>(finishedChannels));
        this.releasedSplits = List.copyOf(releasedSplits);
        this.nextAssignment = nextAssignment;
    }

    private static Map<String, Long> unnumbered(Set<String> ids) {
        Map<String, Long> m = new TreeMap<>();
        for (String id : ids) {
            m.put(id, 0L);
        }
        return m;
    }

    public static TunnelEnumeratorState empty() {
        return new TunnelEnumeratorState(null, null, List.of(), Set.of(), Set.of(), List.of());
    }

    /** The tunnel's id, or null before the enumerator first resolved the tunnel. */
    public String tunnelId() {
        return tunnelId;
    }

    /** The session's client id, or null before the first connect. */
    public String clientId() {
        return clientId;
    }

    public List<TunnelChannelSplit> pendingSplits() {
        return pendingSplits;
    }

    public Set<String> assignedChannels() {
        return assignments.keySet();
    }

    /** Assigned channel → the number of the assignment that handed it out (0: not known). */
    public Map<String, Long> assignments() {
        return assignments;
    }

    /** The number the next assignment gets (numbers start at 1). */
    public long nextAssignment() {
        return nextAssignment;
    }

    public Set<String> finishedChannels() {
        return finishedChannels;
    }

    public List<TunnelChannelSplit> releasedSplits() {
        return releasedSplits;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TunnelEnumeratorState)) {
            return false;
        }
        TunnelEnumeratorState that = (TunnelEnumeratorState) o;
        return Objects.equals(tunnelId, that.tunnelId)
                && Objects.equals(clientId, that.clientId)
                && pendingSplits.equals(that.pendingSplits)
                && assignments.equals(that.assignments)
                && finishedChannels.equals(that.finishedChannels)
                && releasedSplits.equals(that.releasedSplits)
                && nextAssignment == that.nextAssignment;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                tunnelId,
                clientId,
                pendingSplits,
                assignments,
                finishedChannels,
                releasedSplits,
                nextAssignment);
    }

    @Override
    public String toString() {
        return "TunnelEnumeratorState{tunnel="
                + tunnelId
                + ", client="
                + clientId
                + ", pending="
                + pendingSplits
                + ", assigned="
                + assignments
                + ", finished="
                + new TreeSet<>(finishedChannels)
                + (releasedSplits.isEmpty() ? "" : ", released=" + releasedSplits)
                + ", nextAssignment="
                + nextAssignment
                + "}";
    }
}

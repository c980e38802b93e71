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

import java.util.Map;
import java.util.Set;

/**
 * What the coordinator thread tells the session worker, published as an immutable snapshot after
 * every change (the worker only reads the latest one).
 */
final class CoordinatorView {
    static final CoordinatorView INITIAL =
            new CoordinatorView(Set.of(), Set.of(), Set.of(), Map.of(), false, false, false, 0, 0);

    /** Channels the tracker knows in any state: not to be discovered again. */
    final Set<String> known;

    /** Channels finished in a completed checkpoint: store "finished" and report TERMINATED. */
    final Set<String> finished;

    /** Channels owned by readers. */
    final Set<String> assigned;

    /**
     * Channels readers handed back, with the position Flink reached (covered by a completed
     * checkpoint): store it in the tunnel and report CLOSE while the service still has the
     * channel with this session; take the channel back when the service offers it OPEN.
     */
    final Map<String, String> released;

    /** Some pending child waits on a parent the job never tracked: fetch the server's statuses. */
    final boolean needServerStatuses;

    /** Bounded source with nothing left in Flink: check whether the tunnel is complete. */
    final boolean checkCompletion;

    /**
     * Batch mode: finished base-data channels are not reported TERMINATED (a failed reader's
     * channels are read again); finished stream channels are, or their children never open.
     */
    final boolean holdFinishedBaseData;

    /** Bumped when the coordinator wants a heartbeat now rather than at the next interval. */
    final long urgentSeq;

    /** The last {@link SessionUpdate#seq} the coordinator applied. */
    final long appliedUpdateSeq;

    CoordinatorView(
            Set<String> known,
            Set<String> finished,
            Set<String> assigned,
            Map<String, String> released,
            boolean needServerStatuses,
            boolean checkCompletion,
            boolean holdFinishedBaseData,
            long urgentSeq,
            long appliedUpdateSeq) {
        this.known = known;
        this.finished = finished;
        this.assigned = assigned;
        this.released = released;
        this.needServerStatuses = needServerStatuses;
        this.checkCompletion = checkCompletion;
        this.holdFinishedBaseData = holdFinishedBaseData;
        this.urgentSeq = urgentSeq;
        this.appliedUpdateSeq = appliedUpdateSeq;
    }
}

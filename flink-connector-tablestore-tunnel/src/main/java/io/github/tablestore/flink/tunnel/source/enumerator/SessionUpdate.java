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
import io.github.tablestore.flink.tunnel.source.event.SessionIds;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;

import java.util.List;
import java.util.Map;

/** What one session tick learned, applied by the coordinator thread. Immutable. */
final class SessionUpdate {
    final long seq;
    final SessionIds session;

    /** A new session (first connect or reconnect) had its first successful heartbeat. */
    final boolean sessionChanged;

    /** Channels the service opened for us that the coordinator does not know yet. */
    final List<TunnelChannelSplit> discovered;

    /** Channels the service asks this session to give back (CLOSING), not yet acknowledged. */
    final List<String> closing;

    /** Released channels the service offers to this session again (OPEN). */
    final List<String> reoffered;

    /** DescribeTunnel's channel → status, when it was fetched in this tick; else null. */
    final Map<String, ChannelStatus> serverStatuses;

    /** Every channel of the tunnel is TERMINATED and no more will come (bounded tunnels). */
    final boolean tunnelComplete;

    SessionUpdate(
            long seq,
            SessionIds session,
            boolean sessionChanged,
            List<TunnelChannelSplit> discovered,
            List<String> closing,
            List<String> reoffered,
            Map<String, ChannelStatus> serverStatuses,
            boolean tunnelComplete) {
        this.seq = seq;
        this.session = session;
        this.sessionChanged = sessionChanged;
        this.discovered = List.copyOf(discovered);
        this.closing = List.copyOf(closing);
        this.reoffered = List.copyOf(reoffered);
        this.serverStatuses = serverStatuses == null ? null : Map.copyOf(serverStatuses);
        this.tunnelComplete = tunnelComplete;
    }

    @Override
    public String toString() {
        return "SessionUpdate{#"
                + seq
                + ", client="
                + session.clientId()
                + (sessionChanged ? " (new)" : "")
                + ", discovered="
                + discovered
                + (closing.isEmpty() ? "" : ", closing=" + closing)
                + (reoffered.isEmpty() ? "" : ", reoffered=" + reoffered)
                + (tunnelComplete ? ", complete" : "")
                + "}";
    }
}

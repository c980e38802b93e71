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

package io.github.tablestore.flink.tunnel.source.event;

import org.apache.flink.api.connector.source.SourceEvent;

import java.util.Objects;

/**
 * Enumerator → reader: the tunnel session readers must use for ReadRecords and Checkpoint, and
 * the tunnel's creation time (the Flink timestamp of base-data records). Sent to every reader
 * when it registers and whenever the enumerator connects anew (a lost lease gives a new client
 * id). Readers hold their channels until they have one.
 */
public final class TunnelSessionEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final SessionIds session;

    public TunnelSessionEvent(SessionIds session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    public SessionIds session() {
        return session;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TunnelSessionEvent)) {
            return false;
        }
        TunnelSessionEvent that = (TunnelSessionEvent) o;
        return session.equals(that.session)
                && session.tunnelCreateTimeMillis() == that.session.tunnelCreateTimeMillis();
    }

    @Override
    public int hashCode() {
        return session.hashCode();
    }

    @Override
    public String toString() {
        return "TunnelSessionEvent{" + session + "}";
    }
}

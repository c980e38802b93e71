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

import java.io.Serializable;
import java.util.Objects;

/**
 * The enumerator's tunnel session: the ids readers use for every call, and the tunnel's creation
 * time (the Flink timestamp of base-data records). The one value the session, the event that
 * carries it to readers and the readers share. Immutable.
 */
public final class SessionIds implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String tunnelId;
    private final String clientId;
    private final long tunnelCreateTimeMillis;

    public SessionIds(String tunnelId, String clientId) {
        this(tunnelId, clientId, Long.MIN_VALUE);
    }

    /** @param tunnelCreateTimeMillis the tunnel's creation time (ms), or Long.MIN_VALUE if unknown */
    public SessionIds(String tunnelId, String clientId, long tunnelCreateTimeMillis) {
        this.tunnelId = Objects.requireNonNull(tunnelId, "tunnelId");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.tunnelCreateTimeMillis = tunnelCreateTimeMillis;
    }

    public String tunnelId() {
        return tunnelId;
    }

    public String clientId() {
        return clientId;
    }

    /** The tunnel's creation time (ms), or Long.MIN_VALUE if unknown. */
    public long tunnelCreateTimeMillis() {
        return tunnelCreateTimeMillis;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SessionIds)) {
            return false;
        }
        SessionIds that = (SessionIds) o;
        return tunnelId.equals(that.tunnelId) && clientId.equals(that.clientId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tunnelId, clientId);
    }

    @Override
    public String toString() {
        return "session{tunnel=" + tunnelId + ", client=" + clientId + "}";
    }
}

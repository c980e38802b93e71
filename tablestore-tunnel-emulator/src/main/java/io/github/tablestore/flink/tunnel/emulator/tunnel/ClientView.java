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

package io.github.tablestore.flink.tunnel.emulator.tunnel;

/** A snapshot of a connected tunnel client. Immutable. */
public final class ClientView {
    private final String clientId;
    private final String tag;
    private final long timeoutMillis;
    private final long lastHeartbeatMillis;

    ClientView(ClientSession s) {
        this.clientId = s.id;
        this.tag = s.tag;
        this.timeoutMillis = s.timeoutMillis;
        this.lastHeartbeatMillis = s.lastHeartbeatMillis;
    }

    public String clientId() {
        return clientId;
    }

    public String tag() {
        return tag;
    }

    /** The lease: the client is dead when no heartbeat came for this long. */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** Emulator time of the last heartbeat (or of the connect), ms since the epoch. */
    public long lastHeartbeatMillis() {
        return lastHeartbeatMillis;
    }

    @Override
    public String toString() {
        return clientId + "(" + tag + ")";
    }
}

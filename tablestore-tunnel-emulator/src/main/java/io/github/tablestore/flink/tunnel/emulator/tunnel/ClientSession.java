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

/** A connected tunnel client: its id, tag, lease timeout and last heartbeat. */
final class ClientSession {
    final String id;
    final String tag;
    final long timeoutMillis;
    final long connectedMillis;
    long lastHeartbeatMillis;

    ClientSession(String id, String tag, long timeoutMillis, long nowMillis) {
        this.id = id;
        this.tag = tag;
        this.timeoutMillis = timeoutMillis;
        this.connectedMillis = nowMillis;
        this.lastHeartbeatMillis = nowMillis;
    }

    boolean isExpired(long nowMillis) {
        return nowMillis - lastHeartbeatMillis > timeoutMillis;
    }
}

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

import io.github.tablestore.flink.tunnel.source.event.SessionIds;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.util.Backoff;

/**
 * A channel's read position and pacing in {@link TunnelChannelSplitReader}: the token of its
 * next read, when it may be read again, whether a read is in flight, paused or waiting for a new
 * session. Fetcher thread only.
 */
final class ChannelCursor {
    private static final long RETRY_BACKOFF_INITIAL_MS = 100;
    private static final long RETRY_BACKOFF_MAX_MS = 5_000;

    final String channelId;
    final boolean stream;
    final Backoff retryBackoff = new Backoff(RETRY_BACKOFF_INITIAL_MS, 2, RETRY_BACKOFF_MAX_MS);
    String token;
    long notBefore;
    boolean inFlight;
    long readId;
    boolean paused;
    int failures;

    /** Set after OTSResourceGone: wait for a client id other than this one. */
    String blockedOnClient;

    ChannelCursor(TunnelChannelSplit split, long now) {
        this.channelId = split.channelId();
        this.stream = split.isStream();
        this.token = split.token();
        this.notBefore = now;
    }

    /** Whether the channel waits for a session other than the one it last failed with. */
    boolean isBlocked(SessionIds session) {
        if (blockedOnClient == null) {
            return false;
        }
        if (blockedOnClient.equals(session.clientId())) {
            return true;
        }
        blockedOnClient = null;
        return false;
    }

    boolean canRead(long now, SessionIds session) {
        return !inFlight && !paused && !isBlocked(session) && now - notBefore >= 0;
    }
}

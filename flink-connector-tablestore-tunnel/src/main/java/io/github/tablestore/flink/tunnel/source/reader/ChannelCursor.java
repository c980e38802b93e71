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

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

package io.github.tablestore.flink.tunnel.source.metrics;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.MetricNames;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A reader's tunnel metrics. In the group {@code tunnel}: {@code commitsSucceeded} and {@code
 * commitsFailed} (positions stored in the tunnel), {@code finishedChannels} (channels read to
 * their end), {@code handedBackChannels} (channels handed back because the service moved them
 * away) and one {@link ChannelMetrics} group per channel. On the reader's own group: {@code
 * currentFetchEventTimeLag} (FLIP-33: when the newest batch was fetched minus the change time of
 * its last record). Flink itself provides numRecordsIn, numBytesIn (counted by this source),
 * currentEmitEventTimeLag, watermarkLag and sourceIdleTime.
 */
@Internal
public final class TunnelReaderMetrics {
    public static final String GROUP = "tunnel";
    public static final String CHANNEL_GROUP = "channel";

    private final MetricGroup tunnelGroup;
    private final LongSupplier clockMillis;
    private final Counter commitsSucceeded;
    private final Counter commitsFailed;
    private final Counter finishedChannels;
    private final Counter handedBackChannels;

    /** Channel → its metrics; task thread only. */
    private final Map<String, ChannelMetrics> channels = new HashMap<>();

    private volatile long fetchEventTimeLag = -1;

    public TunnelReaderMetrics(MetricGroup readerGroup) {
        this(readerGroup, System::currentTimeMillis);
    }

    public TunnelReaderMetrics(MetricGroup readerGroup, LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.tunnelGroup = readerGroup.addGroup(GROUP);
        this.commitsSucceeded =
                tunnelGroup.counter("commitsSucceeded", new ThreadSafeSimpleCounter());
        this.commitsFailed = tunnelGroup.counter("commitsFailed", new ThreadSafeSimpleCounter());
        this.finishedChannels =
                tunnelGroup.counter("finishedChannels", new ThreadSafeSimpleCounter());
        this.handedBackChannels =
                tunnelGroup.counter("handedBackChannels", new ThreadSafeSimpleCounter());
        readerGroup.gauge(MetricNames.CURRENT_FETCH_EVENT_TIME_LAG, () -> fetchEventTimeLag);
    }

    public Counter commitsSucceeded() {
        return commitsSucceeded;
    }

    public Counter commitsFailed() {
        return commitsFailed;
    }

    public Counter finishedChannels() {
        return finishedChannels;
    }

    public Counter handedBackChannels() {
        return handedBackChannels;
    }

    /** The metrics of a channel, registered on first use and kept until {@link #remove}. */
    public ChannelMetrics channel(String channelId) {
        return channels.computeIfAbsent(
                channelId,
                id -> new ChannelMetrics(tunnelGroup.addGroup(CHANNEL_GROUP, id), clockMillis));
    }

    /**
     * Unregisters a channel's metrics: it left the reader for good (finished or handed back, and
     * no longer in its state). Without this a long-running job would keep the metrics of every
     * channel it ever read (every split and merge adds channels). If the channel comes back, its
     * metrics start anew.
     */
    public void remove(String channelId) {
        ChannelMetrics c = channels.remove(channelId);
        if (c != null) {
            c.unregister();
        }
    }

    /** A batch with records arrived (any thread): {@code fetchTimeMillis − lastChangeTimeMillis}. */
    public void batchFetched(long fetchTimeMillis, long lastChangeTimeMillis) {
        fetchEventTimeLag = Math.max(0, fetchTimeMillis - lastChangeTimeMillis);
    }

    public long fetchEventTimeLag() {
        return fetchEventTimeLag;
    }
}

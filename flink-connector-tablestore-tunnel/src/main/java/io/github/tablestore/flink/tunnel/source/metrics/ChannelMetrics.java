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
import org.apache.flink.runtime.metrics.groups.AbstractMetricGroup;

import java.util.function.LongSupplier;

/**
 * One channel's metrics in a reader, group {@code tunnel.channel.<channel id>}:
 *
 * <ul>
 *   <li>{@code positionTimestamp}: change time (ms) of the last record emitted from the channel;
 *       -1 before the first one and for base-data channels (they have no stream position).
 *   <li>{@code lagMillis}: how far the channel is behind: 0 when the last emitted batch reached the
 *       end of what the service had, else now minus {@code positionTimestamp}; -1 when unknown.
 *   <li>{@code recordsRead}: records emitted from the channel by this reader.
 *   <li>{@code finished}: 1 once the channel was read to its end, else 0.
 * </ul>
 *
 * Updated on the task thread, read by metric reporters.
 */
@Internal
public final class ChannelMetrics {
    private final Counter recordsRead = new ThreadSafeSimpleCounter();
    private final LongSupplier clockMillis;
    private volatile long positionTimestamp = -1;
    private volatile boolean caughtUp;
    private volatile boolean finished;

    private final MetricGroup group;

    ChannelMetrics(MetricGroup channelGroup, LongSupplier clockMillis) {
        this.group = channelGroup;
        this.clockMillis = clockMillis;
        channelGroup.gauge("positionTimestamp", () -> positionTimestamp);
        channelGroup.gauge("lagMillis", this::lagMillis);
        channelGroup.counter("recordsRead", recordsRead);
        channelGroup.gauge("finished", () -> finished ? 1 : 0);
    }

    /** After a batch was emitted: its record count, the last record's change time (or -1) and whether it ended the available data. */
    public void batchEmitted(int records, long lastChangeTimeMillis, boolean reachedEnd) {
        recordsRead.inc(records);
        if (lastChangeTimeMillis >= 0) {
            positionTimestamp = lastChangeTimeMillis;
        }
        caughtUp = reachedEnd;
    }

    public void finished() {
        finished = true;
        caughtUp = true;
    }

    /** The channel is read again (e.g. the service offered it back after a hand-back). */
    public void reading() {
        finished = false;
    }

    long lagMillis() {
        if (caughtUp) {
            return 0;
        }
        long position = positionTimestamp;
        return position < 0 ? -1 : Math.max(0, clockMillis.getAsLong() - position);
    }

    public long recordsRead() {
        return recordsRead.getCount();
    }

    public long positionTimestamp() {
        return positionTimestamp;
    }

    /** Takes the channel's metrics off the reporters (Flink's metric groups can only be closed through their internal type). */
    void unregister() {
        if (group instanceof AbstractMetricGroup) {
            ((AbstractMetricGroup<?>) group).close();
        }
    }
}

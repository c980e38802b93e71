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

import io.github.tablestore.flink.tunnel.client.model.ChannelInfo;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.TunnelDescription;

import org.apache.flink.metrics.MetricGroup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The tunnel's consumption lag as the service sees it (the recovery points DescribeTunnel
 * reports, which follow the positions stored in the tunnel), as enumerator gauges: {@value
 * #RPO_TIMESTAMP} and {@value #RPO_LAG} for the tunnel, the same per channel under {@code
 * channel.<id>}. Updated with every DescribeTunnel of the session; read by the metric reporter.
 */
final class TunnelLagMetrics {
    static final String RPO_TIMESTAMP = "rpoTimestamp";
    static final String RPO_LAG = "rpoLagMillis";

    private final MetricGroup group;
    private final LongSupplier clock;
    private volatile long tunnelRpoMillis = -1;

    /** Channel → its consume point (ms), -1 when unknown or finished (TERMINATED). */
    private final Map<String, Long> channelRpoMillis = new ConcurrentHashMap<>();

    TunnelLagMetrics(MetricGroup group, LongSupplier clock) {
        this.group = group;
        this.clock = clock;
        group.gauge(RPO_TIMESTAMP, () -> tunnelRpoMillis);
        group.gauge(RPO_LAG, () -> lag(tunnelRpoMillis));
    }

    /** Takes the recovery points of a DescribeTunnel answer. */
    void update(TunnelDescription d) {
        tunnelRpoMillis = d.tunnelRpoMillis() > 0 ? d.tunnelRpoMillis() : -1;
        for (ChannelInfo c : d.channels()) {
            long rpo =
                    c.status() == ChannelStatus.TERMINATED || c.consumePointMillis() <= 0
                            ? -1
                            : c.consumePointMillis();
            if (channelRpoMillis.put(c.channelId(), rpo) == null) {
                register(c.channelId());
            }
        }
    }

    private void register(String channelId) {
        MetricGroup channel = group.addGroup("channel", channelId);
        channel.gauge(RPO_TIMESTAMP, () -> channelRpoMillis.getOrDefault(channelId, -1L));
        channel.gauge(RPO_LAG, () -> lag(channelRpoMillis.getOrDefault(channelId, -1L)));
    }

    private long lag(long rpoMillis) {
        return rpoMillis <= 0 ? -1 : Math.max(0, clock.getAsLong() - rpoMillis);
    }
}

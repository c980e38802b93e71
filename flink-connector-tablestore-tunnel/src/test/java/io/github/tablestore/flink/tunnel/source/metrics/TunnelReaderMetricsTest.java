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

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.testutils.MetricListener;
import org.apache.flink.runtime.metrics.groups.GenericMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader's metrics as a reporter sees them, with a manual clock. */
class TunnelReaderMetricsTest {
    private final MetricListener listener = new MetricListener();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final TunnelReaderMetrics metrics =
            new TunnelReaderMetrics(listener.getMetricGroup(), now::get);

    private long gauge(String... path) {
        Gauge<Number> g = listener.<Number>getGauge(path).orElseThrow();
        return g.getValue().longValue();
    }

    @Test
    void aChannelsLagIsZeroWhenCaughtUpAndGrowsWhileBehind() {
        ChannelMetrics c = metrics.channel("shard-1");
        assertThat(gauge("tunnel", "channel", "shard-1", "positionTimestamp")).isEqualTo(-1);
        assertThat(gauge("tunnel", "channel", "shard-1", "lagMillis")).isEqualTo(-1);

        c.batchEmitted(500, 990_000, false); // a full batch: more is waiting
        assertThat(gauge("tunnel", "channel", "shard-1", "positionTimestamp")).isEqualTo(990_000);
        assertThat(gauge("tunnel", "channel", "shard-1", "lagMillis")).isEqualTo(10_000);
        now.addAndGet(5_000);
        assertThat(gauge("tunnel", "channel", "shard-1", "lagMillis")).isEqualTo(15_000);

        c.batchEmitted(3, 999_000, true); // the rest: caught up
        assertThat(gauge("tunnel", "channel", "shard-1", "lagMillis")).isZero();
        assertThat(
                        listener.getCounter("tunnel", "channel", "shard-1", "recordsRead")
                                .orElseThrow()
                                .getCount())
                .isEqualTo(503);
        assertThat(gauge("tunnel", "channel", "shard-1", "finished")).isZero();

        c.batchEmitted(0, -1, false); // an empty batch keeps the position
        assertThat(gauge("tunnel", "channel", "shard-1", "positionTimestamp")).isEqualTo(999_000);
        c.finished();
        assertThat(gauge("tunnel", "channel", "shard-1", "finished")).isEqualTo(1);
        assertThat(gauge("tunnel", "channel", "shard-1", "lagMillis")).isZero();
    }

    @Test
    void aChannelThatFinishedAndComesBackWhileStillHeldKeepsItsMetrics() {
        ChannelMetrics first = metrics.channel("shard-2");
        first.batchEmitted(7, 1, true);
        first.finished();
        ChannelMetrics again = metrics.channel("shard-2");
        assertThat(again).isSameAs(first);
        again.reading();
        assertThat(gauge("tunnel", "channel", "shard-2", "finished")).isZero();
        assertThat(again.recordsRead()).isEqualTo(7);
    }

    @Test
    void aChannelThatLeftTheReaderIsUnregisteredAndStartsAnewIfItComesBack() {
        // What a reporter has registered now, by the metric's name within its group's scope.
        Map<String, Metric> registered = new ConcurrentHashMap<>();
        TestingMetricRegistry registry =
                TestingMetricRegistry.builder()
                        .setRegisterConsumer(
                                (metric, name, group) ->
                                        registered.put(group.getMetricIdentifier(name), metric))
                        .setUnregisterConsumer(
                                (metric, name, group) ->
                                        registered.remove(group.getMetricIdentifier(name)))
                        .build();
        TunnelReaderMetrics reader =
                new TunnelReaderMetrics(new GenericMetricGroup(registry, null, "reader"), now::get);
        reader.channel("shard-3").batchEmitted(5, 1, true);
        assertThat(registered.keySet()).anyMatch(k -> k.contains("shard-3"));
        reader.remove("shard-3");
        assertThat(registered.keySet()).noneMatch(k -> k.contains("shard-3"));
        reader.channel("shard-3").batchEmitted(2, 1, true);
        assertThat(registered.entrySet())
                .filteredOn(e -> e.getKey().endsWith("shard-3.recordsRead"))
                .singleElement()
                .satisfies(e -> assertThat(((Counter) e.getValue()).getCount()).isEqualTo(2));
        reader.remove("unknown"); // nothing to do
    }

    @Test
    void fetchLagIsTheDistanceBetweenFetchAndChangeTime() {
        assertThat(gauge("currentFetchEventTimeLag")).isEqualTo(-1);
        metrics.batchFetched(1_000_000, 999_250);
        assertThat(gauge("currentFetchEventTimeLag")).isEqualTo(750);
        metrics.batchFetched(1_000_000, 1_000_100); // a change time after the fetch (clock skew)
        assertThat(gauge("currentFetchEventTimeLag")).isZero();
    }
}

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

package io.github.tablestore.flink.tunnel.source.it;

import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a job's metrics from an {@link InMemoryReporter} by the end of their identifiers. */
final class JobMetrics {
    private JobMetrics() {}

    /**
     * The values (counters and numeric gauges) of the job's metrics whose identifier ends with
     * {@code suffix} — one per subtask, channel or coordinator that registered it.
     */
    static List<Long> values(InMemoryReporter reporter, JobID job, String suffix) {
        List<Long> values = new ArrayList<>();
        for (Map.Entry<MetricGroup, Map<String, Metric>> g :
                reporter.getMetricsByGroup().entrySet()) {
            if (!job.toString().equals(g.getKey().getAllVariables().get("<job_id>"))) {
                continue;
            }
            for (Map.Entry<String, Metric> m : g.getValue().entrySet()) {
                if (!g.getKey().getMetricIdentifier(m.getKey()).endsWith(suffix)) {
                    continue;
                }
                Metric metric = m.getValue();
                if (metric instanceof Counter) {
                    values.add(((Counter) metric).getCount());
                } else if (metric instanceof Gauge
                        && ((Gauge<?>) metric).getValue() instanceof Number) {
                    values.add(((Number) ((Gauge<?>) metric).getValue()).longValue());
                }
            }
        }
        return values;
    }

    static long sum(InMemoryReporter reporter, JobID job, String suffix) {
        long sum = 0;
        for (long v : values(reporter, job, suffix)) {
            sum += v;
        }
        return sum;
    }
}

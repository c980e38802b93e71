package io.github.tablestore.flink.tunnel.source.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;

/** Reads a job's metrics from an {@link InMemoryReporter} by the end of their identifiers. */
final class JobMetrics {
    private JobMetrics() {}

    /**
     * The values (counters and numeric gauges) of the job's metrics whose identifier ends with
     * {@code suffix} — one per subtask, channel or coordinator that registered it.
     */
    static List<Long> values(InMemoryReporter reporter, JobID job, String suffix) {
        List<Long> values = new ArrayList<>();
        for (Map.Entry<MetricGroup, Map<String, Metric>> g : reporter.getMetricsByGroup().entrySet()) {
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
                } else if (metric instanceof Gauge && ((Gauge<?>) metric).getValue() instanceof Number) {
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

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

package io.github.tablestore.flink.tunnel.benchmarks.flink;

import io.github.tablestore.flink.tunnel.benchmarks.Waits;
import io.github.tablestore.flink.tunnel.benchmarks.emulator.EmulatorProcess;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.TunnelSourceBuilder;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Local Flink jobs (a MiniCluster in the driver's JVM) that read a tunnel into a {@link ProbeSink}. */
public final class LocalJobs {
    private LocalJobs() {}

    /** A local environment with {@code parallelism} slots and no checkpointing. */
    public static StreamExecutionEnvironment environment(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        conf.set(RestOptions.BIND_PORT, "0");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        return env;
    }

    /** A TunnelSource with default options on an existing tunnel, producing the decoded records. */
    public static TunnelSourceBuilder<TunnelRecord> source(
            EmulatorProcess emulator, String table, String tunnel, TunnelType type) {
        return TunnelSource.<TunnelRecord>builder()
                .setEndpoint(emulator.endpoint())
                .setInstanceName(emulator.instance())
                .setCredentials(emulator.credentials())
                .setTableName(table)
                .setTunnelName(tunnel)
                .setTunnelType(type)
                .setDeserializer(TunnelRecordDeserializationSchema.records());
    }

    /** Starts {@code source → ProbeSink(runId)} at {@code parallelism}. */
    public static JobClient start(
            TunnelSource<TunnelRecord> source, int parallelism, String runId, long sinkDelayMicros)
            throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                .sinkTo(new ProbeSink<>(runId, sinkDelayMicros))
                .name("probe");
        return env.executeAsync(runId);
    }

    /** Waits until the probe has seen {@code expected} records. */
    public static void awaitRecords(Probe probe, long expected, Duration timeout, String what)
            throws InterruptedException {
        if (!Waits.until(() -> probe.records() >= expected, timeout)) {
            throw new IllegalStateException(
                    what
                            + " delivered "
                            + probe.records()
                            + " of "
                            + expected
                            + " records within "
                            + timeout);
        }
    }

    /** Cancels a job (unbounded runs) and waits until it is gone. */
    public static void cancel(JobClient job) throws Exception {
        try {
            job.cancel().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Already finished (a bounded job) is fine.
        }
        try {
            job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Cancelled jobs end "exceptionally"; nothing to report.
        }
    }
}

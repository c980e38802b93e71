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

package io.github.tablestore.flink.tunnel.e2e.jobs;

import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.source.TunnelSource;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

import java.time.Duration;

/**
 * A BaseAndStream tunnel into an exactly-once file sink, as a user would write it: the table's
 * rows and then every change, numbered per key in arrival order ({@link ArrivalOrder}), written to
 * part files that are committed when a checkpoint completes.
 *
 * <p>Checkpointing, restarts and the state backend come from the cluster's configuration; the
 * tunnel's credentials from the JobManager's and TaskManagers' environment
 * ({@code TABLESTORE_ACCESS_KEY_ID}, {@code TABLESTORE_ACCESS_KEY_SECRET}): nothing secret travels
 * with the job.
 *
 * <p>Arguments: {@code --endpoint --instance --table --tunnel --output} and optionally
 * {@code --heartbeat-timeout} (ISO-8601 duration, default PT60S).
 */
public final class TunnelToFilesJob {
    private TunnelToFilesJob() {}

    public static void main(String[] args) throws Exception {
        JobArgs a = new JobArgs(args);
        String table = a.required("table");
        TunnelSource<String> source =
                TunnelSource.<String>builder()
                        .setEndpoint(a.required("endpoint"))
                        .setInstanceName(a.required("instance"))
                        .setTableName(table)
                        .setTunnelName(a.required("tunnel"))
                        .setTunnelType(TunnelType.BASE_AND_STREAM)
                        .setDeserializer(new ChangeLineSchema())
                        // The shortest interval users may set: channel hand-overs (scan to stream,
                        // parent
                        // to children) take effect on the next heartbeat.
                        .setHeartbeatInterval(Duration.ofSeconds(5))
                        .setHeartbeatTimeout(Duration.parse(a.get("heartbeat-timeout", "PT60S")))
                        .setReadMaxBackoff(Duration.ofMillis(200))
                        .build();

        FileSink<String> files =
                FileSink.forRowFormat(
                                new Path(a.required("output")), new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .build();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel " + table)
                .uid("tunnel-source")
                .keyBy(ChangeLine::id)
                .process(new ArrivalOrder())
                .uid("arrival-order")
                .name("arrival order")
                .sinkTo(files)
                .uid("part-files")
                .name("part files");
        env.execute("tunnel to files: " + table);
    }
}

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

package io.github.tablestore.flink.tunnel.benchmarks.throughput;

import io.github.tablestore.flink.tunnel.benchmarks.data.BenchRows;
import io.github.tablestore.flink.tunnel.benchmarks.emulator.EmulatorProcess;
import io.github.tablestore.flink.tunnel.benchmarks.flink.LocalJobs;
import io.github.tablestore.flink.tunnel.benchmarks.flink.Probe;
import io.github.tablestore.flink.tunnel.benchmarks.flink.ProbeTableSinkFactory;
import io.github.tablestore.flink.tunnel.client.model.StreamRecordOptions;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.time.Duration;
import java.util.List;

/**
 * The SQL connector ({@code 'connector' = 'tablestore-tunnel'}) at parallelism 1, into a
 * discarding SQL sink: {@code SELECT *} (3 key columns and the 10 attributes) or only 2 of the 10
 * attribute columns (projection push-down: the reader decodes just those cells); full row images
 * from Flink state, or from the tunnel's stream record options (a tunnel created with them).
 */
public final class SqlRun implements ThroughputBenchmark.SqlContender {
    private static final String COLUMNS =
            "shop STRING, order_id BIGINT, line STRING, status STRING, amount DOUBLE, "
                    + "quantity BIGINT, currency STRING, gift BOOLEAN, created BIGINT, updated BIGINT, address STRING, "
                    + "note STRING, payload BYTES";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final boolean projected;

    /** Row images from the tunnel ('scan.row-images' = 'tunnel') instead of Flink state. */
    private final boolean tunnelImages;

    private int runs;

    private SqlRun(boolean projected, boolean tunnelImages) {
        this.projected = projected;
        this.tunnelImages = tunnelImages;
    }

    /**
     * All columns, then 2 of 10, with row images from Flink state; then both again over streams
     * with the tunnel's row images.
     */
    public static List<ThroughputBenchmark.SqlContender> contenders() {
        return List.of(
                new SqlRun(false, false),
                new SqlRun(true, false),
                new SqlRun(false, true),
                new SqlRun(true, true));
    }

    @Override
    public String name() {
        return (projected
                        ? "SQL p=1, 2 of 10 columns ("
                                + String.join(", ", BenchRows.PROJECTED)
                                + ")"
                        : "SQL p=1, SELECT *")
                + (tunnelImages ? ", tunnel row images" : "");
    }

    @Override
    public StreamRecordOptions streamRecordOptions() {
        return tunnelImages ? StreamRecordOptions.fullRowImages() : null;
    }

    @Override
    public boolean reads(TunnelType type) {
        return !tunnelImages || type != TunnelType.BASE_DATA; // base data needs no images
    }

    @Override
    public Measurement run(
            EmulatorProcess emulator, String table, String tunnel, TunnelType type, long expected)
            throws Exception {
        String runId =
                "sql-"
                        + (projected ? "projected" : "all")
                        + (tunnelImages ? "-tunnel-images" : "")
                        + "-"
                        + (++runs)
                        + "-"
                        + tunnel;
        Probe probe = Probe.create(runId);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(LocalJobs.environment(1));
        tEnv.executeSql(
                "CREATE TABLE source_table ("
                        + COLUMNS
                        + ", PRIMARY KEY (shop, order_id, line) NOT ENFORCED) "
                        + "WITH ('connector' = 'tablestore-tunnel', "
                        + "'endpoint' = '"
                        + emulator.endpoint()
                        + "', "
                        + "'instance-name' = '"
                        + emulator.instance()
                        + "', "
                        + "'table-name' = '"
                        + table
                        + "', "
                        + "'tunnel-name' = '"
                        + tunnel
                        + "', "
                        + "'tunnel-type' = '"
                        + type.name()
                        + "', "
                        + "'access-key-id' = '"
                        + emulator.accessKeyId()
                        + "', "
                        + "'access-key-secret' = '"
                        + emulator.accessKeySecret()
                        + "'"
                        + (tunnelImages ? ", 'scan.row-images' = 'tunnel'" : "")
                        + ")");
        String sinkColumns = projected ? "status STRING, amount DOUBLE" : COLUMNS;
        tEnv.executeSql(
                "CREATE TABLE probe ("
                        + sinkColumns
                        + ") WITH ('connector' = '"
                        + ProbeTableSinkFactory.IDENTIFIER
                        + "', 'run-id' = '"
                        + runId
                        + "')");
        long start = System.nanoTime();
        TableResult result =
                tEnv.executeSql(
                        "INSERT INTO probe SELECT "
                                + (projected ? String.join(", ", BenchRows.PROJECTED) : "*")
                                + " FROM source_table");
        JobClient job = result.getJobClient().orElseThrow();
        try {
            LocalJobs.awaitRecords(probe, expected, TIMEOUT, name());
        } finally {
            LocalJobs.cancel(job);
            Probe.remove(runId);
        }
        return new Measurement(
                name(), probe.records(), start, probe.firstNanos(), probe.lastNanos());
    }
}

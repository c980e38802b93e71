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
import io.github.tablestore.flink.tunnel.client.model.TunnelType;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.time.Duration;
import java.util.List;

/**
 * The SQL connector ({@code 'connector' = 'tablestore-tunnel'}) at parallelism 1, into a
 * discarding SQL sink: {@code SELECT *} (3 key columns and the 10 attributes) or only 2 of the 10
 * attribute columns (projection push-down: the reader decodes just those cells).
 */
public final class SqlRun implements ThroughputBenchmark.SqlContender {
    private static final String COLUMNS =
            "shop STRING, order_id BIGINT, line STRING, status STRING, amount DOUBLE, "
                    + "quantity BIGINT, currency STRING, gift BOOLEAN, created BIGINT, updated BIGINT, address STRING, "
                    + "note STRING, payload BYTES";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final boolean projected;
    private int runs;

    private SqlRun(boolean projected) {
        this.projected = projected;
    }

    /** Both SQL contenders: all columns, then 2 of 10. */
    public static List<ThroughputBenchmark.SqlContender> contenders() {
        return List.of(new SqlRun(false), new SqlRun(true));
    }

    @Override
    public String name() {
        return projected
                ? "SQL p=1, 2 of 10 columns (" + String.join(", ", BenchRows.PROJECTED) + ")"
                : "SQL p=1, SELECT *";
    }

    @Override
    public Measurement run(
            EmulatorProcess emulator, String table, String tunnel, TunnelType type, long expected)
            throws Exception {
        String runId = "sql-" + (projected ? "projected" : "all") + "-" + (++runs) + "-" + tunnel;
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
                        + "')");
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

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

package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;

import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL source's metrics through a metric reporter: skipped invalid records (FLIP-33). */
class SqlMetricsITCase {
    static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().reportingTo(REPORTER).readLimits(10).build();

    /** Sum over subtasks of the job's counters whose identifier ends with {@code suffix}. */
    private static long counterSum(TableResult result, String suffix) {
        JobID job = result.getJobClient().orElseThrow().getJobID();
        long sum = 0;
        for (Map.Entry<String, Metric> m : REPORTER.findMetrics(job, suffix).entrySet()) {
            if (m.getKey().endsWith(suffix)) {
                sum += ((Counter) m.getValue()).getCount();
            }
        }
        return sum;
    }

    @Test
    void skippedInvalidRecordsCountInNumRecordsInErrors() throws Exception {
        TablestoreEmulator emulator = IT.emulator();
        SqlTestSupport.createOrders(emulator, 1);
        SqlTestSupport.putOrder(emulator, "a", 1, 1.0, "NEW", 1);
        SqlTestSupport.putOrder(emulator, "b", 1, 2.0, "PAID", 2);
        emulator.putRow(
                SqlTestSupport.TABLE,
                Row.of(
                        SqlTestSupport.key("bad", 1),
                        List.of(Cell.put("status", ColumnValue.ofLong(7)))));
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(1);
        tEnv.executeSql(
                "CREATE TABLE orders (order_id STRING, line INT, status STRING)"
                        + SqlTestSupport.with(
                                emulator,
                                "scan",
                                "'scan.startup.mode' = 'snapshot', 'skip-invalid-data' = 'true'"));
        TableResult result = tEnv.executeSql("SELECT order_id, status FROM orders");
        List<org.apache.flink.types.Row> rows = new ArrayList<>();
        try (CloseableIterator<org.apache.flink.types.Row> it = result.collect()) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(2);
        assertThat(counterSum(result, ".numRecordsInErrors")).isEqualTo(1);
        assertThat(counterSum(result, "deserializer." + InvalidDataHandler.METRIC)).isEqualTo(1);
    }
}

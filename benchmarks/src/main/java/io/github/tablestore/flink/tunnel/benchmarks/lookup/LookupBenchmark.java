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

package io.github.tablestore.flink.tunnel.benchmarks.lookup;

import io.github.tablestore.flink.tunnel.benchmarks.BenchSettings;
import io.github.tablestore.flink.tunnel.benchmarks.data.BenchRows;
import io.github.tablestore.flink.tunnel.benchmarks.emulator.EmulatorProcess;
import io.github.tablestore.flink.tunnel.benchmarks.flink.LocalJobs;
import io.github.tablestore.flink.tunnel.benchmarks.flink.Probe;
import io.github.tablestore.flink.tunnel.benchmarks.flink.ProbeTableSinkFactory;
import io.github.tablestore.flink.tunnel.benchmarks.throughput.Measurement;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.BatchGetRowRequest;
import com.alicloud.openservices.tablestore.model.BatchGetRowResponse;
import com.alicloud.openservices.tablestore.model.GetRowRequest;
import com.alicloud.openservices.tablestore.model.MultiRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.SingleRowQueryCriteria;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lookup joins: keys per second of a SQL lookup join (parallelism 1) of a bounded key stream
 * ({@code datagen}) with the benchmark table in the emulator — synchronous, asynchronous
 * (batched BatchGetRow) and with a PARTIAL cache over a few hot keys — beside the official SDK's
 * SyncClient reading the same keys with GetRow and BatchGetRow (100 keys per request). Every
 * key has a row; each contender reads the status and amount columns.
 */
public final class LookupBenchmark {
    public static final String TABLE = "lookup_dim";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int SDK_THREADS = 4;

    private final BenchSettings settings;
    private final EmulatorProcess emulator;

    public LookupBenchmark(BenchSettings settings, EmulatorProcess emulator) {
        this.settings = settings;
        this.emulator = emulator;
    }

    /** The measurements, SQL contenders first. */
    public List<Measurement> run() throws Exception {
        long keys = settings.lookupKeys;
        List<Measurement> out = new ArrayList<>();
        // A short warm-up job (JIT, class loading) that is not reported.
        sql("warm-up", "", Math.min(keys, 5_000), settings.lookupRows);
        out.add(sql("SQL lookup join, sync, no cache", "", keys, settings.lookupRows));
        out.add(
                sql(
                        "SQL lookup join, lookup.async, no cache",
                        ", 'lookup.async' = 'true'",
                        keys,
                        settings.lookupRows));
        out.add(
                sql(
                        "SQL lookup join, sync, PARTIAL cache, "
                                + settings.lookupHotKeys
                                + " hot keys",
                        ", 'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '"
                                + settings.lookupHotKeys
                                + "'",
                        keys,
                        settings.lookupHotKeys));
        SyncClient sdk = emulator.syncClient();
        try {
            out.add(sdkGetRow(sdk, keys));
            out.add(sdkBatchGetRow(sdk, keys, 1));
            out.add(sdkBatchGetRow(sdk, keys, SDK_THREADS));
        } finally {
            sdk.shutdown();
        }
        return out;
    }

    private Measurement sql(String name, String lookupOptions, long keys, long distinct)
            throws Exception {
        System.err.println("[lookup] " + name);
        String runId = "lookup-" + Integer.toHexString(name.hashCode()) + "-" + System.nanoTime();
        Probe probe = Probe.create(runId);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(LocalJobs.environment(1));
        // Key i of the stream is row (i mod distinct) of the table (BenchRows.primaryKey).
        // (MOD has its divisor's type: INT here, which i * 618033 would overflow.)
        String i = "CAST(MOD(k, " + distinct + ") AS BIGINT)";
        tEnv.executeSql(
                "CREATE TABLE keys_table (k BIGINT, "
                        + "shop AS CONCAT('shop-', LPAD(CAST(MOD("
                        + i
                        + " * 618033, 1000000) AS STRING), 6, '0')), "
                        + "order_id AS 10000000000 + "
                        + i
                        + ", line AS CONCAT('L', CAST(MOD("
                        + i
                        + ", 4) AS STRING)), proc AS PROCTIME()) WITH ("
                        + "'connector' = 'datagen', 'rows-per-second' = '1000000000', "
                        + "'fields.k.kind' = 'sequence', 'fields.k.start' = '0', "
                        + "'fields.k.end' = '"
                        + (keys - 1)
                        + "')");
        tEnv.executeSql(
                "CREATE TABLE dim (shop STRING, order_id BIGINT, line STRING, status STRING, "
                        + "amount DOUBLE, PRIMARY KEY (shop, order_id, line) NOT ENFORCED) WITH ("
                        + "'connector' = 'tablestore-tunnel', 'endpoint' = '"
                        + emulator.endpoint()
                        + "', 'instance-name' = '"
                        + emulator.instance()
                        + "', 'table-name' = '"
                        + TABLE
                        + "', 'access-key-id' = '"
                        + emulator.accessKeyId()
                        + "', 'access-key-secret' = '"
                        + emulator.accessKeySecret()
                        + "'"
                        + lookupOptions
                        + ")");
        tEnv.executeSql(
                "CREATE TABLE probe (status STRING, amount DOUBLE) WITH ('connector' = '"
                        + ProbeTableSinkFactory.IDENTIFIER
                        + "', 'run-id' = '"
                        + runId
                        + "')");
        long start = System.nanoTime();
        TableResult result =
                tEnv.executeSql(
                        "INSERT INTO probe SELECT d.status, d.amount FROM keys_table AS q "
                                + "JOIN dim FOR SYSTEM_TIME AS OF q.proc AS d "
                                + "ON d.shop = q.shop AND d.order_id = q.order_id AND d.line = q.line");
        JobClient job = result.getJobClient().orElseThrow();
        try {
            LocalJobs.awaitRecords(probe, keys, TIMEOUT, name);
        } finally {
            LocalJobs.cancel(job);
            Probe.remove(runId);
        }
        return new Measurement(name, probe.records(), start, probe.firstNanos(), probe.lastNanos());
    }

    private static PrimaryKey sdkKey(long i) {
        PrimaryKeyBuilder b = PrimaryKeyBuilder.createPrimaryKeyBuilder();
        for (PrimaryKeyColumn c : BenchRows.primaryKey(i).columns()) {
            switch (c.value().type()) {
                case INTEGER:
                    b.addPrimaryKeyColumn(c.name(), PrimaryKeyValue.fromLong(c.value().asLong()));
                    break;
                default:
                    b.addPrimaryKeyColumn(
                            c.name(), PrimaryKeyValue.fromString(c.value().asString()));
            }
        }
        return b.build();
    }

    private Measurement sdkGetRow(SyncClient sdk, long keys) {
        String name = "SDK SyncClient GetRow, 1 thread";
        System.err.println("[lookup] " + name);
        long rows = settings.lookupRows;
        long start = System.nanoTime();
        long found = 0;
        for (long k = 0; k < keys; k++) {
            SingleRowQueryCriteria c = new SingleRowQueryCriteria(TABLE, sdkKey(k % rows));
            c.addColumnsToGet(BenchRows.PROJECTED.toArray(new String[0]));
            c.setMaxVersions(1);
            if (sdk.getRow(new GetRowRequest(c)).getRow() != null) {
                found++;
            }
        }
        return new Measurement(name, found, start, start, System.nanoTime());
    }

    private Measurement sdkBatchGetRow(SyncClient sdk, long keys, int threads) throws Exception {
        String name =
                "SDK SyncClient BatchGetRow (100 keys/request), "
                        + threads
                        + (threads == 1 ? " thread" : " threads");
        System.err.println("[lookup] " + name);
        long rows = settings.lookupRows;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                parts.add(
                        pool.submit(
                                () -> {
                                    long found = 0;
                                    for (long from = thread * 100L;
                                            from < keys;
                                            from += 100L * threads) {
                                        MultiRowQueryCriteria c = new MultiRowQueryCriteria(TABLE);
                                        for (long k = from; k < Math.min(keys, from + 100); k++) {
                                            c.addRow(sdkKey(k % rows));
                                        }
                                        c.addColumnsToGet(
                                                BenchRows.PROJECTED.toArray(new String[0]));
                                        c.setMaxVersions(1);
                                        BatchGetRowRequest request = new BatchGetRowRequest();
                                        request.addMultiRowQueryCriteria(c);
                                        BatchGetRowResponse response = sdk.batchGetRow(request);
                                        for (BatchGetRowResponse.RowResult r :
                                                response.getSucceedRows()) {
                                            if (r.getRow() != null) {
                                                found++;
                                            }
                                        }
                                    }
                                    return found;
                                }));
            }
            long found = 0;
            for (Future<Long> f : parts) {
                found += f.get();
            }
            return new Measurement(name, found, start, start, System.nanoTime());
        } finally {
            pool.shutdownNow();
        }
    }
}

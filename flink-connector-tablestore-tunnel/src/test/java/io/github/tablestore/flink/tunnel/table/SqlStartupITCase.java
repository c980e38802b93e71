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

import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;

import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each {@code scan.startup.mode}, and a bounded changes-only read, as a SQL job on a MiniCluster
 * against the emulator. One partition, so one stream channel: its records arrive in write order,
 * and a record the mode must not read would arrive before the ones it reads.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlStartupITCase {
    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().readLimits(10).build();

    private static final String COLUMNS =
            "order_id STRING, line INT, op STRING METADATA FROM 'type' VIRTUAL";

    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = IT.emulator();
        SqlTestSupport.createOrders(emulator, 1);
    }

    private TableResult query(String tunnel, String options) {
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(1);
        tEnv.executeSql(
                "CREATE TABLE orders ("
                        + COLUMNS
                        + ")"
                        + SqlTestSupport.with(emulator, tunnel, options));
        return tEnv.executeSql("SELECT order_id, op FROM orders");
    }

    private void put(String orderId) {
        SqlTestSupport.putOrder(emulator, orderId, 1, 1.0, "NEW", 1);
    }

    private static List<String> ids(List<Row> rows) {
        List<String> ids = new ArrayList<>();
        for (Row r : rows) {
            ids.add((String) r.getField(0));
        }
        return ids;
    }

    private static List<Row> collectAll(TableResult result) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** Waits until the job's stream channel is open, so later writes follow its start. */
    private void awaitStreamChannelOpen(String tunnel) throws Exception {
        SqlTestSupport.waitFor(
                () ->
                        emulator.tunnels().stream()
                                .anyMatch(
                                        t ->
                                                t.tunnelName().equals(tunnel)
                                                        && t.channels().stream()
                                                                .anyMatch(
                                                                        c ->
                                                                                c.type()
                                                                                                == ChannelType
                                                                                                        .STREAM
                                                                                        && c
                                                                                                        .status()
                                                                                                == ChannelStatus
                                                                                                        .OPEN)),
                "the stream channel of " + tunnel);
    }

    @Test
    void snapshotReadsTheRowsAndEnds() throws Exception {
        put("a");
        put("b");
        List<Row> rows = collectAll(query("snap", "'scan.startup.mode' = 'snapshot'"));
        assertThat(ids(rows)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void initialReadsTheRowsThenTheChanges() throws Exception {
        put("a");
        TableResult result = query("init", "'scan.startup.mode' = 'initial'");
        List<Row> got = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            SqlTestSupport.take(it, got, rows -> rows.size() == 1);
            SqlTestSupport.awaitStreamPhase(emulator);
            put("b");
            SqlTestSupport.take(it, got, rows -> rows.size() == 2);
        }
        assertThat(ids(got)).containsExactly("a", "b");
    }

    @Test
    void earliestOffsetReadsTheRetainedChanges() throws Exception {
        put("a");
        put("b");
        TableResult result = query("early", "'scan.startup.mode' = 'earliest-offset'");
        List<Row> got = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            SqlTestSupport.take(it, got, rows -> rows.size() == 2);
            put("c");
            SqlTestSupport.take(it, got, rows -> rows.size() == 3);
        }
        assertThat(ids(got)).containsExactly("a", "b", "c");
    }

    @Test
    void latestOffsetReadsChangesFromTheTunnelsCreation() throws Exception {
        put("before");
        TableResult result = query("late", "'scan.startup.mode' = 'latest-offset'");
        List<Row> got = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            awaitStreamChannelOpen("late");
            put("b");
            put("c");
            SqlTestSupport.take(it, got, rows -> rows.size() == 2);
        }
        assertThat(ids(got)).containsExactly("b", "c");
    }

    @Test
    void timestampReadsChangesFromThatTime() throws Exception {
        put("before");
        long start = emulator.clock().millis() + 1;
        emulator.advanceClock(Duration.ofSeconds(1));
        put("b");
        TableResult result =
                query(
                        "ts",
                        "'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = '"
                                + start
                                + "'");
        List<Row> got = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            SqlTestSupport.take(it, got, rows -> rows.size() == 1);
            put("c");
            SqlTestSupport.take(it, got, rows -> rows.size() == 2);
        }
        assertThat(ids(got)).containsExactly("b", "c");
    }

    @Test
    void aBoundedReadEndsAtTheEndTime() throws Exception {
        put("before");
        long start = emulator.clock().millis() + 1;
        emulator.advanceClock(Duration.ofSeconds(1));
        put("inside");
        long end = emulator.clock().millis() + 1;
        emulator.advanceClock(Duration.ofSeconds(1));
        put("after");
        List<Row> rows =
                collectAll(
                        query(
                                "window",
                                "'scan.startup.mode' = 'timestamp', "
                                        + "'scan.startup.timestamp-millis' = '"
                                        + start
                                        + "', 'scan.bounded.mode' = 'timestamp', "
                                        + "'scan.bounded.timestamp-millis' = '"
                                        + end
                                        + "'"));
        assertThat(ids(rows)).containsExactly("inside");
        assertThat(rows.get(0).getField(1)).isEqualTo("PUT");
    }
}

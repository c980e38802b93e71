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

package io.github.tablestore.flink.tunnel.source.it.suite;

import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.emulator.PartitionInfo;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.TunnelSourceBuilder;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.testframe.external.ExternalSystemSplitDataWriter;
import org.apache.flink.connector.testframe.external.source.DataStreamSourceExternalContext;
import org.apache.flink.connector.testframe.external.source.TestingSourceSettings;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test case's view of the emulator for Flink's source test suite: its own table, and one
 * split per writer.
 *
 * <ul>
 *   <li><b>Bounded</b> cases read a BaseData tunnel. A split is a key-range partition: the first
 *       writer takes the table's only partition, each further writer splits the last partition
 *       at its own key prefix, so every writer's rows form one base-data channel, read in key
 *       order — and keys grow in write order.
 *   <li><b>Unbounded</b> cases read a Stream tunnel that starts at the earliest change. A split is a
 *       pinned partition: a new root shard, hence a new stream channel, that only its writer
 *       appends to — also after a restart of the job.
 * </ul>
 *
 * The record written is the string in column {@code v}; the source emits it back.
 */
final class TunnelSourceExternalContext implements DataStreamSourceExternalContext<String> {
    static final String VALUE_COLUMN = "v";
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    private final TablestoreEmulator emulator;
    private final String table;
    private boolean tableCreated;
    private int writers;

    /** The partition holding the largest keys (bounded mode): the next writer splits it. */
    private String tailPartition;

    TunnelSourceExternalContext(TablestoreEmulator emulator) {
        this.emulator = emulator;
        this.table = "suite_" + CONTEXTS.incrementAndGet();
    }

    private void ensureTable() {
        if (!tableCreated) {
            emulator.createTable(
                    TableSpec.builder(table)
                            .primaryKey("pk", PrimaryKeyType.STRING)
                            .partitions(1)
                            .stream(24, List.of())
                            .build());
            tableCreated = true;
            tailPartition = emulator.partitions(table).get(0).id();
        }
    }

    @Override
    public Source<String, ?, ?> createSource(TestingSourceSettings settings) {
        ensureTable();
        boolean bounded = settings.getBoundedness() == Boundedness.BOUNDED;
        TunnelSourceBuilder<String> builder =
                TestSources.builder(
                        emulator,
                        table,
                        bounded ? "suite-base" : "suite-stream",
                        bounded ? TunnelType.BASE_DATA : TunnelType.STREAM,
                        new ValueColumnSchema());
        if (!bounded) {
            builder.setStreamStartEarliest();
        }
        return builder.build();
    }

    @Override
    public ExternalSystemSplitDataWriter<String> createSourceSplitDataWriter(
            TestingSourceSettings settings) {
        ensureTable();
        int index = writers++;
        if (settings.getBoundedness() == Boundedness.BOUNDED) {
            String prefix = String.format("w%04d", index);
            if (index > 0) {
                List<PartitionInfo> halves =
                        emulator.splitPartition(table, tailPartition, ColumnValue.ofString(prefix));
                tailPartition = halves.get(1).id();
            }
            return new KeyRangeWriter(prefix);
        }
        return new PinnedPartitionWriter(emulator.addPartition(table).id());
    }

    @Override
    public List<String> generateTestData(
            TestingSourceSettings settings, int splitIndex, long seed) {
        Random random = new Random(seed);
        int count = 20 + random.nextInt(30);
        List<String> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(
                    "split-" + splitIndex + "-" + i + "-" + Long.toHexString(random.nextLong()));
        }
        return records;
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    @Override
    public List<URL> getConnectorJarPaths() {
        return List.of(); // MiniCluster: the test's classpath
    }

    @Override
    public void close() {
        // The table stays; each context has its own.
    }

    @Override
    public String toString() {
        return "Tablestore tunnel (table " + table + ")";
    }

    private static Row row(String key, String value) {
        return Row.of(
                PrimaryKey.of(new PrimaryKeyColumn("pk", ColumnValue.ofString(key))),
                List.of(Cell.put(VALUE_COLUMN, ColumnValue.ofString(value))));
    }

    /** Writes rows whose keys start with its prefix: they all land in its range partition. */
    private final class KeyRangeWriter implements ExternalSystemSplitDataWriter<String> {
        private final String prefix;
        private long next;

        KeyRangeWriter(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void writeRecords(List<String> records) {
            for (String record : records) {
                emulator.putRow(table, row(String.format("%s-%08d", prefix, next++), record));
            }
        }

        @Override
        public void close() {}
    }

    /** Appends to the change log of its pinned partition. */
    private final class PinnedPartitionWriter implements ExternalSystemSplitDataWriter<String> {
        private final String partitionId;
        private long next;

        PinnedPartitionWriter(String partitionId) {
            this.partitionId = partitionId;
        }

        @Override
        public void writeRecords(List<String> records) {
            List<Row> rows = new ArrayList<>(records.size());
            for (String record : records) {
                rows.add(row(partitionId + "-" + (next++), record));
            }
            emulator.writeToPartition(table, partitionId, rows);
        }

        @Override
        public void close() {}
    }
}

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

package io.github.tablestore.flink.tunnel.source.reader;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.SessionIds;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;
import io.github.tablestore.flink.tunnel.source.testing.TunnelSessionFixture;

import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The attribute columns set on the builder are the only ones the channel reader decodes. */
class ProjectedReadTest {
    private static final String TABLE = "wide";

    private TablestoreEmulator emulator;
    private TunnelClient client;
    private TunnelChannelSplitReader reader;

    @AfterEach
    void tearDown() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (client != null) {
            client.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void readerDecodesOnlyTheConfiguredAttributeColumns() throws Exception {
        emulator = TablestoreEmulator.start();
        TestTables.create(emulator, TABLE, 1);
        for (long id = 0; id < 3; id++) {
            emulator.putRow(
                    TABLE,
                    Row.of(
                            TestTables.key(id),
                            List.of(
                                    Cell.put("a", ColumnValue.ofString("a" + id)),
                                    Cell.put("b", ColumnValue.ofLong(id)),
                                    Cell.put("c", ColumnValue.ofDouble(id / 2.0)))));
        }
        TunnelSourceConfig config =
                TestSources.builder(
                                emulator, TABLE, "t", TunnelType.BASE_DATA, new KeyValueSchema())
                        .setAttributeColumns(List.of("b"))
                        .build()
                        .config();
        assertThat(config.attributeColumns()).containsExactly("b");
        assertThat(config.columnFilter().names()).containsExactly("b");

        client = config.clientFactory().createClient();
        TunnelSessionFixture session =
                new TunnelSessionFixture(client, TABLE, "t", TunnelType.BASE_DATA);
        SessionHolder sessions = new SessionHolder();
        sessions.set(new SessionIds(session.tunnelId, session.clientId));
        reader =
                new TunnelChannelSplitReader(
                        client,
                        sessions,
                        config.describeTunnel(),
                        2,
                        2000,
                        0,
                        System::nanoTime,
                        config.columnFilter(),
                        null);
        List<TunnelChannelSplit> splits = session.openSplits();
        reader.handleSplitsChanges(new SplitsAddition<>(splits));

        List<TunnelRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (records.size() < 3) {
            assertThat(System.nanoTime()).as("all records within 20 s").isLessThan(deadline);
            RecordsWithSplitIds<ChannelBatch> batches = reader.fetch();
            while (batches.nextSplit() != null) {
                ChannelBatch batch;
                while ((batch = batches.nextRecordFromSplit()) != null) {
                    records.addAll(batch.records());
                }
            }
        }
        for (TunnelRecord record : records) {
            assertThat(record.columns()).extracting(Cell::name).containsExactly("b");
            assertThat(record.primaryKey().value("id")).isNotNull();
        }
    }

    @Test
    void attributeColumnsDefaultToAll() {
        emulator = TablestoreEmulator.start();
        TunnelSourceConfig config =
                TestSources.builder(
                                emulator, TABLE, "t", TunnelType.BASE_DATA, new KeyValueSchema())
                        .build()
                        .config();
        assertThat(config.attributeColumns()).isNull();
        assertThat(config.columnFilter().includesAll()).isTrue();
    }
}

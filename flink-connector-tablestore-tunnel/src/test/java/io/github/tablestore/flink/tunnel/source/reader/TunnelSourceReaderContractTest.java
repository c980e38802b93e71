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
import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.config.ProgressMode;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.event.SessionIds;
import io.github.tablestore.flink.tunnel.source.event.TunnelSessionEvent;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.connector.testutils.source.reader.SourceReaderTestBase;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.util.Collector;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

/**
 * Flink's reader-level contract ({@link SourceReaderTestBase}) on the tunnel reader: split {@code
 * i} is a stream channel (a pinned partition) holding the integers {@code i*10 .. i*10+9}. Every
 * split is read through one tunnel session, as the enumerator would hand it out.
 *
 * <p>Boundedness comes from the tunnel, not the split, so these splits are stream channels in
 * both modes; none of the inherited tests needs a split to end. A split's next record index is
 * the record count of its position token.
 */
class TunnelSourceReaderContractTest extends SourceReaderTestBase<TunnelChannelSplit> {
    /** A fresh emulator for every test. */
    @RegisterExtension
    final TablestoreEmulatorExtension tablestore =
            new TablestoreEmulatorExtension(b -> b.readLimits(4, 1 << 20));

    private static final String TABLE = "numbers";

    private TablestoreEmulator emulator;
    private TunnelSourceConfig config;
    private TunnelClient admin;
    private TunnelSessionEvent session;
    private final List<TunnelChannelSplit> splits = new ArrayList<>();

    @BeforeEach
    void prepare() {
        emulator = tablestore.emulator();
        emulator.createTable(
                TableSpec.builder(TABLE)
                        .primaryKey("id", PrimaryKeyType.INTEGER)
                        .partitions(1)
                        .build());
        List<String> partitions = new ArrayList<>();
        for (int s = 0; s < getNumSplits(); s++) {
            String partition = emulator.addPartition(TABLE).id();
            partitions.add(partition);
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < NUM_RECORDS_PER_SPLIT; i++) {
                int n = s * NUM_RECORDS_PER_SPLIT + i;
                rows.add(
                        Row.of(
                                PrimaryKey.of(new PrimaryKeyColumn("id", ColumnValue.ofLong(n))),
                                List.of(Cell.put("n", ColumnValue.ofLong(n)))));
            }
            emulator.writeToPartition(TABLE, partition, rows);
        }
        config =
                TestSources.builder(
                                emulator, TABLE, "contract", TunnelType.STREAM, new IntegerSchema())
                        .setStreamStartEarliest()
                        .build()
                        .config();
        admin = config.clientFactory().createClient();
        String tunnelId =
                admin.createTunnel(
                        CreateTunnelRequest.builder(TABLE, "contract", TunnelType.STREAM)
                                .streamStart(CreateTunnelRequest.StreamStart.EARLIEST)
                                .build());
        String clientId = admin.connect(tunnelId, 60, "contract-test");
        admin.heartbeat(tunnelId, clientId, List.of());
        session =
                new TunnelSessionEvent(
                        new SessionIds(
                                tunnelId,
                                clientId,
                                admin.describeTunnel(TABLE, "contract")
                                        .tunnel()
                                        .createTimeMillis()));
        for (String partition : partitions) {
            ChannelCheckpoint cp = admin.getCheckpoint(tunnelId, clientId, partition);
            splits.add(
                    new TunnelChannelSplit(
                            partition,
                            ChannelType.STREAM,
                            cp.token(),
                            cp.sequenceNumber(),
                            List.of()));
        }
    }

    @AfterEach
    void closeAdmin() {
        admin.close();
    }

    @Override
    protected SourceReader<Integer, TunnelChannelSplit> createReader() {
        TunnelSourceReader<Integer> reader =
                TunnelSourceReader.create(
                        config,
                        new IntegerSchema(),
                        new TestingReaderContext(),
                        ProgressMode.CHECKPOINTS);
        reader.start();
        reader.handleSourceEvents(session);
        return reader;
    }

    @Override
    protected List<TunnelChannelSplit> getSplits(
            int numSplits, int numRecordsPerSplit, Boundedness boundedness) {
        List<TunnelChannelSplit> result = new ArrayList<>();
        for (int i = 0; i < numSplits; i++) {
            result.add(getSplit(i, numRecordsPerSplit, boundedness));
        }
        return result;
    }

    @Override
    protected TunnelChannelSplit getSplit(int splitId, int numRecords, Boundedness boundedness) {
        if (numRecords != NUM_RECORDS_PER_SPLIT) {
            throw new IllegalArgumentException(
                    "The channels hold " + NUM_RECORDS_PER_SPLIT + " records each");
        }
        return splits.get(splitId);
    }

    @Override
    protected long getNextRecordIndex(TunnelChannelSplit split) {
        return emulator.recordsBefore(split.token());
    }

    /** The column {@code n} as an Integer. */
    private static final class IntegerSchema implements TunnelRecordDeserializationSchema<Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(String channelId, TunnelRecord record, Collector<Integer> out) {
            out.collect((int) record.column("n").value().asLong());
        }

        @Override
        public TypeInformation<Integer> getProducedType() {
            return Types.INT;
        }
    }
}

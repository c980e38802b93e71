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
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.config.ProgressMode;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;
import io.github.tablestore.flink.tunnel.source.testing.TunnelSessionFixture;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.core.io.InputStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timestamps watermark strategies see: a stream record's change time, a base-data record the
 * tunnel's creation time.
 */
class TunnelRecordTimestampsTest {
    /** A fresh emulator for every test. */
    @RegisterExtension
    final TablestoreEmulatorExtension tablestore = new TablestoreEmulatorExtension();

    private static final String TABLE = "orders";

    private TablestoreEmulator emulator;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator = tablestore.emulator();
        TestTables.create(emulator, TABLE, 1);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    /** Records every emitted value with its timestamp. */
    private static final class TimestampedOutput implements ReaderOutput<String> {
        final List<String> values = new ArrayList<>();
        final List<Long> timestamps = new ArrayList<>();

        @Override
        public void collect(String record) {
            collect(record, Long.MIN_VALUE);
        }

        @Override
        public void collect(String record, long timestamp) {
            values.add(record);
            timestamps.add(timestamp);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}

        @Override
        public SourceOutput<String> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}
    }

    private TimestampedOutput read(TunnelType type, int records, Runnable afterSessionStarted)
            throws Exception {
        TunnelSourceConfig config =
                TestSources.builder(emulator, TABLE, "t", type, new KeyValueSchema())
                        .build()
                        .config();
        TunnelClient admin = config.clientFactory().createClient();
        closeables.add(admin);
        TunnelSessionFixture s = new TunnelSessionFixture(admin, TABLE, "t", type);
        TunnelSourceReader<String> reader =
                TunnelSourceReader.create(
                        config,
                        new KeyValueSchema(),
                        new TestingReaderContext(),
                        ProgressMode.CHECKPOINTS);
        closeables.add(0, reader);
        reader.start();
        reader.handleSourceEvents(s.sessionEvent());
        reader.addSplits(s.openSplits());
        afterSessionStarted.run();
        TimestampedOutput out = new TimestampedOutput();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (out.values.size() < records) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("only " + out.values);
            }
            if (reader.pollNext(out) == InputStatus.NOTHING_AVAILABLE) {
                try {
                    reader.isAvailable().get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException ignored) {
                    // poll again
                }
            }
        }
        return out;
    }

    @Test
    void baseDataRecordsCarryTheTunnelsCreationTime() throws Exception {
        TestTables.putRange(emulator, TABLE, 0, 5, "a");
        emulator.advanceClock(Duration.ofHours(1)); // the tunnel is created an hour after the rows
        long created = emulator.clock().millis();
        TimestampedOutput out = read(TunnelType.BASE_DATA, 5, () -> {});
        assertThat(out.timestamps)
                .hasSize(5)
                .allSatisfy(ts -> assertThat(ts).isBetween(created, created + 1_000));
        assertThat(emulator.tunnels().get(0).createTimeMillis()).isEqualTo(out.timestamps.get(0));
    }

    @Test
    void streamRecordsCarryTheirChangeTime() throws Exception {
        List<Long> written = new ArrayList<>();
        TimestampedOutput out =
                read(
                        TunnelType.STREAM,
                        3,
                        () -> {
                            for (int i = 0; i < 3; i++) {
                                emulator.advanceClock(
                                        Duration.ofSeconds(5)); // well inside the session's lease
                                written.add(emulator.clock().millis());
                                TestTables.put(emulator, TABLE, i, "v");
                            }
                        });
        for (int i = 0; i < 3; i++) {
            assertThat(out.timestamps.get(i)).isBetween(written.get(i), written.get(i) + 1_000);
        }
        assertThat(out.timestamps).isSorted();
    }
}

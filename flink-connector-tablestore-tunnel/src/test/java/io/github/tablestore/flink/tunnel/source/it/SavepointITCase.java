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

package io.github.tablestore.flink.tunnel.source.it;

import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stop-with-savepoint and restore, rescaling 2 → 4 → 1 with writes in between: every change once,
 * in order. And a restart without state resumes where the tunnel's checkpoints say.
 */
class SavepointITCase {
    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder().readLimits(10).build();

    private static final String TABLE = "orders";
    private static final int KEYS = 100;

    @TempDir Path savepoints;

    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = IT.emulator();
        TestTables.create(emulator, TABLE, 4);
    }

    private JobClient run(CollectingSink sink, int parallelism, String savepoint) throws Exception {
        Configuration conf = new Configuration();
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = ItSupport.env(parallelism, 0, conf);
        TunnelSource<String> source =
                TestSources.builder(emulator, TABLE, "t", TunnelType.STREAM, new KeyValueSchema())
                        .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                .uid("tunnel-source")
                .sinkTo(sink);
        return env.executeAsync("tunnel job p=" + parallelism);
    }

    private String stopWithSavepoint(JobClient job) throws Exception {
        return job.stopWithSavepoint(
                        false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get();
    }

    private void awaitRecords(CollectingSink sink, int count) throws Exception {
        ItSupport.waitFor(() -> sink.records().size() >= count, count + " records");
    }

    private void awaitSession() throws Exception {
        ItSupport.waitFor(
                () ->
                        !emulator.tunnels().isEmpty()
                                && emulator.tunnels().get(0).clients().size() == 1,
                "the job's tunnel session");
    }

    @Test
    void rescalingThroughSavepointsKeepsEveryChangeOnce() throws Exception {
        CollectingSink sink = new CollectingSink();
        JobClient job = run(sink, 2, null);
        awaitSession();
        TestTables.putRange(emulator, TABLE, 0, KEYS, "b1");
        awaitRecords(sink, KEYS);
        String sp1 = stopWithSavepoint(job);

        TestTables.putRange(emulator, TABLE, 0, KEYS, "b2"); // while no job runs
        job = run(sink, 4, sp1);
        awaitRecords(sink, 2 * KEYS);
        TestTables.putRange(emulator, TABLE, 0, KEYS, "b3"); // while the job runs
        awaitRecords(sink, 3 * KEYS);
        String sp2 = stopWithSavepoint(job);

        TestTables.putRange(emulator, TABLE, 0, KEYS, "b4");
        job = run(sink, 1, sp2);
        awaitRecords(sink, 4 * KEYS);
        String sp3 = stopWithSavepoint(job);
        assertThat(sp3).isNotNull();

        Map<Long, List<String>> history = ItSupport.historyByKey(sink.records());
        assertThat(sink.records()).hasSize(4 * KEYS);
        for (long k = 0; k < KEYS; k++) {
            assertThat(history.get(k))
                    .as("changes of key %d", k)
                    .containsExactly("b1", "b2", "b3", "b4");
        }
    }

    @Test
    void aJobWithoutStateResumesFromTheTunnelsCheckpoints() throws Exception {
        CollectingSink first = new CollectingSink();
        JobClient job = run(first, 2, null);
        awaitSession();
        TestTables.putRange(emulator, TABLE, 0, KEYS, "b1");
        awaitRecords(first, KEYS);
        // The savepoint completes a checkpoint, so its positions are stored in the tunnel too.
        stopWithSavepoint(job);

        TestTables.putRange(emulator, TABLE, 0, KEYS, "b2");
        CollectingSink second = new CollectingSink();
        job = run(second, 3, null); // a new job: no Flink state
        awaitRecords(second, KEYS);
        TestTables.putRange(emulator, TABLE, 0, KEYS, "b3");
        awaitRecords(second, 2 * KEYS);
        job.cancel().get();

        assertThat(first.records()).hasSize(KEYS);
        assertThat(second.records()).hasSize(2 * KEYS);
        Map<Long, List<String>> history = ItSupport.historyByKey(second.records());
        for (long k = 0; k < KEYS; k++) {
            assertThat(history.get(k)).as("changes of key %d", k).containsExactly("b2", "b3");
        }
    }
}

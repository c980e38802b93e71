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

import io.github.tablestore.flink.tunnel.source.config.ProgressMode;
import io.github.tablestore.flink.tunnel.source.reader.CheckpointingProbe;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CheckpointingProbe} on the reader context a real task gives, on the Flink line this build
 * targets: how it gets at the job's type and configuration differs between lines (package
 * {@code ...tunnel.compat}, {@code ReaderRuntime}), and the unit tests only see testing contexts,
 * for which the probe answers its safe default. Here each runtime mode must be recognised.
 */
class ProgressModeITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    private static final Map<String, ProgressMode> PROBED = new ConcurrentHashMap<>();

    /** A bounded source of a few numbers whose reader records what the probe says. */
    static final class ProbingSource extends NumberSequenceSource {
        private static final long serialVersionUID = 1L;
        private final String id;

        ProbingSource(String id) {
            super(1, 3);
            this.id = id;
        }

        @Override
        public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext context) {
            PROBED.put(id, CheckpointingProbe.progressMode(context));
            return super.createReader(context);
        }
    }

    private static ProgressMode probe(StreamExecutionEnvironment env) throws Exception {
        String id = UUID.randomUUID().toString();
        env.setParallelism(1);
        env.fromSource(new ProbingSource(id), WatermarkStrategy.noWatermarks(), "probe").print();
        env.execute("progress-mode-probe");
        return PROBED.get(id);
    }

    @Test
    void aStreamingJobWithCheckpointsFollowsCheckpoints() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(60_000);
        assertThat(probe(env)).isEqualTo(ProgressMode.CHECKPOINTS);
    }

    @Test
    void aStreamingJobWithoutCheckpointsFollowsAnInterval() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThat(probe(env)).isEqualTo(ProgressMode.INTERVAL);
    }

    @Test
    void aBatchJobIsRecognised() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.enableCheckpointing(60_000);
        assertThat(probe(env)).isEqualTo(ProgressMode.BATCH);
    }
}

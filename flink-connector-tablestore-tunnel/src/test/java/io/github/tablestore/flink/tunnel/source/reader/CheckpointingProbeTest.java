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

import io.github.tablestore.flink.tunnel.source.config.ProgressMode;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointingProbeTest {
    private static Configuration checkpointingEvery(Duration interval) {
        Configuration c = new Configuration();
        c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        return c;
    }

    @Test
    void streamingJobsCheckpointOrNot() {
        assertThat(
                        CheckpointingProbe.progressMode(
                                false, checkpointingEvery(Duration.ofSeconds(10))))
                .isEqualTo(ProgressMode.CHECKPOINTS);
        assertThat(CheckpointingProbe.progressMode(false, new Configuration()))
                .isEqualTo(ProgressMode.INTERVAL);
    }

    @Test
    void batchJobsNeverCheckpointWhateverIsConfigured() {
        assertThat(
                        CheckpointingProbe.progressMode(
                                true, checkpointingEvery(Duration.ofSeconds(10))))
                .isEqualTo(ProgressMode.BATCH);
        Configuration batch = checkpointingEvery(Duration.ofSeconds(10));
        batch.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        assertThat(CheckpointingProbe.progressMode(false, batch)).isEqualTo(ProgressMode.BATCH);
    }

    @Test
    void aContextWithoutAJobConfigurationMeansCheckpoints() {
        assertThat(CheckpointingProbe.progressMode(new TestingReaderContext()))
                .isEqualTo(ProgressMode.CHECKPOINTS);
    }
}

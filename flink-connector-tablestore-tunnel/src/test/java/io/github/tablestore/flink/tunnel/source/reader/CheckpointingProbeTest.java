package io.github.tablestore.flink.tunnel.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tablestore.flink.tunnel.source.config.ProgressMode;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.junit.jupiter.api.Test;

class CheckpointingProbeTest {
    private static Configuration checkpointingEvery(Duration interval) {
        Configuration c = new Configuration();
        c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        return c;
    }

    @Test
    void streamingJobsCheckpointOrNot() {
        assertThat(CheckpointingProbe.progressMode(false, checkpointingEvery(Duration.ofSeconds(10))))
                .isEqualTo(ProgressMode.CHECKPOINTS);
        assertThat(CheckpointingProbe.progressMode(false, new Configuration())).isEqualTo(ProgressMode.INTERVAL);
    }

    @Test
    void batchJobsNeverCheckpointWhateverIsConfigured() {
        assertThat(CheckpointingProbe.progressMode(true, checkpointingEvery(Duration.ofSeconds(10))))
                .isEqualTo(ProgressMode.BATCH);
        Configuration batch = checkpointingEvery(Duration.ofSeconds(10));
        batch.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        assertThat(CheckpointingProbe.progressMode(false, batch)).isEqualTo(ProgressMode.BATCH);
    }

    @Test
    void aContextWithoutAJobConfigurationMeansCheckpoints() {
        assertThat(CheckpointingProbe.progressMode(new TestingReaderContext())).isEqualTo(ProgressMode.CHECKPOINTS);
    }
}

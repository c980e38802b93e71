package io.github.tablestore.flink.tunnel.source.reader;

import io.github.tablestore.flink.tunnel.source.config.ProgressMode;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.connector.source.RichSourceReaderContext;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.runtime.jobgraph.JobType;
import org.apache.flink.streaming.api.operators.StreamingRuntimeContext;

/**
 * Finds out how the job runs — batch, streaming with checkpoints, streaming without — which
 * decides how the tunnel's progress follows Flink's ({@link ProgressMode}). Flink has no public
 * API for this; the job configuration is reachable from the reader context Flink passes. When it
 * cannot be read, the answer is {@link ProgressMode#CHECKPOINTS}: the safe choice, as it never
 * stores a position that a checkpoint has not covered.
 */
@Internal
public final class CheckpointingProbe {
    private CheckpointingProbe() {}

    public static ProgressMode progressMode(SourceReaderContext context) {
        StreamingRuntimeContext runtime = runtimeContext(context);
        if (runtime == null) {
            return ProgressMode.CHECKPOINTS;
        }
        // The job type is what Flink resolved (also for runtime mode AUTOMATIC); batch jobs never
        // checkpoint, whatever interval is configured.
        return progressMode(runtime.getJobType() == JobType.BATCH, runtime.getJobConfiguration());
    }

    /** The mode of a job of this type with this configuration. */
    static ProgressMode progressMode(boolean batchJob, Configuration job) {
        if (batchJob || job.get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH) {
            return ProgressMode.BATCH;
        }
        return CheckpointingOptions.isCheckpointingEnabled(job) ? ProgressMode.CHECKPOINTS : ProgressMode.INTERVAL;
    }

    private static StreamingRuntimeContext runtimeContext(SourceReaderContext context) {
        if (!(context instanceof RichSourceReaderContext)) {
            return null;
        }
        RuntimeContext runtime;
        try {
            runtime = ((RichSourceReaderContext) context).getRuntimeContext();
        } catch (RuntimeException e) {
            return null;
        }
        return runtime instanceof StreamingRuntimeContext ? (StreamingRuntimeContext) runtime : null;
    }
}

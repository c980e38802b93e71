package io.github.tablestore.flink.tunnel.source.reader;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.connector.source.RichSourceReaderContext;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.streaming.api.operators.StreamingRuntimeContext;

/**
 * Finds out whether the job checkpoints, which decides how readers store positions in the
 * tunnel: on completed checkpoints (exactly-once) or on an interval (at-least-once). Flink has
 * no public API for this; the job configuration is reachable from the reader context Flink
 * passes. When it cannot be read, the answer is "checkpointing": the safe choice, as it never
 * stores a position that a checkpoint has not covered.
 */
@Internal
public final class CheckpointingProbe {
    private CheckpointingProbe() {}

    public static boolean isCheckpointingEnabled(SourceReaderContext context) {
        if (!(context instanceof RichSourceReaderContext)) {
            return true;
        }
        RuntimeContext runtime;
        try {
            runtime = ((RichSourceReaderContext) context).getRuntimeContext();
        } catch (RuntimeException e) {
            return true;
        }
        if (!(runtime instanceof StreamingRuntimeContext)) {
            return true;
        }
        return CheckpointingOptions.isCheckpointingEnabled(
                ((StreamingRuntimeContext) runtime).getJobConfiguration());
    }
}

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

import io.github.tablestore.flink.tunnel.compat.ReaderRuntime;
import io.github.tablestore.flink.tunnel.source.config.ProgressMode;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.runtime.jobgraph.JobType;
import org.apache.flink.streaming.api.operators.StreamingRuntimeContext;

/**
 * Finds out how the job runs — batch, streaming with checkpoints, streaming without — which
 * decides how the tunnel's progress follows Flink's ({@link ProgressMode}). Flink has no public
 * API for this; the job configuration is reachable from the reader context Flink passes (how differs
 * between Flink lines: {@link ReaderRuntime}). When it
 * cannot be read, the answer is {@link ProgressMode#CHECKPOINTS}: the safe choice, as it never
 * stores a position that a checkpoint has not covered.
 */
@Internal
public final class CheckpointingProbe {
    private CheckpointingProbe() {}

    public static ProgressMode progressMode(SourceReaderContext context) {
        StreamingRuntimeContext runtime = ReaderRuntime.streamingRuntimeContext(context);
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
        return ReaderRuntime.checkpointingEnabled(job)
                ? ProgressMode.CHECKPOINTS
                : ProgressMode.INTERVAL;
    }
}

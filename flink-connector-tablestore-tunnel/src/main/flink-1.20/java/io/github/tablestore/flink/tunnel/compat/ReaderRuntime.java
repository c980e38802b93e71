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

package io.github.tablestore.flink.tunnel.compat;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.operators.SourceOperator;
import org.apache.flink.streaming.api.operators.StreamingRuntimeContext;

import java.lang.reflect.Field;
import java.time.Duration;

/**
 * What a source reader can learn about its job beyond {@link SourceReaderContext}, Flink 1.20.
 *
 * <p>1.20 has no {@code RichSourceReaderContext} (added in 2.0): the context Flink passes is an
 * inner class of {@link SourceOperator}, and the operator's runtime context (with the job's type
 * and configuration, which 1.20's {@link StreamingRuntimeContext} has too) is reached through the
 * enclosing operator. That one field is read reflectively, once, when a reader is created — never
 * on the record path. Any other context (tests, a future Flink) gives {@code null}, which callers
 * treat as "unknown" and answer with their safe default.
 */
@Internal
public final class ReaderRuntime {
    private ReaderRuntime() {}

    /** The operator's runtime context, or {@code null} when this context does not give one (tests). */
    public static StreamingRuntimeContext streamingRuntimeContext(SourceReaderContext context) {
        if (context == null || context.getClass().getEnclosingClass() != SourceOperator.class) {
            return null;
        }
        try {
            for (Field field : context.getClass().getDeclaredFields()) {
                if (field.isSynthetic() && field.getType() == SourceOperator.class) {
                    field.setAccessible(true);
                    SourceOperator<?, ?> operator = (SourceOperator<?, ?>) field.get(context);
                    return operator == null ? null : operator.getRuntimeContext();
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * Whether a job with this configuration checkpoints: what 2.x's {@code
     * CheckpointingOptions.isCheckpointingEnabled} decides (not in 1.20): not in batch mode, and
     * a positive checkpoint interval.
     */
    public static boolean checkpointingEnabled(Configuration job) {
        if (job.get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH) {
            return false;
        }
        return job.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL)
                .map(Duration::toMillis)
                .map(interval -> interval > 0)
                .orElse(false);
    }
}

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
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.connector.source.RichSourceReaderContext;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.operators.StreamingRuntimeContext;

/**
 * What a source reader can learn about its job beyond {@link SourceReaderContext}, Flink 2.2: the
 * reader context Flink passes is a {@link RichSourceReaderContext}, which gives the operator's
 * runtime context. Called once, when a reader is created.
 */
@Internal
public final class ReaderRuntime {
    private ReaderRuntime() {}

    /** The operator's runtime context, or {@code null} when this context does not give one (tests). */
    public static StreamingRuntimeContext streamingRuntimeContext(SourceReaderContext context) {
        if (!(context instanceof RichSourceReaderContext)) {
            return null;
        }
        RuntimeContext runtime;
        try {
            runtime = ((RichSourceReaderContext) context).getRuntimeContext();
        } catch (RuntimeException e) {
            return null;
        }
        return runtime instanceof StreamingRuntimeContext
                ? (StreamingRuntimeContext) runtime
                : null;
    }

    /** Whether a job with this configuration checkpoints (Flink's own definition). */
    public static boolean checkpointingEnabled(Configuration job) {
        return CheckpointingOptions.isCheckpointingEnabled(job);
    }
}

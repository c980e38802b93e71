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

package io.github.tablestore.flink.tunnel.source.config;

/**
 * How the source lets the tunnel's server-side progress (stored positions, finished channels)
 * follow what Flink has made durable. Decided by each reader from the job's configuration (see
 * {@code CheckpointingProbe}) and told to the enumerator at start-up.
 */
public enum ProgressMode {
    /**
     * Streaming with checkpointing: positions are stored, and finished or handed-back channels
     * reported, only once a completed checkpoint covers them (exactly-once).
     */
    CHECKPOINTS,
    /**
     * Streaming without checkpointing: positions are stored every commit interval and finished or
     * handed-back channels are reported once their last batch was emitted (at-least-once).
     */
    INTERVAL,
    /**
     * Batch runtime mode: no checkpoints, and a failed reader's output is produced again from
     * scratch. Nothing that would stop a channel from being read again is stored while the job
     * runs (no positions, no finished base-data channels); a failed reader's channels, finished or
     * not, are read again from where they were assigned to it.
     */
    BATCH
}

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

import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exactly-once sink for MiniCluster tests (the job runs in the test's JVM): records become
 * visible to the test only when a checkpoint that covers them completes, so records of an attempt
 * that failed before its next checkpoint are never seen, and the test's view is what a
 * transactional sink would show.
 *
 * <p>Two-phase, per subtask: records since the last barrier are one batch; a checkpoint moves the
 * batch, named by a random id and tagged with the checkpoint's id, into the pending list kept in
 * operator state; when a checkpoint completes, every pending batch up to it is published. A
 * restore publishes the batches of the restored state (they are covered by the completed
 * checkpoint or savepoint it restores) — batches already published are recognised by id, so a
 * notification lost to a failure loses nothing and a restore after a notification repeats
 * nothing. The same instance may serve several jobs one after another (stop-with-savepoint and
 * restore): the output is shared.
 */
final class ExactlyOnceCollector extends ProcessFunction<String, Void>
        implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Output> OUTPUTS = new ConcurrentHashMap<>();
    private static final TypeInformation<Tuple3<String, Long, List<String>>> BATCH =
            Types.TUPLE(Types.STRING, Types.LONG, Types.LIST(Types.STRING));

    /** A committed record: the checkpoint whose barrier followed it, and the line. */
    static final class Committed {
        final long checkpointId;
        final String line;

        Committed(long checkpointId, String line) {
            this.checkpointId = checkpointId;
            this.line = line;
        }
    }

    /** What the test sees. */
    static final class Output {
        private final List<Committed> committed = new ArrayList<>();
        private final Set<String> publishedBatches = new HashSet<>();
        private long lastCompletedCheckpoint = -1;

        synchronized void publish(String batchId, long checkpointId, List<String> lines) {
            if (publishedBatches.add(batchId)) {
                for (String line : lines) {
                    committed.add(new Committed(checkpointId, line));
                }
            }
        }

        synchronized void completed(long checkpointId) {
            lastCompletedCheckpoint = Math.max(lastCompletedCheckpoint, checkpointId);
        }

        /** The highest checkpoint id any subtask was told completed (-1: none yet). */
        synchronized long lastCompletedCheckpoint() {
            return lastCompletedCheckpoint;
        }

        synchronized int size() {
            return committed.size();
        }

        /**
         * The committed lines in the order of the checkpoints that covered them, publication order
         * within one checkpoint (that is, emission order within one subtask). Notifications of
         * different subtasks may be published out of checkpoint order, so this, not publication
         * order, is the order to judge: a record emitted after another was committed by a later
         * checkpoint, or by the same one in the same subtask.
         */
        synchronized List<Committed> inCheckpointOrder() {
            List<Committed> sorted = new ArrayList<>(committed);
            sorted.sort(Comparator.comparingLong(c -> c.checkpointId)); // stable
            return sorted;
        }
    }

    private final String id = UUID.randomUUID().toString();

    private transient List<String> current;

    /** Checkpoint id → batches (id, records) waiting for that checkpoint to complete. */
    private transient TreeMap<Long, List<Tuple3<String, Long, List<String>>>> pending;

    private transient ListState<Tuple3<String, Long, List<String>>> state;

    ExactlyOnceCollector() {
        OUTPUTS.put(id, new Output());
    }

    Output output() {
        return OUTPUTS.get(id);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        current = new ArrayList<>();
        pending = new TreeMap<>();
        state =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("pending-batches", BATCH));
        if (context.isRestored()) {
            for (Tuple3<String, Long, List<String>> batch : state.get()) {
                output().publish(batch.f0, batch.f1, batch.f2);
            }
        }
        state.clear();
    }

    @Override
    public void processElement(String value, Context ctx, Collector<Void> out) {
        current.add(value);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        long checkpointId = context.getCheckpointId();
        if (!current.isEmpty()) {
            pending.computeIfAbsent(checkpointId, c -> new ArrayList<>())
                    .add(Tuple3.of(UUID.randomUUID().toString(), checkpointId, current));
            current = new ArrayList<>();
        }
        List<Tuple3<String, Long, List<String>>> all = new ArrayList<>();
        pending.values().forEach(all::addAll);
        state.update(all);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Map<Long, List<Tuple3<String, Long, List<String>>>> done =
                pending.headMap(checkpointId, true);
        for (List<Tuple3<String, Long, List<String>>> batches : done.values()) {
            for (Tuple3<String, Long, List<String>> batch : batches) {
                output().publish(batch.f0, batch.f1, batch.f2);
            }
        }
        done.clear();
        output().completed(checkpointId);
    }
}

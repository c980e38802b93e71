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

package io.github.tablestore.flink.tunnel.benchmarks.flink;

import io.github.tablestore.flink.tunnel.benchmarks.compat.ContextFreeSink;

import org.apache.flink.api.connector.sink2.SinkWriter;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A discarding sink that reports each record to the run's {@link Probe}, optionally pausing per
 * record to act as a slow consumer (backpressure).
 */
public final class ProbeSink<T> extends ContextFreeSink<T> {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final long delayNanosPerRecord;

    public ProbeSink(String runId, long delayMicrosPerRecord) {
        this.runId = runId;
        this.delayNanosPerRecord = TimeUnit.MICROSECONDS.toNanos(delayMicrosPerRecord);
    }

    public ProbeSink(String runId) {
        this(runId, 0);
    }

    @Override
    protected SinkWriter<T> writer() {
        Probe probe = Probe.get(runId);
        return new SinkWriter<T>() {
            @Override
            public void write(T element, Context context) {
                probe.record(element, System.nanoTime());
                if (delayNanosPerRecord > 0) {
                    LockSupport.parkNanos(delayNanosPerRecord);
                }
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}

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

package io.github.tablestore.flink.tunnel.benchmarks.compat;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink whose writer needs nothing from Flink's init context, Flink 2.2: Flink calls
 * {@code createWriter(WriterInitContext)} (1.x's {@code createWriter(InitContext)} is gone).
 */
public abstract class ContextFreeSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    /** A new writer for one subtask. */
    protected abstract SinkWriter<T> writer();

    @Override
    public final SinkWriter<T> createWriter(WriterInitContext context) {
        return writer();
    }
}

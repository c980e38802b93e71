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

import io.github.tablestore.flink.tunnel.compat.ContextFreeSink;

import org.apache.flink.api.connector.sink2.SinkWriter;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Appends every record to a list shared with the test (MiniCluster runs in the test's JVM). Not
 * transactional: use it where no failure happens between checkpoints (stop-with-savepoint runs).
 */
final class CollectingSink extends ContextFreeSink<String> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, List<String>> LISTS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    CollectingSink() {
        LISTS.put(id, new CopyOnWriteArrayList<>());
    }

    List<String> records() {
        return LISTS.get(id);
    }

    @Override
    protected SinkWriter<String> writer() {
        List<String> list = LISTS.get(id);
        return new SinkWriter<String>() {
            @Override
            public void write(String element, Context ctx) {
                list.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}

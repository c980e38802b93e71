package io.github.tablestore.flink.tunnel.source.it;

import io.github.tablestore.flink.tunnel.compat.ContextFreeSink;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.SinkWriter;

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

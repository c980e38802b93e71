package io.github.tablestore.flink.tunnel.compat;

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

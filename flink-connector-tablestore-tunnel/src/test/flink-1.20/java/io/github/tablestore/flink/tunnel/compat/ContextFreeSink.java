package io.github.tablestore.flink.tunnel.compat;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink whose writer needs nothing from Flink's init context, Flink 1.20: the abstract method is
 * still the deprecated {@code createWriter(InitContext)}; {@code createWriter(WriterInitContext)}
 * is a default method. Both give the same writer.
 */
public abstract class ContextFreeSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    /** A new writer for one subtask. */
    protected abstract SinkWriter<T> writer();

    @Override
    @SuppressWarnings("deprecation")
    public final SinkWriter<T> createWriter(InitContext context) {
        return writer();
    }

    @Override
    public final SinkWriter<T> createWriter(WriterInitContext context) {
        return writer();
    }
}

package io.github.tablestore.flink.tunnel.benchmarks.flink;

import io.github.tablestore.flink.tunnel.benchmarks.compat.ContextFreeSink;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.connector.sink2.SinkWriter;

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

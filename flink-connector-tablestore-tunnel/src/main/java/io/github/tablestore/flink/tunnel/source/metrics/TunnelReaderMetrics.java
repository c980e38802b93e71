package io.github.tablestore.flink.tunnel.source.metrics;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * A reader's tunnel metrics, in the group {@code tunnel}: {@code commitsSucceeded} and {@code
 * commitsFailed} (positions stored in the tunnel), {@code finishedChannels} (channels read to
 * their end). Standard source metrics (numRecordsIn, ...) come from Flink.
 */
@Internal
public final class TunnelReaderMetrics {
    public static final String GROUP = "tunnel";

    private final Counter commitsSucceeded;
    private final Counter commitsFailed;
    private final Counter finishedChannels;

    public TunnelReaderMetrics(MetricGroup readerGroup) {
        MetricGroup group = readerGroup.addGroup(GROUP);
        this.commitsSucceeded = group.counter("commitsSucceeded", new ThreadSafeSimpleCounter());
        this.commitsFailed = group.counter("commitsFailed", new ThreadSafeSimpleCounter());
        this.finishedChannels = group.counter("finishedChannels", new ThreadSafeSimpleCounter());
    }

    public Counter commitsSucceeded() {
        return commitsSucceeded;
    }

    public Counter commitsFailed() {
        return commitsFailed;
    }

    public Counter finishedChannels() {
        return finishedChannels;
    }
}

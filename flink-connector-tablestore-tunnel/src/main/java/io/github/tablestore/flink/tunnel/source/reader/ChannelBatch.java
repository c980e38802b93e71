package io.github.tablestore.flink.tunnel.source.reader;

import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import java.util.List;

/**
 * One ReadRecords answer of a channel, decoded: its records (possibly none), the token after
 * them and whether the channel ended with it. The emitter emits a batch atomically with respect
 * to checkpoints, so split positions always sit at batch boundaries.
 */
public final class ChannelBatch {
    private final String channelId;
    private final List<TunnelRecord> records;
    private final String nextToken;
    private final boolean finished;
    private final int responseBytes;
    private final boolean reachedEnd;

    public ChannelBatch(String channelId, List<TunnelRecord> records, String nextToken, boolean finished) {
        this(channelId, records, nextToken, finished, 0, finished);
    }

    /**
     * @param responseBytes size of the ReadRecords answer (for numBytesIn)
     * @param reachedEnd the read got everything the service had for the channel at that moment
     */
    public ChannelBatch(String channelId, List<TunnelRecord> records, String nextToken, boolean finished,
            int responseBytes, boolean reachedEnd) {
        this.channelId = channelId;
        this.records = records;
        this.nextToken = nextToken;
        this.finished = finished;
        this.responseBytes = responseBytes;
        this.reachedEnd = reachedEnd;
    }

    public String channelId() {
        return channelId;
    }

    public List<TunnelRecord> records() {
        return records;
    }

    public String nextToken() {
        return nextToken;
    }

    public boolean isFinished() {
        return finished;
    }

    public int responseBytes() {
        return responseBytes;
    }

    public boolean reachedEnd() {
        return reachedEnd;
    }

    @Override
    public String toString() {
        return "ChannelBatch{" + channelId + ", " + records.size() + " records" + (finished ? ", finished" : "") + "}";
    }
}

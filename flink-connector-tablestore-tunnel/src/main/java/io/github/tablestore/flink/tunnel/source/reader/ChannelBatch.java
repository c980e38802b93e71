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

    public ChannelBatch(String channelId, List<TunnelRecord> records, String nextToken, boolean finished) {
        this.channelId = channelId;
        this.records = records;
        this.nextToken = nextToken;
        this.finished = finished;
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

    @Override
    public String toString() {
        return "ChannelBatch{" + channelId + ", " + records.size() + " records" + (finished ? ", finished" : "") + "}";
    }
}

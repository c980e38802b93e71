package io.github.tablestore.flink.tunnel.client.model;

import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import java.util.List;
import java.util.Objects;

/** A decoded ReadRecords answer: the records, and the token to read the next batch with. */
public final class RecordBatch {
    private final List<TunnelRecord> records;
    private final String nextToken;
    private final Boolean mayMoreRecord;
    private final int responseBytes;

    public RecordBatch(List<TunnelRecord> records, String nextToken, Boolean mayMoreRecord, int responseBytes) {
        this.records = List.copyOf(records);
        this.nextToken = Objects.requireNonNull(nextToken, "nextToken");
        this.mayMoreRecord = mayMoreRecord;
        this.responseBytes = responseBytes;
    }

    public List<TunnelRecord> records() {
        return records;
    }

    /** Token for the next read, and the position to checkpoint once this batch is processed. */
    public String nextToken() {
        return nextToken;
    }

    /** The channel has been read to its end: {@link #nextToken()} is {@code "finished"}. */
    public boolean isFinished() {
        return ChannelCheckpoint.FINISHED_TOKEN.equals(nextToken);
    }

    /** The server's hint that more data is immediately available, or {@code null} if it gave none. */
    public Boolean mayMoreRecord() {
        return mayMoreRecord;
    }

    /** Size of the (uncompressed) response body in bytes. */
    public int responseBytes() {
        return responseBytes;
    }
}

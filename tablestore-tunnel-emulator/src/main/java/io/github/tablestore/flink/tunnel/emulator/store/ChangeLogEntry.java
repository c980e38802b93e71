package io.github.tablestore.flink.tunnel.emulator.store;

import io.github.tablestore.flink.tunnel.client.record.RecordAction;

/**
 * One change in a stream shard's log, encoded once when written: {@link #frame()} is the complete
 * {@code records} field of a ReadRecords response (tag, length and {@code Record} message with
 * PlainBuffer row, sequence info and origin columns), so serving a batch is concatenating frames.
 */
public final class ChangeLogEntry {
    private final RecordAction action;
    private final long timestampMicros;
    private final byte[] frame;

    public ChangeLogEntry(RecordAction action, long timestampMicros, byte[] frame) {
        this.action = action;
        this.timestampMicros = timestampMicros;
        this.frame = frame;
    }

    public RecordAction action() {
        return action;
    }

    /** Log time of the change (the sequence-info timestamp), µs since the epoch. */
    public long timestampMicros() {
        return timestampMicros;
    }

    /** The pre-encoded {@code ReadRecordsResponse.records} field; never modify. */
    public byte[] frame() {
        return frame;
    }
}

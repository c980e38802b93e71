package io.github.tablestore.flink.tunnel.emulator.store;

import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import java.util.List;

/** One batch of a base-data scan: pre-encoded PUT_ROW frames and where the next batch starts. */
public final class BaseBatch {
    private final List<byte[]> frames;
    private final int bytes;
    private final PrimaryKey next;

    BaseBatch(List<byte[]> frames, int bytes, PrimaryKey next) {
        this.frames = frames;
        this.bytes = bytes;
        this.next = next;
    }

    public List<byte[]> frames() {
        return frames;
    }

    public int bytes() {
        return bytes;
    }

    /** Key of the next row of the span, or {@code null} when the span is fully read. */
    public PrimaryKey next() {
        return next;
    }
}

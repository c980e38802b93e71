package io.github.tablestore.flink.tunnel.emulator.tunnel;

import java.util.List;

/** A ReadRecords answer before serialization: pre-encoded record frames and the next token. */
public final class ReadBatch {
    private final List<byte[]> frames;
    private final int bytes;
    private final String nextToken;
    private final boolean mayMoreRecord;

    ReadBatch(List<byte[]> frames, int bytes, String nextToken, boolean mayMoreRecord) {
        this.frames = frames;
        this.bytes = bytes;
        this.nextToken = nextToken;
        this.mayMoreRecord = mayMoreRecord;
    }

    /** Each a complete {@code ReadRecordsResponse.records} field. */
    public List<byte[]> frames() {
        return frames;
    }

    public int bytes() {
        return bytes;
    }

    public String nextToken() {
        return nextToken;
    }

    /** More records are available right now. */
    public boolean mayMoreRecord() {
        return mayMoreRecord;
    }
}

package io.github.tablestore.flink.tunnel.emulator.tunnel;

/** Limits of one ReadRecords answer. */
public final class TunnelSettings {
    private final int maxRecordsPerRead;
    private final int maxBytesPerRead;

    public TunnelSettings(int maxRecordsPerRead, int maxBytesPerRead) {
        if (maxRecordsPerRead < 1 || maxBytesPerRead < 1) {
            throw new IllegalArgumentException("read limits must be positive");
        }
        this.maxRecordsPerRead = maxRecordsPerRead;
        this.maxBytesPerRead = maxBytesPerRead;
    }

    public int maxRecordsPerRead() {
        return maxRecordsPerRead;
    }

    public int maxBytesPerRead() {
        return maxBytesPerRead;
    }
}

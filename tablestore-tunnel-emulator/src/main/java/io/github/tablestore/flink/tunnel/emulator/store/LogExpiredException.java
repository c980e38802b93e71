package io.github.tablestore.flink.tunnel.emulator.store;

/** A read asked for stream-log entries that retention has already dropped. */
public final class LogExpiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LogExpiredException(String shardId, long wanted, long firstRetained) {
        super("stream log of shard " + shardId + " expired: position " + wanted
                + " is before the oldest retained entry " + firstRetained);
    }
}

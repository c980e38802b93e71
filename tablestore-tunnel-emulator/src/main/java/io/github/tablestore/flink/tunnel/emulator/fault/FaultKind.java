package io.github.tablestore.flink.tunnel.emulator.fault;

/** What an injected fault does to a call. */
public enum FaultKind {
    /** 503 {@code OTSTunnelServerUnavailable}. */
    TUNNEL_SERVER_UNAVAILABLE,
    /** 503 {@code OTSServerBusy}. */
    SERVER_BUSY,
    /** 400 {@code OTSTunnelExpired}. */
    TUNNEL_EXPIRED,
    /** An error with a status and code of the test's choosing. */
    ERROR,
    /** The connection is closed without a response. */
    DROP_CONNECTION,
    /** The call is answered normally, after a delay. */
    LATENCY,
    /**
     * A ReadRecords answer whose records each have one byte flipped, so their PlainBuffer
     * checksums fail: what a client must report as corrupt data. Other calls answer normally.
     */
    CORRUPT_RECORDS
}

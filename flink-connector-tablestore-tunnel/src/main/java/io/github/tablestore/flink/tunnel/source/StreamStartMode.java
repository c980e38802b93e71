package io.github.tablestore.flink.tunnel.source;

/** Where the stream part of a tunnel created by the source begins. */
public enum StreamStartMode {
    /** The oldest change the table's stream log still holds. */
    EARLIEST,
    /** Changes made after the tunnel was created. */
    LATEST,
    /** Changes from a point in time ({@code tunnel.stream.start-timestamp}). */
    TIMESTAMP
}

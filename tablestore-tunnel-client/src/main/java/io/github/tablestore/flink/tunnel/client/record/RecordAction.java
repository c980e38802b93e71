package io.github.tablestore.flink.tunnel.client.record;

/** The change a tunnel record describes. Base-data records are always {@link #PUT_ROW}. */
public enum RecordAction {
    PUT_ROW,
    UPDATE_ROW,
    DELETE_ROW
}

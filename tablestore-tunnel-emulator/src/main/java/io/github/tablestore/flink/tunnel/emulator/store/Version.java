package io.github.tablestore.flink.tunnel.emulator.store;

import io.github.tablestore.flink.tunnel.client.record.ColumnValue;

/** One version of a column: its timestamp (ms) and value. */
final class Version {
    final long timestamp;
    final ColumnValue value;

    Version(long timestamp, ColumnValue value) {
        this.timestamp = timestamp;
        this.value = value;
    }
}

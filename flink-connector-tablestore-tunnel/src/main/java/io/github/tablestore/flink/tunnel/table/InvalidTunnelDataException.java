package io.github.tablestore.flink.tunnel.table;

import org.apache.flink.util.FlinkRuntimeException;

/**
 * A record whose data does not fit the declared table: the message names table, column, channel
 * and primary key, and how to skip such records instead.
 */
public final class InvalidTunnelDataException extends FlinkRuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidTunnelDataException(String message) {
        super(message);
    }
}

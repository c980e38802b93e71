package io.github.tablestore.flink.tunnel.client.record;

/**
 * The type of a {@link ColumnValue}. {@link #INF_MIN}, {@link #INF_MAX} and {@link #AUTO_INCREMENT}
 * are primary-key markers only: range bounds and the "let the server assign it" placeholder.
 */
public enum ValueType {
    INTEGER,
    DOUBLE,
    BOOLEAN,
    STRING,
    BINARY,
    INF_MIN,
    INF_MAX,
    AUTO_INCREMENT;

    /** Whether a primary-key column may hold a value of this type. */
    public boolean allowedInPrimaryKey() {
        return this != DOUBLE && this != BOOLEAN;
    }

    /** Whether an attribute column (a cell) may hold a value of this type. */
    public boolean allowedInCell() {
        return this == INTEGER
                || this == DOUBLE
                || this == BOOLEAN
                || this == STRING
                || this == BINARY;
    }
}

package io.github.tablestore.flink.tunnel.client.record;

/** What a {@link Cell} does to its column. */
public enum CellOperation {
    /** Writes a value (with the cell's timestamp as version, or a server-assigned one). */
    PUT,
    /** Deletes the version at the cell's timestamp. */
    DELETE_ONE_VERSION,
    /** Deletes every version of the column. */
    DELETE_ALL_VERSIONS,
    /** Adds the cell's integer value to the column (UpdateRow requests only). */
    INCREMENT
}

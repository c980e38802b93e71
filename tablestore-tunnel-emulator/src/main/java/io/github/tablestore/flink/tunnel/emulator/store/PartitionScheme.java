package io.github.tablestore.flink.tunnel.emulator.store;

/** How a table's rows route to partitions, by the partition key (first primary-key column). */
public enum PartitionScheme {
    /**
     * Ranges of the partition key's value, as the real service partitions: used when a table is
     * created with split points. Base-data channels then cover contiguous key ranges.
     */
    RANGE,
    /**
     * Ranges of a stable 32-bit hash of the partition key: used when a table is created with a
     * partition count only, so that any test data spreads over all partitions.
     */
    HASH
}

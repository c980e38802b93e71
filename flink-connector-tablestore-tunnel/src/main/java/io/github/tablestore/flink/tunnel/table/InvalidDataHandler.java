package io.github.tablestore.flink.tunnel.table;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails on invalid data, or (with {@code skip-invalid-data}) counts the skipped record in the
 * {@value #METRIC} counter and logs the first few and then every thousandth.
 */
final class InvalidDataHandler {
    private static final Logger LOG = LoggerFactory.getLogger(InvalidDataHandler.class);

    static final String METRIC = "invalidRecordsSkipped";
    private static final int LOGGED_IN_FULL = 10;

    private final boolean skip;
    private final Counter skipped;

    InvalidDataHandler(boolean skip, MetricGroup group) {
        this.skip = skip;
        this.skipped = group.counter(METRIC);
    }

    /**
     * @param problem what is wrong and where (table, column, channel, key)
     * @throws InvalidTunnelDataException unless invalid data is skipped
     */
    void invalid(String problem) {
        if (!skip) {
            throw new InvalidTunnelDataException("Invalid data: " + problem
                    + ". Set 'skip-invalid-data' = 'true' to skip such records.");
        }
        skipped.inc();
        long n = skipped.getCount();
        if (n <= LOGGED_IN_FULL || n % 1000 == 0) {
            LOG.warn("Skipping invalid record #{} ('skip-invalid-data' is on): {}", n, problem);
        }
    }
}

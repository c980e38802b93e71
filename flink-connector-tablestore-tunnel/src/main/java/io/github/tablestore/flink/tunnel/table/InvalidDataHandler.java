/*
 * Copyright 2026 The Tablestore Tunnel Flink connector authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.tablestore.flink.tunnel.table;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails on invalid data, or (with {@code skip-invalid-data}) counts the skipped record in the
 * {@value #METRIC} counter (and, in the source, in Flink's {@code numRecordsInErrors}) and logs
 * the first few and then every thousandth.
 */
@Internal
public final class InvalidDataHandler {
    private static final Logger LOG = LoggerFactory.getLogger(InvalidDataHandler.class);

    static final String METRIC = "invalidRecordsSkipped";
    private static final int LOGGED_IN_FULL = 10;

    private final boolean skip;
    private final Counter skipped;

    /** Flink's numRecordsInErrors of the source reader, or null outside a source. */
    private final Counter errors;

    public InvalidDataHandler(boolean skip, MetricGroup group) {
        this(skip, group, null);
    }

    /**
     * @param errors the source reader's {@code numRecordsInErrors} (FLIP-33), which also counts
     *     the skipped records; null where there is none (an operator after the source)
     */
    InvalidDataHandler(boolean skip, MetricGroup group, Counter errors) {
        this.skip = skip;
        this.skipped = group.counter(METRIC);
        this.errors = errors;
    }

    /**
     * @param problem what is wrong and where (table, column, channel, key)
     * @throws InvalidTunnelDataException unless invalid data is skipped
     */
    public void invalid(String problem) {
        if (!skip) {
            throw new InvalidTunnelDataException(
                    "Invalid data: "
                            + problem
                            + ". Set 'skip-invalid-data' = 'true' to skip such records.");
        }
        skipped.inc();
        if (errors != null) {
            errors.inc();
        }
        long n = skipped.getCount();
        if (n <= LOGGED_IN_FULL || n % 1000 == 0) {
            LOG.warn("Skipping invalid record #{} ('skip-invalid-data' is on): {}", n, problem);
        }
    }
}

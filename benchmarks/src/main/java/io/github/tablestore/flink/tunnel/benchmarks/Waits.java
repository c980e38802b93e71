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

package io.github.tablestore.flink.tunnel.benchmarks;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a contender to deliver, in every part of the suite. */
public final class Waits {
    /**
     * How often a condition is checked. Polling is deliberate: the conditions are counters that
     * the contenders bump on every record, and a signal per record would cost CPU inside the
     * measured window, while a check every few milliseconds costs nothing measurable. Results
     * never depend on when the wait notices: rates are taken from the records' own timestamps.
     */
    private static final long POLL_MILLIS = 5;

    private Waits() {}

    /** Returns once {@code condition} holds; false if it still does not after {@code timeout}. */
    public static boolean until(BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }
}

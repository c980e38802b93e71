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

package io.github.tablestore.flink.tunnel.source.util;

import org.apache.flink.annotation.Internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: {@code initial × multiplier^n}, capped, each delay scaled by a
 * random factor in [0.75, 1.25]. Not thread-safe; one per channel or loop.
 */
@Internal
public final class Backoff {
    private final long initialMillis;
    private final double multiplier;
    private final long maxMillis;
    private long current;

    public Backoff(long initialMillis, double multiplier, long maxMillis) {
        if (initialMillis <= 0 || multiplier < 1 || maxMillis < initialMillis) {
            throw new IllegalArgumentException(
                    "Bad backoff "
                            + initialMillis
                            + "ms x"
                            + multiplier
                            + " up to "
                            + maxMillis
                            + "ms");
        }
        this.initialMillis = initialMillis;
        this.multiplier = multiplier;
        this.maxMillis = maxMillis;
        this.current = initialMillis;
    }

    /** The next delay (jittered), then grows the base towards the cap. */
    public long nextDelayMillis() {
        long base = current;
        current = (long) Math.min(maxMillis, Math.max(current + 1, current * multiplier));
        return jitter(base);
    }

    /** Back to the initial delay, e.g. after a full read or a success. */
    public void reset() {
        current = initialMillis;
    }

    /** The un-jittered delay the next call starts from. */
    public long currentBaseMillis() {
        return current;
    }

    /** {@code millis} scaled by a random factor in [0.75, 1.25]. */
    public static long jitter(long millis) {
        double factor = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Math.max(1, Math.round(millis * factor));
    }
}

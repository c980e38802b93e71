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

package io.github.tablestore.flink.tunnel.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries transient failures of idempotent calls (ListTunnel, DescribeTunnel,
 * ReadRecords, GetCheckpoint, DescribeTable, DescribeStream): exponential backoff with jitter,
 * bounded both by a number of attempts and by the time since the first attempt started. Other
 * calls are never retried by the client. Immutable.
 *
 * <p>The wait before retry {@code n} (n = 1 after the first failure) is {@code b * (1 - jitter *
 * r)} with {@code b = min(maxBackoff, initialBackoff * multiplier^(n-1))} and {@code r} uniform in
 * [0, 1): jitter 1 is "full jitter" (anywhere in [0, b]), 0 is none, values between are partial.
 * A retry whose wait would end after {@code maxElapsed} is not made; the last failure is thrown.
 */
public final class RetryPolicy {
    private static final Duration LONGEST = Duration.ofDays(365);
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxElapsed;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxElapsed = b.maxElapsed;
    }

    /**
     * 10 attempts, backoff 100 ms doubling up to 3 s, jitter 0.5, at most 60 s in all (well inside
     * the service's 300 s default heartbeat timeout).
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt: every failure is thrown at once. */
    public static RetryPolicy none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Attempts in all, the first included; 1 means no retries. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public double multiplier() {
        return multiplier;
    }

    /** Fraction of each backoff that is randomised away: 0 none, 1 full jitter. */
    public double jitter() {
        return jitter;
    }

    /** Time from the start of the first attempt after which no retry starts. */
    public Duration maxElapsed() {
        return maxElapsed;
    }

    /**
     * The wait before retry number {@code retry} (1-based) for a random draw {@code random} in [0,
     * 1). Pure; the client passes a fresh uniform random number.
     */
    public Duration backoff(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be >= 1: " + retry);
        }
        if (!(random >= 0.0 && random < 1.0)) {
            throw new IllegalArgumentException("random must be in [0, 1): " + random);
        }
        double base = initialBackoff.toNanos() * Math.pow(multiplier, retry - 1);
        double capped = Math.min(base, (double) maxBackoff.toNanos());
        return Duration.ofNanos((long) (capped * (1.0 - jitter * random)));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RetryPolicy)) {
            return false;
        }
        RetryPolicy that = (RetryPolicy) o;
        return maxAttempts == that.maxAttempts
                && Double.compare(multiplier, that.multiplier) == 0
                && Double.compare(jitter, that.jitter) == 0
                && initialBackoff.equals(that.initialBackoff)
                && maxBackoff.equals(that.maxBackoff)
                && maxElapsed.equals(that.maxElapsed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, maxElapsed);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts="
                + maxAttempts
                + ", initialBackoff="
                + initialBackoff
                + ", maxBackoff="
                + maxBackoff
                + ", multiplier="
                + multiplier
                + ", jitter="
                + jitter
                + ", maxElapsed="
                + maxElapsed
                + "}";
    }

    /** Builder of {@link RetryPolicy}; starts from the defaults. */
    public static final class Builder {
        private int maxAttempts = 10;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(3);
        private double multiplier = 2.0;
        private double jitter = 0.5;
        private Duration maxElapsed = Duration.ofSeconds(60);

        private Builder() {}

        private Builder(RetryPolicy p) {
            this.maxAttempts = p.maxAttempts;
            this.initialBackoff = p.initialBackoff;
            this.maxBackoff = p.maxBackoff;
            this.multiplier = p.multiplier;
            this.jitter = p.jitter;
            this.maxElapsed = p.maxElapsed;
        }

        /** Attempts in all, at least 1. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Wait before the first retry; zero or more. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
            return this;
        }

        /** Upper bound of any wait; at least {@code initialBackoff}. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
            return this;
        }

        /** Growth factor of the wait per retry; at least 1. */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /** Fraction of each wait that is random, in [0, 1]: 1 is full jitter. */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /** No retry starts after this much time since the first attempt; positive. */
        public Builder maxElapsed(Duration maxElapsed) {
            this.maxElapsed = Objects.requireNonNull(maxElapsed, "maxElapsed");
            return this;
        }

        public RetryPolicy build() {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException(
                        "maxAttempts must be at least 1: " + maxAttempts);
            }
            if (initialBackoff.isNegative()) {
                throw new IllegalArgumentException(
                        "initialBackoff must not be negative: " + initialBackoff);
            }
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "maxBackoff ("
                                + maxBackoff
                                + ") must not be less than initialBackoff ("
                                + initialBackoff
                                + ")");
            }
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException(
                        "multiplier must be a finite number >= 1: " + multiplier);
            }
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter must be in [0, 1]: " + jitter);
            }
            if (maxElapsed.isNegative() || maxElapsed.isZero()) {
                throw new IllegalArgumentException("maxElapsed must be positive: " + maxElapsed);
            }
            // Keeps all arithmetic in long nanoseconds.
            if (maxBackoff.compareTo(LONGEST) > 0 || maxElapsed.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException(
                        "maxBackoff and maxElapsed must be at most " + LONGEST);
            }
            return new RetryPolicy(this);
        }
    }
}

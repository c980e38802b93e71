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

package io.github.tablestore.flink.tunnel.client.internal;

import io.github.tablestore.flink.tunnel.client.RetryPolicy;
import io.github.tablestore.flink.tunnel.client.TablestoreException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Runs a call's attempts under a {@link RetryPolicy}: retryable failures of idempotent operations
 * are retried after a backoff; everything else is thrown at once. Waiting is interruptible: an
 * interrupt ends the loop with {@code ClientInterrupted}, the interrupt flag set again.
 */
final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** Waits; {@link Thread#sleep} in production, something controllable in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /** One attempt of a call. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(int attemptNumber);
    }

    private final RetryPolicy policy;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    Retrier(RetryPolicy policy, LongSupplier nanoClock, Sleeper sleeper, DoubleSupplier random) {
        this.policy = policy;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.random = random;
    }

    static void sleepNanos(long nanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(nanos);
    }

    <T> T run(Operation op, Attempt<T> attempt) {
        long start = nanoClock.getAsLong();
        long budget = policy.maxElapsed().toNanos();
        for (int n = 1; ; n++) {
            if (Thread.currentThread().isInterrupted()) {
                throw ErrorResponses.interrupted(op, "before attempt " + n, null);
            }
            try {
                return attempt.run(n);
            } catch (TablestoreException e) {
                if (!op.idempotent() || !e.isRetryable() || n >= policy.maxAttempts()) {
                    throw e;
                }
                long delay = policy.backoff(n, random.getAsDouble()).toNanos();
                long elapsed = nanoClock.getAsLong() - start;
                if (elapsed + delay > budget) {
                    LOG.debug(
                            "{} not retried: {} ms elapsed + {} ms backoff exceed {}",
                            op.path(),
                            elapsed / 1_000_000,
                            delay / 1_000_000,
                            policy.maxElapsed());
                    throw e;
                }
                LOG.debug(
                        "{} attempt {} failed with {} (request id {}); retrying in {} ms",
                        op.path(),
                        n,
                        e.errorCode(),
                        e.requestId(),
                        delay / 1_000_000);
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    TablestoreException interrupted =
                            ErrorResponses.interrupted(
                                    op, "while waiting to retry after " + e.errorCode(), ie);
                    interrupted.addSuppressed(e);
                    throw interrupted;
                }
            }
        }
    }
}

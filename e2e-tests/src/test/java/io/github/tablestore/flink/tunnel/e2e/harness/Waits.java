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

package io.github.tablestore.flink.tunnel.e2e.harness;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Waiting for a condition by polling it, with a deadline; never a fixed sleep. */
public final class Waits {
    private static final long POLL_MILLIS = 100;

    private Waits() {}

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        value(
                what,
                timeout,
                () ->
                        Boolean.TRUE.equals(condition.call())
                                ? Optional.of(Boolean.TRUE)
                                : Optional.empty());
    }

    /**
     * Polls {@code probe} until it returns a value. An exception from the probe counts as "not
     * yet" (a process that is still starting refuses connections); the last one is attached to the
     * timeout failure.
     */
    public static <T> T value(String what, Duration timeout, Callable<Optional<T>> probe) {
        return value(what, timeout, probe, () -> "");
    }

    /** As {@link #value(String, Duration, Callable)}, adding {@code detail} to the failure message. */
    public static <T> T value(
            String what, Duration timeout, Callable<Optional<T>> probe, Supplier<String> detail) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                Optional<T> v = probe.call();
                if (v.isPresent()) {
                    return v.get();
                }
                last = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                String extra = detail.get();
                AssertionError failure =
                        new AssertionError(
                                "Timed out after "
                                        + timeout.toSeconds()
                                        + " s waiting for "
                                        + what
                                        + (extra.isEmpty() ? "" : ": " + extra));
                if (last != null) {
                    failure.initCause(last);
                }
                throw failure;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS); // the polling interval of a deadline wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }
}

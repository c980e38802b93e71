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

import io.github.tablestore.flink.tunnel.client.ErrorCodes;
import io.github.tablestore.flink.tunnel.client.RetryPolicy;
import io.github.tablestore.flink.tunnel.client.TablestoreException;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The retry loop on a simulated clock: exact waits, attempt and time bounds, interrupts. */
class RetrierTest {
    private final AtomicLong now = new AtomicLong();
    private final List<Long> sleeps = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    private Retrier retrier(RetryPolicy policy) {
        return new Retrier(
                policy,
                now::get,
                nanos -> {
                    sleeps.add(nanos);
                    now.addAndGet(nanos);
                },
                () -> 0.5);
    }

    private static TablestoreException busy(int n) {
        return new TablestoreException("OTSServerBusy", null, 503, "req-" + n, true, null);
    }

    private <T> Retrier.Attempt<T> failing() {
        return n -> {
            attempts.incrementAndGet();
            throw busy(n);
        };
    }

    private static final RetryPolicy POLICY =
            RetryPolicy.builder()
                    .maxAttempts(6)
                    .initialBackoff(Duration.ofMillis(100))
                    .maxBackoff(Duration.ofMillis(500))
                    .multiplier(2)
                    .jitter(0.5)
                    .maxElapsed(Duration.ofSeconds(10))
                    .build();

    @Test
    void waitsFollowThePolicyAndTheLastFailureIsThrown() {
        TablestoreException e =
                catchThrowableOfType(
                        TablestoreException.class,
                        () -> retrier(POLICY).run(Operation.READ_RECORDS, failing()));
        assertThat(attempts).hasValue(6);
        assertThat(e.requestId()).isEqualTo("req-6");
        // random 0.5 with jitter 0.5 takes a quarter off each wait
        assertThat(sleeps)
                .containsExactly(
                        75_000_000L, 150_000_000L, 300_000_000L, 375_000_000L, 375_000_000L);
    }

    @Test
    void succeedsOnALaterAttempt() {
        String result =
                retrier(POLICY)
                        .run(
                                Operation.LIST_TUNNEL,
                                n -> {
                                    if (n < 3) {
                                        throw busy(n);
                                    }
                                    return "ok@" + n;
                                });
        assertThat(result).isEqualTo("ok@3");
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void elapsedBudgetIsRespected() {
        RetryPolicy tight =
                POLICY.toBuilder()
                        .maxAttempts(100)
                        .jitter(0)
                        .maxElapsed(Duration.ofMillis(1000))
                        .build();
        // Each attempt takes 50 ms of simulated time.
        Retrier.Attempt<String> slow =
                n -> {
                    attempts.incrementAndGet();
                    now.addAndGet(50_000_000L);
                    throw busy(n);
                };
        catchThrowableOfType(
                TablestoreException.class, () -> retrier(tight).run(Operation.READ_RECORDS, slow));
        // 50 +100 +50 +200 +50 +400 +50 = 900; the next wait (500) would end at 1400 > 1000.
        assertThat(attempts).hasValue(4);
        assertThat(now.get()).isLessThanOrEqualTo(1_000_000_000L);
    }

    @Test
    void nonIdempotentAndNonRetryableFailuresAreThrownAtOnce() {
        catchThrowableOfType(
                TablestoreException.class,
                () -> retrier(POLICY).run(Operation.HEARTBEAT, failing()));
        assertThat(attempts).hasValue(1);
        TablestoreException fatal =
                new TablestoreException("OTSParameterInvalid", null, 400, "r", false, null);
        TablestoreException e =
                catchThrowableOfType(
                        TablestoreException.class,
                        () ->
                                retrier(POLICY)
                                        .run(
                                                Operation.READ_RECORDS,
                                                n -> {
                                                    attempts.incrementAndGet();
                                                    throw fatal;
                                                }));
        assertThat(e).isSameAs(fatal);
        assertThat(attempts).hasValue(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void interruptedWaitEndsTheLoopAndRestoresTheFlag() {
        Retrier interrupted =
                new Retrier(
                        POLICY,
                        now::get,
                        nanos -> {
                            throw new InterruptedException();
                        },
                        () -> 0.0);
        try {
            TablestoreException e =
                    catchThrowableOfType(
                            TablestoreException.class,
                            () -> interrupted.run(Operation.READ_RECORDS, failing()));
            assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_INTERRUPTED);
            assertThat(e.getSuppressed())
                    .singleElement()
                    .satisfies(
                            s ->
                                    assertThat(((TablestoreException) s).errorCode())
                                            .isEqualTo("OTSServerBusy"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(attempts).hasValue(1);
        } finally {
            Thread.interrupted();
        }
    }
}

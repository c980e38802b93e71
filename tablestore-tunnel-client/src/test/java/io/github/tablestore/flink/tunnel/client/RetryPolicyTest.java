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

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private static final RetryPolicy EXACT =
            RetryPolicy.builder()
                    .initialBackoff(Duration.ofMillis(100))
                    .maxBackoff(Duration.ofSeconds(1))
                    .multiplier(2)
                    .jitter(0)
                    .build();

    @Test
    void backoffGrowsByTheMultiplierUpToTheCap() {
        assertThat(EXACT.backoff(1, 0.7)).isEqualTo(Duration.ofMillis(100));
        assertThat(EXACT.backoff(2, 0.7)).isEqualTo(Duration.ofMillis(200));
        assertThat(EXACT.backoff(4, 0.7)).isEqualTo(Duration.ofMillis(800));
        assertThat(EXACT.backoff(5, 0.7)).isEqualTo(Duration.ofSeconds(1));
        assertThat(EXACT.backoff(500, 0.7)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void fullJitterSpansZeroToTheBackoffAndPartialJitterKeepsAFloor() {
        RetryPolicy full = EXACT.toBuilder().jitter(1).build();
        assertThat(full.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(full.backoff(2, 0.75)).isEqualTo(Duration.ofMillis(50));
        RetryPolicy partial = EXACT.toBuilder().jitter(0.5).build();
        assertThat(partial.backoff(2, 0.999999)).isGreaterThan(Duration.ofMillis(100));
    }

    @Property
    void backoffStaysWithinItsBounds(
            @ForAll @IntRange(min = 1, max = 100) int retry,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double random,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double jitter,
            @ForAll @DoubleRange(min = 1.0, max = 10.0) double multiplier) {
        RetryPolicy p =
                RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofSeconds(2))
                        .multiplier(multiplier)
                        .jitter(jitter)
                        .build();
        Duration d = p.backoff(retry, random);
        double base = Math.min(10_000_000 * Math.pow(multiplier, retry - 1), 2_000_000_000);
        assertThat(d.toNanos()).isBetween((long) (base * (1 - jitter)) - 1, (long) base);
    }

    @Test
    void defaultsAndNone() {
        RetryPolicy d = RetryPolicy.defaults();
        assertThat(d.maxAttempts()).isEqualTo(10);
        assertThat(d.initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(d.maxBackoff()).isEqualTo(Duration.ofSeconds(3));
        assertThat(d.maxElapsed()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(d.toBuilder().build()).isEqualTo(d).hasSameHashCodeAs(d);
    }

    @Test
    void invalidSettingsAreNamed() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(
                        () -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)).build())
                .hasMessageContaining("initialBackoff");
        assertThatThrownBy(
                        () ->
                                RetryPolicy.builder()
                                        .initialBackoff(Duration.ofSeconds(5))
                                        .maxBackoff(Duration.ofSeconds(1))
                                        .build())
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5).build())
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(Double.NaN).build())
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build())
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryPolicy.builder().maxElapsed(Duration.ZERO).build())
                .hasMessageContaining("maxElapsed");
        assertThatThrownBy(() -> RetryPolicy.builder().maxElapsed(Duration.ofDays(400)).build())
                .hasMessageContaining("maxElapsed");
        assertThatThrownBy(() -> EXACT.backoff(0, 0.5)).hasMessageContaining("retry");
        assertThatThrownBy(() -> EXACT.backoff(1, 1.0)).hasMessageContaining("random");
    }
}

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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void growsByTheMultiplierUpToTheCapWithJitter() {
        Backoff b = new Backoff(10, 5, 2000);
        long[] bases = {10, 50, 250, 1250, 2000, 2000};
        for (long base : bases) {
            assertThat(b.currentBaseMillis()).isEqualTo(base);
            long d = b.nextDelayMillis();
            assertThat(d).isBetween((long) Math.floor(base * 0.75), (long) Math.ceil(base * 1.25));
        }
        b.reset();
        assertThat(b.currentBaseMillis()).isEqualTo(10);
    }

    @Test
    void jitterStaysWithinAQuarter() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Backoff.jitter(1000)).isBetween(750L, 1250L);
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(0, 2, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(10, 0.5, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(10, 2, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

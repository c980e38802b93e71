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

package io.github.tablestore.flink.tunnel.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The emulator's notion of now: a time source (the system clock unless a test injects another)
 * plus an offset that tests advance. It drives lease expiry, stream-log retention and record
 * timestamps.
 *
 * <p>The {@code x-ots-date} skew check compares request dates with the time source alone
 * ({@link #sourceMillis()}): clients stamp requests with their own wall clock, so advancing the
 * emulator by days must not make every request fail authentication.
 */
public final class EmulatorClock {
    private final LongSupplier source;
    private final AtomicLong offsetMillis = new AtomicLong();

    private EmulatorClock(LongSupplier source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** A clock on {@link System#currentTimeMillis()}. */
    public static EmulatorClock system() {
        return new EmulatorClock(System::currentTimeMillis);
    }

    /** A clock on a custom time source in ms since the epoch (e.g. a fixed time for tests). */
    public static EmulatorClock of(LongSupplier sourceMillis) {
        return new EmulatorClock(sourceMillis);
    }

    /** Now, in ms since the epoch: the source plus the offset. */
    public long millis() {
        return source.getAsLong() + offsetMillis.get();
    }

    /** Now, in µs since the epoch (ms resolution). */
    public long micros() {
        return millis() * 1000L;
    }

    /** The time source without the offset, ms since the epoch. */
    public long sourceMillis() {
        return source.getAsLong();
    }

    /** Moves the emulator's time forward. */
    public void advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, got " + by);
        }
        offsetMillis.addAndGet(by.toMillis());
    }

    /** How far the emulator's time is ahead of its source. */
    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    @Override
    public String toString() {
        return "EmulatorClock{offset=" + offset() + "}";
    }
}

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

package io.github.tablestore.flink.tunnel.source.reader;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The pacing rules, with the jitter fixed at its middle (factor 1) and a hand-moved clock. */
class StreamPacerTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final StreamPacer pacer = new StreamPacer(2_000, () -> 0.5);
    private long now = 1_000_000 * MS;

    private long after(String channel, int records, boolean full) {
        return pacer.afterRead(channel, now, records, full);
    }

    /** Pause in ms before the next read. */
    private long pause(String channel, int records) {
        return (after(channel, records, false) - now) / MS;
    }

    private void advance(long ms) {
        now += ms * MS;
    }

    @Test
    void fullReadsAreFollowedAtOnce() {
        pacer.add("a");
        assertThat(after("a", 1000, true)).isEqualTo(now);
        assertThat(after("a", 0, true)).isEqualTo(now);
    }

    @Test
    void aChannelWithChangesIsReadEvery200MsAndGoesIdleAfterASecondWithout() {
        pacer.add("a");
        assertThat(pause("a", 3)).isEqualTo(200);
        advance(200);
        assertThat(pause("a", 0)).isEqualTo(200); // still within a second of the last change
        advance(900);
        // Quiet for over a second: idle, read once per max backoff.
        assertThat(pause("a", 0)).isEqualTo(2000);
        assertThat(pacer.idleChannels()).isEqualTo(1);
        advance(2000);
        assertThat(pause("a", 0)).isEqualTo(2000);
        // Changes again: active at once.
        advance(2000);
        assertThat(pause("a", 1)).isEqualTo(200);
        assertThat(pacer.idleChannels()).isZero();
    }

    @Test
    void aNewChannelWithoutChangesIsIdleFromItsFirstRead() {
        pacer.add("a");
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long p = pause("a", 0);
            pauses.add(p);
            advance(p);
        }
        assertThat(pauses).containsExactly(2000L, 2000L, 2000L, 2000L);
    }

    @Test
    void anIdleChannelAmongActiveOnesIsStillReadOnlyOncePerMaxBackoff() {
        for (String id : List.of("a", "b", "c", "d")) {
            pacer.add(id);
        }
        // "a" never has changes; the others do, all the time.
        List<Long> idleReads = new ArrayList<>();
        long nextA = now;
        long end = now + 20_000 * MS;
        while (now < end) {
            for (String id : List.of("b", "c", "d")) {
                after(id, 1, false);
            }
            if (now >= nextA) {
                idleReads.add(now);
                nextA = after("a", 0, false);
            }
            advance(100);
        }
        for (int i = 2; i < idleReads.size(); i++) {
            assertThat((idleReads.get(i) - idleReads.get(i - 1)) / MS).isBetween(2000L, 2100L);
        }
        assertThat(pacer.takeWoken()).isEmpty(); // "a" never had changes: never woken
    }

    @Test
    void idleChannelsAreReadInAnEvenRotationOncePerMaxBackoffEach() {
        List<String> ids = List.of("a", "b", "c", "d");
        for (String id : ids) {
            pacer.add(id);
        }
        long[] next = new long[4];
        for (int i = 0; i < 4; i++) {
            next[i] = now;
        }
        List<long[]> reads = new ArrayList<>(); // {channel, time}
        long end = now + 60_000 * MS;
        while (true) {
            int due = 0;
            for (int i = 1; i < 4; i++) {
                if (next[i] < next[due]) {
                    due = i;
                }
            }
            if (next[due] > end) {
                break;
            }
            now = next[due];
            reads.add(new long[] {due, now});
            next[due] = after(ids.get(due), 0, false);
        }
        assertThat(pacer.idleChannels()).isEqualTo(4);
        // In the last 30 s (well after the ramp): reads are 500 ms apart, each channel every 2 s.
        List<Long> times = new ArrayList<>();
        for (long[] r : reads) {
            if (r[1] > end - 30_000 * MS) {
                times.add(r[1]);
            }
        }
        assertThat(times.size()).isBetween(59, 61); // 4 channels × 30 s / 2 s
        for (int i = 1; i < times.size(); i++) {
            assertThat((times.get(i) - times.get(i - 1)) / MS).isEqualTo(500);
        }
    }

    @Test
    void changesAfterAQuietSpellWakeTheChannelsThatHadChangesRecently() {
        for (String id : List.of("a", "b", "c", "cold")) {
            pacer.add(id);
        }
        pause("a", 1);
        pause("b", 1);
        pause("c", 1);
        pause("cold", 0);
        assertThat(pacer.takeWoken()).isEmpty(); // the reader was quiet only before "a"
        advance(10_000);
        pause("b", 0);
        pause("c", 0);
        // "a" has changes after 10 s of quiet: "b" and "c" (changes a minute ago at most) are read
        // now.
        assertThat(pause("a", 5)).isEqualTo(200);
        assertThat(pacer.takeWoken()).containsExactlyInAnyOrder("b", "c");
        assertThat(pacer.takeWoken()).isEmpty();
        // While the reader is active, a recently active channel keeps the short pause even when
        // empty.
        advance(100);
        assertThat(pause("b", 0)).isEqualTo(200);
        // A channel that never had changes is not pulled along.
        assertThat(pause("cold", 0)).isGreaterThan(200);
        // Changes while the reader is already active wake nobody.
        assertThat(pause("c", 2)).isEqualTo(200);
        assertThat(pacer.takeWoken()).isEmpty();
    }

    @Test
    void channelsThatHadChangesLongAgoAreNotWoken() {
        pacer.add("a");
        pacer.add("b");
        pause("b", 1);
        advance(61_000);
        pause("a", 1);
        assertThat(pacer.takeWoken()).isEmpty();
    }

    @Test
    void removedChannelsLeaveTheRotation() {
        pacer.add("a");
        advance(pause("a", 0));
        assertThat(pacer.idleChannels()).isEqualTo(1);
        pacer.remove("a");
        assertThat(pacer.idleChannels()).isZero();
    }

    @Test
    void aSmallMaxBackoffCapsEveryPause() {
        StreamPacer tight = new StreamPacer(150, () -> 0.5);
        tight.add("a");
        assertThat((tight.afterRead("a", now, 1, false) - now) / MS).isEqualTo(150);
        assertThat((tight.afterRead("a", now + 2_000 * MS, 0, false) - now - 2_000 * MS) / MS)
                .isEqualTo(150);
    }

    @Test
    void pausesAreJitteredByAQuarter() {
        StreamPacer low = new StreamPacer(2_000, () -> 0.0);
        StreamPacer high = new StreamPacer(2_000, () -> 0.999_999);
        assertThat((low.afterRead("a", now, 1, false) - now) / MS).isEqualTo(150);
        assertThat((high.afterRead("a", now, 1, false) - now) / MS).isEqualTo(249);
    }
}

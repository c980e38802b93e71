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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Decides when each stream channel of one reader is read next. The service has no long poll, so
 * latency is the pause between reads; the aim is a short pause while changes are flowing and no
 * more reads than the SDK's on idle channels.
 *
 * <ul>
 *   <li>A full read (the service says more is waiting) is followed by the next read at once.
 *   <li>A channel that returned changes in the last second is <em>active</em>: read every
 *       {@value #ACTIVE_INTERVAL_MS} ms. So is a channel that returned changes in the last
 *       minute while another channel of this reader did in the last second (writes to a table
 *       usually reach many partitions).
 *   <li>Any other channel is <em>idle</em> and joins the reader's rotation: idle reads are spread
 *       evenly, at least {@code maxBackoff / stream channels} apart, and each idle channel is read
 *       once per max backoff on average — the SDK's idle rate, but new data on any idle channel is
 *       seen within {@code maxBackoff / stream channels}.
 *   <li>When a read returns changes while no channel of the reader had any in the last second,
 *       every channel that had changes in the last minute is read at once (a burst of writes
 *       reaches them all); channels that never had changes are left alone.
 * </ul>
 *
 * Every pause is jittered by 0.75–1.25. Times are {@link System#nanoTime()} values. Fetcher
 * thread only; not thread-safe.
 */
final class StreamPacer {
    static final long ACTIVE_INTERVAL_MS = 200;
    static final long ACTIVE_WINDOW_MS = 1_000;
    static final long WARM_WINDOW_MS = 60_000;
    private static final long NONE = Long.MIN_VALUE;

    private final long activeNanos;
    private final long maxNanos;
    private final long activeWindowNanos = TimeUnit.MILLISECONDS.toNanos(ACTIVE_WINDOW_MS);
    private final long warmWindowNanos = TimeUnit.MILLISECONDS.toNanos(WARM_WINDOW_MS);
    private final DoubleSupplier random;
    private final Map<String, Pace> channels = new HashMap<>();
    private final List<String> woken = new ArrayList<>();

    /** The last time any channel of this reader returned changes. */
    private long lastDataNanos = NONE;

    /** The latest read time handed to an idle channel; the next one is spaced after it. */
    private long lastIdleSlot = NONE;

    private int idleChannels;

    StreamPacer(long maxBackoffMs) {
        this(maxBackoffMs, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random uniform in [0, 1), for the jitter */
    StreamPacer(long maxBackoffMs, DoubleSupplier random) {
        this.maxNanos = TimeUnit.MILLISECONDS.toNanos(maxBackoffMs);
        this.activeNanos = Math.min(maxNanos, TimeUnit.MILLISECONDS.toNanos(ACTIVE_INTERVAL_MS));
        this.random = random;
    }

    /** A new stream channel: read it at once. */
    void add(String channelId) {
        channels.putIfAbsent(channelId, new Pace());
    }

    /** The channel is no longer read (finished, released, removed). */
    void remove(String channelId) {
        Pace p = channels.remove(channelId);
        if (p != null) {
            leaveIdle(p);
        }
    }

    /**
     * After a read of a stream channel: when it may be read next.
     *
     * @param records how many records the read returned
     * @param full whether more records are waiting (read again at once)
     */
    long afterRead(String channelId, long now, int records, boolean full) {
        Pace p = channels.computeIfAbsent(channelId, id -> new Pace());
        boolean readerActive = within(lastDataNanos, now, activeWindowNanos);
        if (records > 0 || full) {
            leaveIdle(p);
            if (records > 0) {
                p.lastDataNanos = now;
                lastDataNanos = now;
                if (!readerActive) {
                    wakeWarmChannels(p, now);
                }
            }
            return full ? now : now + jitter(activeNanos);
        }
        if (within(p.lastDataNanos, now, activeWindowNanos)
                || (readerActive && within(p.lastDataNanos, now, warmWindowNanos))) {
            leaveIdle(p);
            return now + jitter(activeNanos);
        }
        return idleSlot(p, now);
    }

    /** Channels to read at once, found by the last {@link #afterRead}; the list is cleared. */
    List<String> takeWoken() {
        if (woken.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(woken);
        woken.clear();
        return out;
    }

    /** Idle channels in the rotation now, for tests. */
    int idleChannels() {
        return idleChannels;
    }

    private void wakeWarmChannels(Pace source, long now) {
        for (Map.Entry<String, Pace> e : channels.entrySet()) {
            Pace q = e.getValue();
            if (q != source && within(q.lastDataNanos, now, warmWindowNanos)) {
                leaveIdle(q);
                woken.add(e.getKey());
            }
        }
    }

    /**
     * The channel's next place in the rotation: after the latest idle read handed out, by
     * {@code maxBackoff / stream channels}, and no sooner than one max backoff after its own
     * previous idle read.
     */
    private long idleSlot(Pace p, long now) {
        long slot =
                (lastIdleSlot == NONE ? now : Math.max(now, lastIdleSlot))
                        + jitter(maxNanos / channels.size());
        if (p.idle) {
            slot = Math.max(slot, p.previousSlot + jitter(maxNanos));
        } else {
            p.idle = true;
            idleChannels++;
        }
        p.previousSlot = slot;
        lastIdleSlot = lastIdleSlot == NONE ? slot : Math.max(lastIdleSlot, slot);
        return slot;
    }

    private void leaveIdle(Pace p) {
        if (p.idle) {
            p.idle = false;
            idleChannels--;
        }
    }

    private long jitter(long nanos) {
        return Math.max(1, Math.round(nanos * (0.75 + 0.5 * random.getAsDouble())));
    }

    private static boolean within(long since, long now, long window) {
        return since != NONE && now - since < window;
    }

    private static final class Pace {
        long lastDataNanos = NONE;
        boolean idle;

        /** The read time last handed out to this channel as an idle one. */
        long previousSlot;
    }
}

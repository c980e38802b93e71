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

package io.github.tablestore.flink.tunnel.benchmarks.throughput;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.plainbuffer.ColumnFilter;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The serving-rate upper bound: this project's client in a tight ReadRecords loop, no pauses,
 * either without decoding (the framing only) or decoding every record as a reader does ({@code
 * readBatch}, all columns, every checksum verified) — the floor of a reader's CPU per record.
 * Threads (one per channel, at most {@code maxThreads}) each take a channel and read
 * it until it is finished (base data) or a read comes back empty (a stream backlog read to its
 * end), then take the next channel.
 */
public final class RawReadLoop {
    private RawReadLoop() {}

    /** Result of a raw run: the measurement plus the record bytes, to turn rates into MB/s. */
    public static final class Result {
        public final Measurement measurement;
        public final long recordBytes;

        Result(Measurement measurement, long recordBytes) {
            this.measurement = measurement;
            this.recordBytes = recordBytes;
        }
    }

    public static Result run(TunnelClient client, String tunnelId, int maxThreads)
            throws Exception {
        return run(client, tunnelId, maxThreads, false);
    }

    /** @param decode whether to decode the records too ({@code readBatch}, all columns) */
    public static Result run(TunnelClient client, String tunnelId, int maxThreads, boolean decode)
            throws Exception {
        long start = System.nanoTime();
        String clientId = client.connect(tunnelId, 300, "bench-raw");
        try {
            List<ChannelState> channels = client.heartbeat(tunnelId, clientId, List.of());
            ConcurrentLinkedQueue<String[]> todo = new ConcurrentLinkedQueue<>();
            for (ChannelState c : channels) {
                String token = client.getCheckpoint(tunnelId, clientId, c.channelId()).token();
                todo.add(new String[] {c.channelId(), token});
            }
            AtomicLong records = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            AtomicLong first = new AtomicLong();
            AtomicLong last = new AtomicLong();
            int threads = Math.max(1, Math.min(maxThreads, channels.size()));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(
                            pool.submit(
                                    () -> {
                                        String[] next;
                                        while ((next = todo.poll()) != null) {
                                            String channel = next[0];
                                            String token = next[1];
                                            while (true) {
                                                int n;
                                                long b = 0;
                                                boolean finished;
                                                String nextToken;
                                                if (decode) {
                                                    ReadRecordsResult<TunnelRecord> r =
                                                            client.readBatch(
                                                                    tunnelId,
                                                                    clientId,
                                                                    channel,
                                                                    token,
                                                                    ColumnFilter.all());
                                                    n = r.records().size();
                                                    b = r.responseBytes();
                                                    finished = r.isFinished();
                                                    nextToken = r.nextToken();
                                                } else {
                                                    ReadRecordsResult<RawRecord> r =
                                                            client.readRecords(
                                                                    tunnelId, clientId, channel,
                                                                    token);
                                                    n = r.records().size();
                                                    for (RawRecord raw : r.records()) {
                                                        b += raw.encodedSize();
                                                    }
                                                    finished = r.isFinished();
                                                    nextToken = r.nextToken();
                                                }
                                                if (n > 0) {
                                                    long now = System.nanoTime();
                                                    first.compareAndSet(0, now);
                                                    last.accumulateAndGet(now, Math::max);
                                                    records.addAndGet(n);
                                                    bytes.addAndGet(b);
                                                }
                                                if (finished || n == 0) {
                                                    break;
                                                }
                                                token = nextToken;
                                            }
                                        }
                                        return null;
                                    }));
                }
                for (Future<?> f : done) {
                    f.get(30, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            return new Result(
                    new Measurement(
                            decode ? "raw+decode" : "raw",
                            records.get(),
                            start,
                            first.get(),
                            last.get()),
                    bytes.get());
        } finally {
            client.shutdown(tunnelId, clientId);
        }
    }
}

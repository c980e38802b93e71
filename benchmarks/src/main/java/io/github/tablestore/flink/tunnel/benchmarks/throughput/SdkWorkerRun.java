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

import io.github.tablestore.flink.tunnel.benchmarks.Waits;

import com.alicloud.openservices.tablestore.TunnelClient;
import com.alicloud.openservices.tablestore.model.StreamRecord;
import com.alicloud.openservices.tablestore.tunnel.worker.IChannelProcessor;
import com.alicloud.openservices.tablestore.tunnel.worker.ProcessRecordsInput;
import com.alicloud.openservices.tablestore.tunnel.worker.TunnelWorker;
import com.alicloud.openservices.tablestore.tunnel.worker.TunnelWorkerConfig;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The official SDK's {@link TunnelWorker} with its default {@link TunnelWorkerConfig} and a
 * callback that only counts (and, for latency runs, hands each record to a listener).
 */
public final class SdkWorkerRun implements AutoCloseable {
    private final TunnelClient client;
    private final TunnelWorkerConfig config;
    private final TunnelWorker worker;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong first = new AtomicLong();
    private final AtomicLong last = new AtomicLong();
    private final long startNanos;

    private SdkWorkerRun(
            TunnelClient client, String tunnelId, BiConsumer<StreamRecord, Long> listener) {
        this.client = client;
        this.config =
                new TunnelWorkerConfig(
                        new IChannelProcessor() {
                            @Override
                            public void process(ProcessRecordsInput input) {
                                long now = System.nanoTime();
                                int n = input.getRecords().size();
                                if (n == 0) {
                                    return;
                                }
                                first.compareAndSet(0, now);
                                last.accumulateAndGet(now, Math::max);
                                records.addAndGet(n);
                                if (listener != null) {
                                    for (StreamRecord r : input.getRecords()) {
                                        listener.accept(r, now);
                                    }
                                }
                            }

                            @Override
                            public void shutdown() {}
                        });
        this.worker = new TunnelWorker(tunnelId, client, config);
        this.startNanos = System.nanoTime();
    }

    /** Starts a worker on the tunnel (connect and first heartbeat happen at once). */
    public static SdkWorkerRun start(
            TunnelClient client, String tunnelId, BiConsumer<StreamRecord, Long> listener)
            throws Exception {
        SdkWorkerRun run = new SdkWorkerRun(client, tunnelId, listener);
        run.worker.connectAndWorking();
        return run;
    }

    public long records() {
        return records.get();
    }

    /** Waits until {@code expected} records arrived, at most {@code timeout}. */
    public Measurement awaitRecords(long expected, Duration timeout) throws InterruptedException {
        if (!Waits.until(() -> records.get() >= expected, timeout)) {
            throw new IllegalStateException(
                    "The SDK worker delivered "
                            + records.get()
                            + " of "
                            + expected
                            + " records within "
                            + timeout);
        }
        return new Measurement("sdk", records.get(), startNanos, first.get(), last.get());
    }

    @Override
    public void close() {
        worker.shutdown();
        config.shutdown();
        client.shutdown();
    }
}

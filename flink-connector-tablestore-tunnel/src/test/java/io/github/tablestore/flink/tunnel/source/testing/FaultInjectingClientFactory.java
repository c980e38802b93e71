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

package io.github.tablestore.flink.tunnel.source.testing;

import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.RangePage;
import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.model.StreamShard;
import io.github.tablestore.flink.tunnel.client.model.TableDescription;
import io.github.tablestore.flink.tunnel.client.model.TunnelDescription;
import io.github.tablestore.flink.tunnel.client.model.TunnelInfo;
import io.github.tablestore.flink.tunnel.client.plainbuffer.ColumnFilter;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.config.TunnelClientFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Wraps a real client factory (talking to the emulator) so tests can watch calls and make some of
 * them fail or answer differently. Serializable for MiniCluster jobs: the shared state lives in a
 * static registry under a random id (MiniCluster runs in the test's JVM).
 */
public final class FaultInjectingClientFactory implements TunnelClientFactory {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Hooks> REGISTRY = new ConcurrentHashMap<>();

    private final TunnelClientFactory delegate;
    private final String id;

    public FaultInjectingClientFactory(TunnelClientFactory delegate) {
        this.delegate = delegate;
        this.id = UUID.randomUUID().toString();
        REGISTRY.put(id, new Hooks());
    }

    public Hooks hooks() {
        return REGISTRY.get(id);
    }

    @Override
    public TunnelClient createClient() {
        return new Client(delegate.createClient(), hooks());
    }

    @Override
    public String describeTarget() {
        return delegate.describeTarget();
    }

    @Override
    public String toString() {
        return "FaultInjecting(" + delegate + ")";
    }

    /** A rule: when {@code method} is called and {@code remaining} > 0, throw {@code error}. */
    public static final class Failure {
        final String method;
        final AtomicInteger remaining;
        final TablestoreException error;

        Failure(String method, int times, TablestoreException error) {
            this.method = method;
            this.remaining = new AtomicInteger(times);
            this.error = error;
        }
    }

    /** What the tests control and observe. */
    public static final class Hooks {
        private final List<Failure> failures = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        /** Applied to every heartbeat answer (e.g. to offer a channel early). */
        public volatile Function<List<ChannelState>, List<ChannelState>> heartbeatAnswer =
                Function.identity();

        /**
         * Extra latency (ms) of the n-th ReadRecords (counting from 1) of a channel: a slow network
         * or a slow partition.
         */
        public volatile java.util.function.ToLongBiFunction<String, Integer> readLatencyMillis =
                (channel, n) -> 0;

        /** ReadRecords of these channels wait until the latch opens. */
        public final Map<String, java.util.concurrent.CountDownLatch> blockedReads =
                new ConcurrentHashMap<>();

        private final Map<String, AtomicInteger> waitingReads = new ConcurrentHashMap<>();

        /** Every Checkpoint call: channel, token, sequence number. */
        public final List<String[]> checkpoints = new CopyOnWriteArrayList<>();

        /** The next {@code times} calls of {@code method} fail with a {@code code} error. */
        public void fail(String method, int times, String code, int httpStatus, boolean retryable) {
            failures.add(
                    new Failure(
                            method,
                            times,
                            new TablestoreException(
                                    code,
                                    "injected by the test",
                                    httpStatus,
                                    "test-request",
                                    retryable,
                                    null)));
        }

        public void clearFailures() {
            failures.clear();
        }

        /** How many ReadRecords of {@code channelId} wait on their {@link #blockedReads} latch now. */
        public int readsWaiting(String channelId) {
            AtomicInteger n = waitingReads.get(channelId);
            return n == null ? 0 : n.get();
        }

        public int calls(String method) {
            AtomicInteger n = calls.get(method);
            return n == null ? 0 : n.get();
        }

        void before(String method) {
            calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
            for (Failure f : failures) {
                if (f.method.equals(method) && f.remaining.getAndDecrement() > 0) {
                    throw f.error;
                }
            }
        }

        public List<String[]> checkpointsOf(String channelId) {
            List<String[]> out = new ArrayList<>();
            for (String[] c : checkpoints) {
                if (c[0].equals(channelId)) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    private static final class Client implements TunnelClient {
        private final TunnelClient d;
        private final Hooks h;

        Client(TunnelClient d, Hooks h) {
            this.d = d;
            this.h = h;
        }

        @Override
        public String createTunnel(CreateTunnelRequest request) {
            h.before("createTunnel");
            return d.createTunnel(request);
        }

        @Override
        public TunnelDescription describeTunnel(String tableName, String tunnelName) {
            h.before("describeTunnel");
            return d.describeTunnel(tableName, tunnelName);
        }

        @Override
        public List<TunnelInfo> listTunnels(String tableName) {
            h.before("listTunnels");
            return d.listTunnels(tableName);
        }

        @Override
        public void deleteTunnel(String tableName, String tunnelName) {
            h.before("deleteTunnel");
            d.deleteTunnel(tableName, tunnelName);
        }

        @Override
        public String connect(String tunnelId, long heartbeatTimeoutSeconds, String clientTag) {
            h.before("connect");
            return d.connect(tunnelId, heartbeatTimeoutSeconds, clientTag);
        }

        @Override
        public List<ChannelState> heartbeat(
                String tunnelId, String clientId, List<ChannelState> channels) {
            h.before("heartbeat");
            return h.heartbeatAnswer.apply(d.heartbeat(tunnelId, clientId, channels));
        }

        @Override
        public void shutdown(String tunnelId, String clientId) {
            h.before("shutdown");
            d.shutdown(tunnelId, clientId);
        }

        @Override
        public ChannelCheckpoint getCheckpoint(String tunnelId, String clientId, String channelId) {
            h.before("getCheckpoint");
            return d.getCheckpoint(tunnelId, clientId, channelId);
        }

        @Override
        public ReadRecordsResult<RawRecord> readRecords(
                String tunnelId, String clientId, String channelId, String token) {
            beforeRead(channelId);
            try {
                return d.readRecords(tunnelId, clientId, channelId, token);
            } catch (TablestoreException e) {
                countFailedRead(channelId, e);
                throw e;
            }
        }

        /** Counted, delayed and failed like {@link #readRecords} (hooks name it "readRecords"). */
        @Override
        public ReadRecordsResult<TunnelRecord> readBatch(
                String tunnelId,
                String clientId,
                String channelId,
                String token,
                ColumnFilter columns) {
            beforeRead(channelId);
            try {
                return d.readBatch(tunnelId, clientId, channelId, token, columns);
            } catch (TablestoreException e) {
                countFailedRead(channelId, e);
                throw e;
            }
        }

        private void beforeRead(String channelId) {
            h.before("readRecords");
            int nth =
                    h.calls
                            .computeIfAbsent("readRecords:" + channelId, m -> new AtomicInteger())
                            .incrementAndGet();
            java.util.concurrent.CountDownLatch latch = h.blockedReads.get(channelId);
            long latency = h.readLatencyMillis.applyAsLong(channelId, nth);
            try {
                if (latch != null) {
                    AtomicInteger waiting =
                            h.waitingReads.computeIfAbsent(channelId, c -> new AtomicInteger());
                    waiting.incrementAndGet();
                    try {
                        latch.await();
                    } finally {
                        waiting.decrementAndGet();
                    }
                }
                if (latency > 0) {
                    java.util.concurrent.TimeUnit.MILLISECONDS.sleep(
                            latency); // the slow network itself
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TablestoreException(
                        "ClientNetworkError", "interrupted", 0, null, true, e);
            }
        }

        private void countFailedRead(String channelId, TablestoreException e) {
            h.calls
                    .computeIfAbsent(
                            "readRecords:" + channelId + ":" + e.errorCode(),
                            m -> new AtomicInteger())
                    .incrementAndGet();
        }

        @Override
        public void checkpoint(
                String tunnelId,
                String clientId,
                String channelId,
                String token,
                long sequenceNumber) {
            h.before("checkpoint");
            d.checkpoint(tunnelId, clientId, channelId, token, sequenceNumber);
            h.checkpoints.add(new String[] {channelId, token, Long.toString(sequenceNumber)});
        }

        @Override
        public TableDescription describeTable(String tableName) {
            h.before("describeTable");
            return d.describeTable(tableName);
        }

        @Override
        public List<StreamShard> describeStreamShards(String streamId) {
            h.before("describeStreamShards");
            return d.describeStreamShards(streamId);
        }

        @Override
        public Row getRow(String tableName, PrimaryKey primaryKey, List<String> columns) {
            h.before("getRow");
            return d.getRow(tableName, primaryKey, columns);
        }

        @Override
        public List<Row> batchGetRow(
                String tableName, List<PrimaryKey> primaryKeys, List<String> columns) {
            h.before("batchGetRow");
            return d.batchGetRow(tableName, primaryKeys, columns);
        }

        @Override
        public RangePage getRange(
                String tableName,
                PrimaryKey inclusiveStart,
                PrimaryKey exclusiveEnd,
                List<String> columns,
                int limit) {
            h.before("getRange");
            return d.getRange(tableName, inclusiveStart, exclusiveEnd, columns, limit);
        }

        @Override
        public void close() {
            d.close();
        }
    }
}

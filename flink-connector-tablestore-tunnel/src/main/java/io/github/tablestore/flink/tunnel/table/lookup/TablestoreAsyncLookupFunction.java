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

package io.github.tablestore.flink.tunnel.table.lookup;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.source.config.TunnelClientFactory;
import io.github.tablestore.flink.tunnel.table.InvalidDataHandler;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.AsyncLookupFunction;
import org.apache.flink.table.functions.FunctionContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asynchronous lookup. Point reads wait in a queue and are read with BatchGetRow, up to 100 keys
 * (its limit) per request. One request at a time takes every key that waited while the previous
 * one was in flight, so batches grow with the arrival rate by themselves; more requests (up to
 * {@link #READERS}) start only while full batches wait. Range reads (a key prefix) run on the
 * same threads, one GetRange sequence each.
 */
@Internal
public final class TablestoreAsyncLookupFunction extends AsyncLookupFunction {
    private static final long serialVersionUID = 1L;

    /** Most BatchGetRow requests in flight per subtask (a second one only for a full batch). */
    static final int READERS = 4;

    private final TunnelClientFactory clients;
    private final LookupRows rows;
    private final boolean skipInvalidData;

    private transient TunnelClient client;
    private transient InvalidDataHandler invalid;
    private transient ExecutorService executor;
    private transient Queue<PointRead> pending;
    private transient AtomicInteger pendingCount;
    private transient AtomicInteger activeReaders;

    TablestoreAsyncLookupFunction(
            TunnelClientFactory clients, LookupRows rows, boolean skipInvalidData) {
        this.clients = clients;
        this.rows = rows;
        this.skipInvalidData = skipInvalidData;
    }

    /** A key waiting for its row. */
    private static final class PointRead {
        final PrimaryKey key;
        final RowData keyRow;
        final CompletableFuture<Collection<RowData>> result;

        PointRead(PrimaryKey key, RowData keyRow, CompletableFuture<Collection<RowData>> result) {
            this.key = key;
            this.keyRow = keyRow;
            this.result = result;
        }
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        invalid = new InvalidDataHandler(skipInvalidData, context.getMetricGroup());
        pending = new ConcurrentLinkedQueue<>();
        pendingCount = new AtomicInteger();
        activeReaders = new AtomicInteger();
        client = TableReads.open(clients, rows.tableName);
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory named =
                r -> {
                    Thread t =
                            new Thread(
                                    r,
                                    "tablestore-lookup-"
                                            + rows.tableName
                                            + "-"
                                            + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                };
        executor = Executors.newFixedThreadPool(READERS, named);
    }

    @Override
    public CompletableFuture<Collection<RowData>> asyncLookup(RowData keyRow) {
        CompletableFuture<Collection<RowData>> result = new CompletableFuture<>();
        if (rows.hasNullKey(keyRow)) {
            result.complete(Collections.emptyList());
            return result;
        }
        if (!rows.pointRead()) {
            PrimaryKey[] range = rows.range(keyRow);
            executor.execute(() -> readRange(range, keyRow, result));
            return result;
        }
        pending.add(new PointRead(rows.primaryKey(keyRow), keyRow, result));
        pendingCount.incrementAndGet();
        dispatch();
        return result;
    }

    /**
     * Starts a reader when keys wait and none reads, or another one when a full batch waits (up
     * to {@link #READERS}); otherwise the keys wait for the next reader, which a finishing one
     * starts.
     */
    private void dispatch() {
        while (pendingCount.get() > 0) {
            int active = activeReaders.get();
            if (active >= READERS
                    || (active > 0 && pendingCount.get() < TunnelClient.MAX_BATCH_GET_ROWS)) {
                return; // a reader that finishes dispatches again
            }
            if (activeReaders.compareAndSet(active, active + 1)) {
                executor.execute(this::readBatch);
            }
        }
    }

    private void readBatch() {
        try {
            List<PointRead> batch = new ArrayList<>();
            PointRead next;
            while (batch.size() < TunnelClient.MAX_BATCH_GET_ROWS
                    && (next = pending.poll()) != null) {
                pendingCount.decrementAndGet();
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                read(batch);
            }
        } finally {
            activeReaders.decrementAndGet();
            dispatch();
        }
    }

    private void read(List<PointRead> batch) {
        // Equal keys in one batch are read once (BatchGetRow refuses repeated keys).
        Map<PrimaryKey, List<PointRead>> byKey = new LinkedHashMap<>();
        for (PointRead r : batch) {
            byKey.computeIfAbsent(r.key, k -> new ArrayList<>()).add(r);
        }
        List<PrimaryKey> keys = new ArrayList<>(byKey.keySet());
        List<Row> found;
        try {
            found = client.batchGetRow(rows.tableName, keys, rows.columnsToGet());
        } catch (RuntimeException e) {
            RuntimeException failure =
                    TableReads.failure(clients, rows.tableName, "look up rows", e);
            for (PointRead r : batch) {
                r.result.completeExceptionally(failure);
            }
            return;
        }
        for (int i = 0; i < keys.size(); i++) {
            Row row = found.get(i);
            for (PointRead r : byKey.get(keys.get(i))) {
                complete(
                        r.result,
                        row == null ? Collections.emptyList() : Collections.singletonList(row),
                        r.keyRow);
            }
        }
    }

    private void readRange(
            PrimaryKey[] range, RowData keyRow, CompletableFuture<Collection<RowData>> result) {
        List<Row> found;
        try {
            found = TableReads.range(client, rows.tableName, range, rows.columnsToGet());
        } catch (RuntimeException e) {
            result.completeExceptionally(
                    TableReads.failure(clients, rows.tableName, "look up rows", e));
            return;
        }
        complete(result, found, keyRow);
    }

    private void complete(
            CompletableFuture<Collection<RowData>> result, List<Row> found, RowData keyRow) {
        try {
            result.complete(TablestoreLookupFunction.convert(rows, found, keyRow, invalid));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (client != null) {
            client.close();
        }
    }
}

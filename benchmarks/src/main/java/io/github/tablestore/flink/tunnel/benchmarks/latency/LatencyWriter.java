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

package io.github.tablestore.flink.tunnel.benchmarks.latency;

import io.github.tablestore.flink.tunnel.benchmarks.data.BenchRows;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.BatchWriteRowRequest;
import com.alicloud.openservices.tablestore.model.BatchWriteRowResponse;
import com.alicloud.openservices.tablestore.model.Column;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.RowPutChange;

/**
 * Writes latency rows through the official SDK's {@link SyncClient} (a real PutRow /
 * BatchWriteRow over HTTP). Each row carries {@link System#nanoTime()} taken just before its
 * request is sent; row ids encode the phase, so a consumer can tell phases apart.
 */
final class LatencyWriter {
    /** Rows of phase {@code p} have ids {@code p × PHASE_SPAN + n}. */
    static final long PHASE_SPAN = 1_000_000_000L;

    private static final int BATCH = 200;

    private final SyncClient client;
    private final String table;

    LatencyWriter(SyncClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** The phase of a row, from its {@code order_id} primary-key value. */
    static int phaseOf(long orderId) {
        return (int)
                ((orderId - BenchRows.primaryKey(0).columns().get(1).value().asLong())
                        / PHASE_SPAN);
    }

    void put(int phase, long n) {
        long now = System.nanoTime();
        client.putRow(new PutRowRequest(change(BenchRows.timedRow(phase * PHASE_SPAN + n, now))));
    }

    /** Writes rows {@code from .. from+count-1} of the phase as fast as BatchWriteRow allows. */
    void burst(int phase, long from, int count) {
        for (int done = 0; done < count; done += BATCH) {
            int n = Math.min(BATCH, count - done);
            BatchWriteRowRequest request = new BatchWriteRowRequest();
            long now = System.nanoTime();
            for (int i = 0; i < n; i++) {
                request.addRowChange(
                        change(BenchRows.timedRow(phase * PHASE_SPAN + from + done + i, now)));
            }
            BatchWriteRowResponse response = client.batchWriteRow(request);
            if (!response.isAllSucceed()) {
                throw new IllegalStateException(
                        "BatchWriteRow failed for " + response.getFailedRows().size() + " rows");
            }
        }
    }

    private RowPutChange change(Row row) {
        PrimaryKeyBuilder pk = PrimaryKeyBuilder.createPrimaryKeyBuilder();
        for (PrimaryKeyColumn c : row.primaryKey().columns()) {
            switch (c.value().type()) {
                case INTEGER:
                    pk.addPrimaryKeyColumn(c.name(), PrimaryKeyValue.fromLong(c.value().asLong()));
                    break;
                case STRING:
                    pk.addPrimaryKeyColumn(
                            c.name(), PrimaryKeyValue.fromString(c.value().asString()));
                    break;
                default:
                    throw new IllegalArgumentException("key type " + c.value().type());
            }
        }
        RowPutChange change = new RowPutChange(table, pk.build());
        for (Cell cell : row.cells()) {
            change.addColumn(new Column(cell.name(), sdkValue(cell.value())));
        }
        return change;
    }

    private static ColumnValue sdkValue(
            io.github.tablestore.flink.tunnel.client.record.ColumnValue v) {
        switch (v.type()) {
            case INTEGER:
                return ColumnValue.fromLong(v.asLong());
            case DOUBLE:
                return ColumnValue.fromDouble(v.asDouble());
            case BOOLEAN:
                return ColumnValue.fromBoolean(v.asBoolean());
            case STRING:
                return ColumnValue.fromString(v.asString());
            case BINARY:
                return ColumnValue.fromBinary(v.asBinary());
            default:
                throw new IllegalArgumentException("value type " + v.type());
        }
    }
}

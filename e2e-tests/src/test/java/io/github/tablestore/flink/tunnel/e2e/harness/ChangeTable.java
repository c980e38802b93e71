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

package io.github.tablestore.flink.tunnel.e2e.harness;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.BatchWriteRowRequest;
import com.alicloud.openservices.tablestore.model.BatchWriteRowResponse;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.RowChange;
import com.alicloud.openservices.tablestore.model.RowDeleteChange;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.RowUpdateChange;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * A table {@code (id INTEGER) -> v STRING} with its stream enabled, written through the official
 * SDK as an application would, and the change log every write implies: what a job reading it
 * through a BaseAndStream tunnel must output.
 *
 * <p>Writes before {@link #tunnelCreated()} form the table the scan starts from. Writes after it
 * are changes the stream must deliver, each once, in order. Writes while the scan still runs (until
 * {@link #scanFinished()}) may or may not be visible in the scan: a row shows as it was when its
 * range was read.
 */
public final class ChangeTable {
    private static final int BATCH = 100;

    private final SyncClient client;
    private final String name;

    /** Value of each live row; absent = no row. */
    private final Map<Long, String> rows = new TreeMap<>();

    /** Per key: values the scan may show ("" never: a row that does not exist is not scanned). */
    private final Map<Long, Set<String>> scanMayShow = new TreeMap<>();

    /** Keys the scan must show (live at tunnel creation and not deleted while the scan ran). */
    private final Set<Long> scanMustShow = new HashSet<>();

    /** Per key: the changes after the tunnel's creation, {@code <action>|<v>} ({@code DELETE_ROW|}). */
    private final Map<Long, List<String>> changes = new TreeMap<>();

    private Phase phase = Phase.BEFORE_TUNNEL;

    private enum Phase {
        BEFORE_TUNNEL,
        SCANNING,
        STREAMING
    }

    private ChangeTable(SyncClient client, String name) {
        this.client = client;
        this.name = name;
    }

    /** Creates the table (stream on, 24 h) in the emulator through the SDK. */
    public static ChangeTable create(EmulatorProcess emulator, String name) {
        SyncClient client =
                new SyncClient(
                        emulator.endpoint(),
                        emulator.accessKeyId(),
                        emulator.accessKeySecret(),
                        emulator.instance());
        TableMeta meta = new TableMeta(name);
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("id", PrimaryKeyType.INTEGER));
        CreateTableRequest request = new CreateTableRequest(meta, new TableOptions(-1, 1));
        request.setStreamSpecification(new StreamSpecification(true, 24));
        client.createTable(request);
        return new ChangeTable(client, name);
    }

    public String name() {
        return name;
    }

    /** The job's tunnel exists now: later writes are changes. */
    public synchronized void tunnelCreated() {
        if (phase != Phase.BEFORE_TUNNEL) {
            throw new IllegalStateException("tunnelCreated() twice");
        }
        phase = Phase.SCANNING;
        for (Map.Entry<Long, String> row : rows.entrySet()) {
            scanMustShow.add(row.getKey());
            scanMayShow
                    .computeIfAbsent(row.getKey(), k -> new LinkedHashSet<>())
                    .add(row.getValue());
        }
    }

    /** The scan is over (every base-data channel is terminated): later writes cannot show in it. */
    public synchronized void scanFinished() {
        if (phase != Phase.SCANNING) {
            throw new IllegalStateException("scanFinished() before tunnelCreated() or twice");
        }
        phase = Phase.STREAMING;
    }

    /** PutRow {@code v = value} for ids {@code [from, to)}, in batches: {@code PUT_ROW} changes. */
    public void put(long from, long to, String value) {
        write(
                from,
                to,
                "PUT_ROW",
                value,
                id -> {
                    RowPutChange change = new RowPutChange(name, key(id));
                    change.addColumn("v", ColumnValue.fromString(value));
                    return change;
                });
    }

    /** UpdateRow setting {@code v = value} for ids {@code [from, to)}: {@code UPDATE_ROW} changes. */
    public void update(long from, long to, String value) {
        write(
                from,
                to,
                "UPDATE_ROW",
                value,
                id -> new RowUpdateChange(name, key(id)).put("v", ColumnValue.fromString(value)));
    }

    /** DeleteRow for ids {@code [from, to)}: {@code DELETE_ROW} changes. */
    public void delete(long from, long to) {
        write(from, to, "DELETE_ROW", null, id -> new RowDeleteChange(name, key(id)));
    }

    private void write(
            long from, long to, String action, String value, LongFunction<RowChange> change) {
        for (long start = from; start < to; start += BATCH) {
            long end = Math.min(to, start + BATCH);
            BatchWriteRowRequest batch = new BatchWriteRowRequest();
            for (long id = start; id < end; id++) {
                batch.addRowChange(change.apply(id));
            }
            BatchWriteRowResponse response = client.batchWriteRow(batch);
            if (!response.isAllSucceed()) {
                throw new IllegalStateException(
                        "BatchWriteRow to "
                                + name
                                + " failed for "
                                + response.getFailedRows().size()
                                + " rows: "
                                + response.getFailedRows().get(0).getError());
            }
            synchronized (this) {
                for (long id = start; id < end; id++) {
                    record(id, action, value);
                }
            }
        }
    }

    private void record(long id, String action, String value) {
        if (value == null) {
            rows.remove(id);
        } else {
            rows.put(id, value);
        }
        if (phase == Phase.BEFORE_TUNNEL) {
            return;
        }
        changes.computeIfAbsent(id, k -> new ArrayList<>())
                .add(action + "|" + (value == null ? "" : value));
        if (phase == Phase.SCANNING) {
            if (value == null) {
                scanMustShow.remove(id);
            } else {
                scanMayShow.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(value);
            }
        }
    }

    private static PrimaryKey key(long id) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("id", PrimaryKeyValue.fromLong(id))
                .build();
    }

    /** What the job must have output so far. */
    public synchronized ExpectedChangeLog expected() {
        return new ExpectedChangeLog(scanMayShow, scanMustShow, changes);
    }

    public void close() {
        client.shutdown();
    }
}

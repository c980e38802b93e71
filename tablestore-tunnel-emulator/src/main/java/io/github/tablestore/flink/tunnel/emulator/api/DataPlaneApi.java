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

package io.github.tablestore.flink.tunnel.emulator.api;

import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferDecoder;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferEncoder;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferException;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.ValueType;
import io.github.tablestore.flink.tunnel.emulator.store.Instance;
import io.github.tablestore.flink.tunnel.emulator.store.Partition;
import io.github.tablestore.flink.tunnel.emulator.store.RowChange;
import io.github.tablestore.flink.tunnel.emulator.store.StoredRow;
import io.github.tablestore.flink.tunnel.emulator.store.StreamSettings;
import io.github.tablestore.flink.tunnel.emulator.store.Table;
import io.github.tablestore.flink.tunnel.emulator.tunnel.TunnelService;

import com.google.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data-plane APIs the official SDK's SyncClient needs for tables, rows and streams: one
 * handler per call, each translating its protobuf request to the store and the store's answer
 * back (about 450 lines; the wire types stay in this serving layer).
 */
public final class DataPlaneApi {
    /** BatchGetRow takes at most this many rows, over all its tables (the service's limit). */
    static final int MAX_BATCH_GET_ROWS = 100;

    /** GetRange answers at most this many rows, then a next start key (the service's limit). */
    static final int MAX_RANGE_ROWS = 5000;

    /** GetRange answers at most about this many bytes of rows. */
    static final int MAX_RANGE_BYTES = 4 * 1024 * 1024;

    private static final TableProtos.ConsumedCapacity WRITE_ONE = consumed(0, 1);
    private static final TableProtos.ConsumedCapacity READ_ONE = consumed(1, 0);

    private final Instance instance;
    private final TunnelService tunnels;

    public DataPlaneApi(Instance instance, TunnelService tunnels) {
        this.instance = instance;
        this.tunnels = tunnels;
    }

    private static TableProtos.ConsumedCapacity consumed(int read, int write) {
        return TableProtos.ConsumedCapacity.newBuilder()
                .setCapacityUnit(
                        TableProtos.CapacityUnit.newBuilder().setRead(read).setWrite(write))
                .build();
    }

    /** Operations by action (request path without the leading slash). */
    public Map<String, Operation> operations() {
        Map<String, Operation> ops = new TreeMap<>();
        ops.put("CreateTable", this::createTable);
        ops.put("ListTable", this::listTable);
        ops.put("DescribeTable", this::describeTable);
        ops.put("UpdateTable", this::updateTable);
        ops.put("DeleteTable", this::deleteTable);
        ops.put("PutRow", this::putRow);
        ops.put("UpdateRow", this::updateRow);
        ops.put("DeleteRow", this::deleteRow);
        ops.put("BatchWriteRow", this::batchWriteRow);
        ops.put("GetRow", this::getRow);
        ops.put("GetRange", this::getRange);
        ops.put("BatchGetRow", this::batchGetRow);
        ops.put("ListStream", this::listStream);
        ops.put("DescribeStream", this::describeStream);
        return ops;
    }

    // ---------------------------------------------------------------------------------------
    // Tables

    private byte[] createTable(byte[] body) {
        TableProtos.CreateTableRequest r =
                Requests.parse(TableProtos.CreateTableRequest.parser(), body, "CreateTable");
        List<ColumnValue> splitPoints = PartitionBoundaries.splitPoints(r.getPartitionsList());
        instance.createTable(
                TableConversions.schema(r.getTableMeta()),
                TableConversions.options(r.getTableOptions()),
                TableConversions.streamSpec(r.hasStreamSpec() ? r.getStreamSpec() : null),
                splitPoints,
                0);
        return TableProtos.CreateTableResponse.getDefaultInstance().toByteArray();
    }

    private byte[] listTable(byte[] body) {
        Requests.parse(TableProtos.ListTableRequest.parser(), body, "ListTable");
        TableProtos.ListTableResponse.Builder out = TableProtos.ListTableResponse.newBuilder();
        for (Table t : instance.tables()) {
            out.addTableNames(t.name());
        }
        return out.build().toByteArray();
    }

    private byte[] describeTable(byte[] body) {
        TableProtos.DescribeTableRequest r =
                Requests.parse(TableProtos.DescribeTableRequest.parser(), body, "DescribeTable");
        Table t = instance.table(r.getTableName());
        TableProtos.DescribeTableResponse.Builder out =
                TableProtos.DescribeTableResponse.newBuilder()
                        .setTableMeta(TableConversions.meta(t.schema()))
                        .setReservedThroughputDetails(throughput(t))
                        .setTableOptions(TableConversions.options(t.options()))
                        .setStreamDetails(streamDetails(t));
        for (ColumnValue point : t.splitPoints()) {
            PrimaryKey key =
                    PrimaryKey.of(new PrimaryKeyColumn(t.schema().partitionKeyName(), point));
            out.addShardSplits(ByteString.copyFrom(PlainBufferEncoder.encodePrimaryKey(key)));
        }
        return out.build().toByteArray();
    }

    private static TableProtos.ReservedThroughputDetails throughput(Table t) {
        return TableProtos.ReservedThroughputDetails.newBuilder()
                .setCapacityUnit(TableProtos.CapacityUnit.newBuilder().setRead(0).setWrite(0))
                .setLastIncreaseTime(t.createdMillis() / 1000)
                .build();
    }

    private static TableProtos.StreamDetails streamDetails(Table t) {
        StreamSettings s = t.stream();
        TableProtos.StreamDetails.Builder b =
                TableProtos.StreamDetails.newBuilder().setEnableStream(s.enabled());
        if (s.enabled()) {
            b.setStreamId(t.streamId())
                    .setExpirationTime((int) t.retention().toHours())
                    .setLastEnableTime(s.lastEnableMicros())
                    .addAllColumnToGet(s.originColumns());
        }
        return b.build();
    }

    private byte[] updateTable(byte[] body) {
        TableProtos.UpdateTableRequest r =
                Requests.parse(TableProtos.UpdateTableRequest.parser(), body, "UpdateTable");
        Table t = instance.table(r.getTableName());
        if (r.hasTableOptions()) {
            t.updateOptions(t.options().updatedWith(TableConversions.options(r.getTableOptions())));
        }
        if (r.hasStreamSpec()) {
            t.updateStream(instance.streamSettings(TableConversions.streamSpec(r.getStreamSpec())));
        }
        return TableProtos.UpdateTableResponse.newBuilder()
                .setReservedThroughputDetails(throughput(t))
                .setTableOptions(TableConversions.options(t.options()))
                .setStreamDetails(streamDetails(t))
                .build()
                .toByteArray();
    }

    private byte[] deleteTable(byte[] body) {
        TableProtos.DeleteTableRequest r =
                Requests.parse(TableProtos.DeleteTableRequest.parser(), body, "DeleteTable");
        instance.deleteTable(r.getTableName());
        tunnels.deleteTunnelsOf(r.getTableName());
        return TableProtos.DeleteTableResponse.getDefaultInstance().toByteArray();
    }

    // ---------------------------------------------------------------------------------------
    // Row writes

    private byte[] putRow(byte[] body) {
        TableProtos.PutRowRequest r =
                Requests.parse(TableProtos.PutRowRequest.parser(), body, "PutRow");
        Row returned =
                write(
                        r.getTableName(),
                        RowChange.Kind.PUT,
                        r.getRow(),
                        r.getCondition(),
                        r.hasReturnContent() ? r.getReturnContent() : null);
        TableProtos.PutRowResponse.Builder out =
                TableProtos.PutRowResponse.newBuilder().setConsumed(WRITE_ONE);
        if (returned != null) {
            out.setRow(ByteString.copyFrom(PlainBufferEncoder.encodeRow(returned)));
        }
        return out.build().toByteArray();
    }

    private byte[] updateRow(byte[] body) {
        TableProtos.UpdateRowRequest r =
                Requests.parse(TableProtos.UpdateRowRequest.parser(), body, "UpdateRow");
        Row returned =
                write(
                        r.getTableName(),
                        RowChange.Kind.UPDATE,
                        r.getRowChange(),
                        r.getCondition(),
                        r.hasReturnContent() ? r.getReturnContent() : null);
        TableProtos.UpdateRowResponse.Builder out =
                TableProtos.UpdateRowResponse.newBuilder().setConsumed(WRITE_ONE);
        if (returned != null) {
            out.setRow(ByteString.copyFrom(PlainBufferEncoder.encodeRow(returned)));
        }
        return out.build().toByteArray();
    }

    private byte[] deleteRow(byte[] body) {
        TableProtos.DeleteRowRequest r =
                Requests.parse(TableProtos.DeleteRowRequest.parser(), body, "DeleteRow");
        Row returned =
                write(
                        r.getTableName(),
                        RowChange.Kind.DELETE,
                        r.getPrimaryKey(),
                        r.getCondition(),
                        r.hasReturnContent() ? r.getReturnContent() : null);
        TableProtos.DeleteRowResponse.Builder out =
                TableProtos.DeleteRowResponse.newBuilder().setConsumed(WRITE_ONE);
        if (returned != null) {
            out.setRow(ByteString.copyFrom(PlainBufferEncoder.encodeRow(returned)));
        }
        return out.build().toByteArray();
    }

    private Row write(
            String tableName,
            RowChange.Kind kind,
            ByteString rowBytes,
            TableProtos.Condition condition,
            TableProtos.ReturnContent returnContent) {
        Table t = instance.table(tableName);
        return t.write(change(kind, decodeRow(rowBytes), condition, returnContent)).returnRow();
    }

    private static RowChange change(
            RowChange.Kind kind,
            Row row,
            TableProtos.Condition condition,
            TableProtos.ReturnContent returnContent) {
        if (condition.hasColumnCondition() && !condition.getColumnCondition().isEmpty()) {
            throw Errors.unsupportedOperation("The emulator does not support column conditions.");
        }
        TableProtos.ReturnType rt =
                returnContent != null && returnContent.hasReturnType()
                        ? returnContent.getReturnType()
                        : TableProtos.ReturnType.RT_NONE;
        List<String> columns =
                returnContent == null ? List.of() : returnContent.getReturnColumnNamesList();
        return new RowChange(
                kind,
                row,
                TableConversions.condition(condition.getRowExistence()),
                TableConversions.returnType(rt),
                columns);
    }

    private static Row decodeRow(ByteString bytes) {
        try {
            return PlainBufferDecoder.decodeRow(toBuffer(bytes));
        } catch (PlainBufferException e) {
            throw Errors.parameterInvalid("Invalid PlainBuffer row: " + e.getMessage());
        }
    }

    private static PrimaryKey decodeKey(ByteString bytes) {
        try {
            return PlainBufferDecoder.decodePrimaryKey(toBuffer(bytes));
        } catch (PlainBufferException e) {
            throw Errors.parameterInvalid("Invalid PlainBuffer primary key: " + e.getMessage());
        }
    }

    /** A private copy: decoded values alias it and live on in the table. */
    private static ByteBuffer toBuffer(ByteString bytes) {
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    private byte[] batchWriteRow(byte[] body) {
        TableProtos.BatchWriteRowRequest r =
                Requests.parse(TableProtos.BatchWriteRowRequest.parser(), body, "BatchWriteRow");
        // Decode and check everything first: a malformed row or a repeated key fails the whole
        // request, as on the service; condition failures only fail their row.
        List<List<RowChange>> changes = new ArrayList<>();
        for (TableProtos.TableInBatchWriteRowRequest table : r.getTablesList()) {
            List<RowChange> rows = new ArrayList<>();
            Set<PrimaryKey> seen = new HashSet<>();
            for (TableProtos.RowInBatchWriteRowRequest row : table.getRowsList()) {
                RowChange.Kind kind = kind(row.getType());
                RowChange c =
                        change(
                                kind,
                                decodeRow(row.getRowChange()),
                                row.getCondition(),
                                row.hasReturnContent() ? row.getReturnContent() : null);
                if (!hasAutoIncrement(c.row().primaryKey()) && !seen.add(c.row().primaryKey())) {
                    throw Errors.parameterInvalid(
                            "Duplicated primary key in table " + table.getTableName() + ".");
                }
                rows.add(c);
            }
            changes.add(rows);
        }
        TableProtos.BatchWriteRowResponse.Builder out =
                TableProtos.BatchWriteRowResponse.newBuilder();
        for (int i = 0; i < r.getTablesCount(); i++) {
            String tableName = r.getTables(i).getTableName();
            TableProtos.TableInBatchWriteRowResponse.Builder tableOut =
                    TableProtos.TableInBatchWriteRowResponse.newBuilder().setTableName(tableName);
            Table t = instance.findTable(tableName);
            for (RowChange c : changes.get(i)) {
                TableProtos.RowInBatchWriteRowResponse.Builder rowOut =
                        TableProtos.RowInBatchWriteRowResponse.newBuilder();
                try {
                    if (t == null) {
                        throw Errors.objectNotExist("Requested table does not exist.");
                    }
                    Row returned = t.write(c).returnRow();
                    rowOut.setIsOk(true).setConsumed(WRITE_ONE);
                    if (returned != null) {
                        rowOut.setRow(ByteString.copyFrom(PlainBufferEncoder.encodeRow(returned)));
                    }
                } catch (ApiException e) {
                    rowOut.setIsOk(false).setError(rowError(e));
                }
                tableOut.addRows(rowOut);
            }
            out.addTables(tableOut);
        }
        return out.build().toByteArray();
    }

    private static boolean hasAutoIncrement(PrimaryKey key) {
        for (PrimaryKeyColumn c : key.columns()) {
            if (c.value().type() == ValueType.AUTO_INCREMENT) {
                return true;
            }
        }
        return false;
    }

    private static RowChange.Kind kind(TableProtos.OperationType t) {
        switch (t) {
            case PUT:
                return RowChange.Kind.PUT;
            case UPDATE:
                return RowChange.Kind.UPDATE;
            case DELETE:
                return RowChange.Kind.DELETE;
            default:
                throw Errors.parameterInvalid("Unknown operation type " + t + ".");
        }
    }

    // ---------------------------------------------------------------------------------------
    // Row reads

    /** Version window of a read: [minTs, maxTs) and how many versions per column. */
    private static final class VersionWindow {
        final int maxVersions;
        final long minTs;
        final long maxTs;

        VersionWindow(
                boolean hasMaxVersions,
                int maxVersions,
                TableProtos.TimeRange range,
                boolean hasRange) {
            if (!hasMaxVersions && !hasRange) {
                throw Errors.parameterInvalid("Either max_versions or time_range must be set.");
            }
            if (hasMaxVersions && maxVersions <= 0) {
                throw Errors.parameterInvalid("max_versions must be positive.");
            }
            this.maxVersions = hasMaxVersions ? maxVersions : Integer.MAX_VALUE;
            if (!hasRange) {
                minTs = 0;
                maxTs = Long.MAX_VALUE;
            } else if (range.hasSpecificTime()) {
                minTs = range.getSpecificTime();
                maxTs = range.getSpecificTime() + 1;
            } else {
                minTs = range.getStartTime();
                maxTs = range.hasEndTime() ? range.getEndTime() : Long.MAX_VALUE;
            }
        }
    }

    private static void rejectFilters(boolean hasFilter, boolean hasColumnPaging) {
        if (hasFilter) {
            throw Errors.unsupportedOperation("The emulator does not support filters.");
        }
        if (hasColumnPaging) {
            throw Errors.unsupportedOperation(
                    "The emulator does not support start_column/end_column.");
        }
    }

    private byte[] getRow(byte[] body) {
        TableProtos.GetRowRequest r =
                Requests.parse(TableProtos.GetRowRequest.parser(), body, "GetRow");
        rejectFilters(
                r.hasFilter() && !r.getFilter().isEmpty(), r.hasStartColumn() || r.hasEndColumn());
        Table t = instance.table(r.getTableName());
        VersionWindow w =
                new VersionWindow(
                        r.hasMaxVersions(), r.getMaxVersions(), r.getTimeRange(), r.hasTimeRange());
        StoredRow stored = t.row(decodeKey(r.getPrimaryKey()));
        Row row =
                stored == null
                        ? null
                        : stored.read(
                                new HashSet<>(r.getColumnsToGetList()),
                                w.maxVersions,
                                w.minTs,
                                w.maxTs);
        return TableProtos.GetRowResponse.newBuilder()
                .setConsumed(READ_ONE)
                .setRow(
                        row == null
                                ? ByteString.EMPTY
                                : ByteString.copyFrom(PlainBufferEncoder.encodeRow(row)))
                .build()
                .toByteArray();
    }

    /**
     * BatchGetRow as the service answers it: the request as a whole fails only when malformed
     * (more than 100 rows, a repeated key in a table, a bad key); each row then has its own
     * outcome, in request order: ok with the row, ok with empty bytes for a missing row, or an
     * error (OTSObjectNotExist for every row of a missing table).
     */
    private byte[] batchGetRow(byte[] body) {
        TableProtos.BatchGetRowRequest r =
                Requests.parse(TableProtos.BatchGetRowRequest.parser(), body, "BatchGetRow");
        int total = 0;
        List<List<PrimaryKey>> keys = new ArrayList<>();
        for (TableProtos.TableInBatchGetRowRequest table : r.getTablesList()) {
            rejectFilters(
                    table.hasFilter() && !table.getFilter().isEmpty(),
                    table.hasStartColumn() || table.hasEndColumn());
            new VersionWindow(
                    table.hasMaxVersions(),
                    table.getMaxVersions(),
                    table.getTimeRange(),
                    table.hasTimeRange());
            total += table.getPrimaryKeyCount();
            List<PrimaryKey> tableKeys = new ArrayList<>();
            Set<PrimaryKey> seen = new HashSet<>();
            for (ByteString k : table.getPrimaryKeyList()) {
                PrimaryKey key = decodeKey(k);
                if (!seen.add(key)) {
                    throw Errors.parameterInvalid(
                            "Duplicated primary key in table " + table.getTableName() + ".");
                }
                tableKeys.add(key);
            }
            keys.add(tableKeys);
        }
        if (total > MAX_BATCH_GET_ROWS) {
            throw Errors.parameterInvalid(
                    "Rows count exceeds the upper limit: " + MAX_BATCH_GET_ROWS + ".");
        }
        TableProtos.BatchGetRowResponse.Builder out = TableProtos.BatchGetRowResponse.newBuilder();
        for (int i = 0; i < r.getTablesCount(); i++) {
            TableProtos.TableInBatchGetRowRequest table = r.getTables(i);
            VersionWindow w =
                    new VersionWindow(
                            table.hasMaxVersions(),
                            table.getMaxVersions(),
                            table.getTimeRange(),
                            table.hasTimeRange());
            Set<String> columns = new HashSet<>(table.getColumnsToGetList());
            TableProtos.TableInBatchGetRowResponse.Builder tableOut =
                    TableProtos.TableInBatchGetRowResponse.newBuilder()
                            .setTableName(table.getTableName());
            Table t = instance.findTable(table.getTableName());
            for (PrimaryKey key : keys.get(i)) {
                TableProtos.RowInBatchGetRowResponse.Builder rowOut =
                        TableProtos.RowInBatchGetRowResponse.newBuilder();
                try {
                    if (t == null) {
                        throw Errors.objectNotExist("Requested table does not exist.");
                    }
                    StoredRow stored = t.row(key);
                    Row row =
                            stored == null
                                    ? null
                                    : stored.read(columns, w.maxVersions, w.minTs, w.maxTs);
                    rowOut.setIsOk(true)
                            .setConsumed(READ_ONE)
                            .setRow(
                                    row == null
                                            ? ByteString.EMPTY
                                            : ByteString.copyFrom(
                                                    PlainBufferEncoder.encodeRow(row)));
                } catch (ApiException e) {
                    rowOut.setIsOk(false).setError(rowError(e));
                }
                tableOut.addRows(rowOut);
            }
            out.addTables(tableOut);
        }
        return out.build().toByteArray();
    }

    /** A batch answer's error of one row. */
    private static TableProtos.Error rowError(ApiException e) {
        return TableProtos.Error.newBuilder()
                .setCode(e.errorCode())
                .setMessage(e.getMessage() == null ? "" : e.getMessage())
                .build();
    }

    private byte[] getRange(byte[] body) {
        TableProtos.GetRangeRequest r =
                Requests.parse(TableProtos.GetRangeRequest.parser(), body, "GetRange");
        rejectFilters(
                r.hasFilter() && !r.getFilter().isEmpty(), r.hasStartColumn() || r.hasEndColumn());
        Table t = instance.table(r.getTableName());
        VersionWindow w =
                new VersionWindow(
                        r.hasMaxVersions(), r.getMaxVersions(), r.getTimeRange(), r.hasTimeRange());
        PrimaryKey start = decodeKey(r.getInclusiveStartPrimaryKey());
        PrimaryKey end = decodeKey(r.getExclusiveEndPrimaryKey());
        t.checkRangeKeys(start, end);
        boolean forward = r.getDirection() == TableProtos.Direction.FORWARD;
        int cmp = start.compareTo(end);
        if (forward ? cmp > 0 : cmp < 0) {
            throw Errors.parameterInvalid(
                    forward
                            ? "Begin key must be less than end key in FORWARD."
                            : "Begin key must be more than end key in BACKWARD.");
        }
        int limit =
                r.hasLimit() && r.getLimit() > 0
                        ? Math.min(r.getLimit(), MAX_RANGE_ROWS)
                        : MAX_RANGE_ROWS;
        NavigableMap<PrimaryKey, StoredRow> range =
                cmp == 0
                        ? Collections.<PrimaryKey, StoredRow>emptyNavigableMap()
                        : forward
                                ? t.rows().subMap(start, true, end, false)
                                : t.rows().subMap(end, false, start, true).descendingMap();
        Set<String> columns = new HashSet<>(r.getColumnsToGetList());
        List<Row> rows = new ArrayList<>();
        long bytes = 0;
        PrimaryKey next = null;
        for (StoredRow stored : range.values()) {
            if (rows.size() >= limit || bytes >= MAX_RANGE_BYTES) {
                next = stored.primaryKey();
                break;
            }
            Row row = stored.read(columns, w.maxVersions, w.minTs, w.maxTs);
            if (row != null) {
                rows.add(row);
                bytes += PlainBufferEncoder.rowSize(row);
            }
        }
        TableProtos.GetRangeResponse.Builder out =
                TableProtos.GetRangeResponse.newBuilder()
                        .setConsumed(READ_ONE)
                        .setRows(ByteString.copyFrom(PlainBufferEncoder.encodeRows(rows)));
        if (next != null) {
            out.setNextStartPrimaryKey(
                    ByteString.copyFrom(PlainBufferEncoder.encodePrimaryKey(next)));
        }
        return out.build().toByteArray();
    }

    // ---------------------------------------------------------------------------------------
    // Streams

    private byte[] listStream(byte[] body) {
        TableProtos.ListStreamRequest r =
                Requests.parse(TableProtos.ListStreamRequest.parser(), body, "ListStream");
        TableProtos.ListStreamResponse.Builder out = TableProtos.ListStreamResponse.newBuilder();
        if (r.hasTableName()) {
            instance.table(r.getTableName());
        }
        for (Table t : instance.tables()) {
            if ((!r.hasTableName() || t.name().equals(r.getTableName())) && t.stream().enabled()) {
                out.addStreams(
                        TableProtos.Stream.newBuilder()
                                .setStreamId(t.streamId())
                                .setTableName(t.name())
                                .setCreationTime(t.stream().lastEnableMicros()));
            }
        }
        return out.build().toByteArray();
    }

    private byte[] describeStream(byte[] body) {
        TableProtos.DescribeStreamRequest r =
                Requests.parse(TableProtos.DescribeStreamRequest.parser(), body, "DescribeStream");
        Table t = null;
        for (Table candidate : instance.tables()) {
            if (candidate.streamId().equals(r.getStreamId())) {
                t = candidate;
            }
        }
        if (t == null) {
            throw Errors.parameterInvalid("The stream " + r.getStreamId() + " does not exist.");
        }
        int limit =
                r.hasShardLimit() && r.getShardLimit() > 0 ? r.getShardLimit() : Integer.MAX_VALUE;
        TableProtos.DescribeStreamResponse.Builder out =
                TableProtos.DescribeStreamResponse.newBuilder()
                        .setStreamId(t.streamId())
                        .setExpirationTime((int) t.retention().toHours())
                        .setTableName(t.name())
                        .setCreationTime(t.createdMillis() * 1000L)
                        .setStreamStatus(TableProtos.StreamStatus.STREAM_ACTIVE);
        boolean started = !r.hasInclusiveStartShardId() || r.getInclusiveStartShardId().isEmpty();
        int added = 0;
        for (Partition p : t.partitions()) {
            if (!started && p.id().equals(r.getInclusiveStartShardId())) {
                started = true;
            }
            if (!started) {
                continue;
            }
            if (added == limit) {
                out.setNextShardId(p.id());
                break;
            }
            TableProtos.StreamShard.Builder s =
                    TableProtos.StreamShard.newBuilder().setShardId(p.id());
            List<String> parents = p.shard().parentIds();
            if (!parents.isEmpty()) {
                s.setParentId(parents.get(0));
            }
            if (parents.size() > 1) {
                s.setParentSiblingId(parents.get(1));
            }
            out.addShards(s);
            added++;
        }
        return out.build().toByteArray();
    }
}

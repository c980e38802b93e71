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

package io.github.tablestore.flink.tunnel.emulator.store;

import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferEncoder;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.ValueType;
import io.github.tablestore.flink.tunnel.emulator.EmulatorClock;
import io.github.tablestore.flink.tunnel.emulator.api.Errors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A table: rows in primary-key order, options and stream settings. Partitions and their shards
 * are kept by {@link PartitionTopology}, the column-version rules of writes by {@link
 * RowVersions} and the change log's encoding by {@link ChangeLogWriter}; this class orchestrates
 * writes and serves reads.
 *
 * <p>Writes and partition changes run under this object's monitor, so a change is stored and
 * logged to exactly one shard atomically and shard topology changes see no concurrent write. Reads
 * (GetRow, GetRange, base-data scans) need no lock: rows are immutable values in a concurrent map.
 */
public final class Table {
    private final TableSchema schema;
    private final PartitionScheme scheme;
    private final String streamId;
    private final long createdMillis;
    private final EmulatorClock clock;
    private final Duration defaultRetention;
    private final ConcurrentSkipListMap<PrimaryKey, StoredRow> rows = new ConcurrentSkipListMap<>();
    private final PartitionTopology topology;
    private final ChangeLogWriter changeLog;
    private long lastAutoIncrement;
    private volatile TableOptions options;
    private volatile StreamSettings stream;

    Table(
            TableSchema schema,
            TableOptions options,
            StreamSettings stream,
            PartitionScheme scheme,
            List<KeySpan> spans,
            String streamId,
            EmulatorClock clock,
            Duration defaultRetention) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.options = Objects.requireNonNull(options, "options");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.streamId = Objects.requireNonNull(streamId, "streamId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultRetention = Objects.requireNonNull(defaultRetention, "defaultRetention");
        this.createdMillis = clock.millis();
        this.changeLog = new ChangeLogWriter(clock);
        synchronized (this) {
            this.topology = new PartitionTopology(schema.tableName(), scheme, spans, clock);
        }
    }

    public String name() {
        return schema.tableName();
    }

    public TableSchema schema() {
        return schema;
    }

    public PartitionScheme scheme() {
        return scheme;
    }

    /** The id of the table's change log (always kept; visible as a stream when enabled). */
    public String streamId() {
        return streamId;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public TableOptions options() {
        return options;
    }

    public StreamSettings stream() {
        return stream;
    }

    public synchronized void updateOptions(TableOptions newOptions) {
        this.options = Objects.requireNonNull(newOptions, "newOptions");
    }

    public synchronized void updateStream(StreamSettings settings) {
        this.stream = Objects.requireNonNull(settings, "settings");
    }

    /**
     * How long the change log is kept: the stream's expiration when one is set, else the
     * emulator's default (the service keeps tunnel logs as long as stream logs, 7 days at most).
     */
    public Duration retention() {
        StreamSettings s = stream;
        return s.enabled() && s.expirationHours() > 0
                ? Duration.ofHours(s.expirationHours())
                : defaultRetention;
    }

    private RowVersions rowVersions() {
        int maxVersions = options.maxVersions().orElse(0);
        return new RowVersions(maxVersions > 0 ? maxVersions : 1);
    }

    /** Rows in primary-key order; a live, weakly consistent view. */
    public NavigableMap<PrimaryKey, StoredRow> rows() {
        return Collections.unmodifiableNavigableMap(rows);
    }

    public StoredRow row(PrimaryKey key) {
        schema.checkReadKey(key);
        return rows.get(key);
    }

    /** Checks GetRange bounds: every primary-key column, INF_MIN/INF_MAX allowed. */
    public void checkRangeKeys(PrimaryKey start, PrimaryKey end) {
        schema.checkRangeKey(start);
        schema.checkRangeKey(end);
    }

    // ---------------------------------------------------------------------------------------
    // Partitions

    /** Bumped by every split, merge or added partition; tunnels re-sync their channels on change. */
    public long topologyVersion() {
        return topology.version();
    }

    /** All partitions ever created, in creation order. */
    public synchronized List<Partition> partitions() {
        return topology.all();
    }

    /** Routed, active partitions in key order (what base-data channels are made of). */
    public List<Partition> routedPartitions() {
        return topology.routed();
    }

    public synchronized Partition partition(String id) {
        return topology.get(id);
    }

    /** The shard of a partition, or {@code null} when there is none with that id. */
    public synchronized StreamShard shard(String id) {
        Partition p = topology.find(id);
        return p == null ? null : p.shard();
    }

    /** The key a base-data scan of {@code span} starts at. */
    public PrimaryKey spanStartKey(KeySpan span) {
        ColumnValue first =
                span.scheme() == PartitionScheme.RANGE ? span.lo() : ColumnValue.INF_MIN;
        return schema.keyStartingAt(first);
    }

    /**
     * Splits an active routed partition in two. Its shard closes; each half gets a new partition
     * whose shard has the old one as parent.
     *
     * @param point where the second half starts: a partition-key value (RANGE) or a hash (HASH);
     *     {@code null} picks one (RANGE: the median stored key of the partition; HASH: the middle)
     * @return the two new partitions
     */
    public synchronized List<Partition> split(String partitionId, Object point) {
        return topology.split(
                partitionId,
                span -> {
                    Object at = point != null ? point : defaultSplitPoint(span);
                    if (scheme == PartitionScheme.RANGE
                            && at instanceof ColumnValue
                            && !TableSchema.matches(
                                    schema.partitionKeyType(), ((ColumnValue) at).type())) {
                        throw new IllegalArgumentException(
                                "split point "
                                        + at
                                        + " is not a "
                                        + schema.partitionKeyType()
                                        + " value of partition key "
                                        + schema.partitionKeyName());
                    }
                    if (scheme == PartitionScheme.HASH && !(at instanceof Long)) {
                        throw new IllegalArgumentException(
                                "a hash-partitioned table splits at a hash, got " + at);
                    }
                    return at;
                });
    }

    /** Merges two adjacent active routed partitions; both shards close, the child has both as parents. */
    public synchronized Partition merge(String firstId, String secondId) {
        return topology.merge(firstId, secondId);
    }

    /**
     * Adds a pinned partition: a new root shard that no key routes to and that takes only writes
     * addressed to it ({@link #write(RowChange, String)}). Lets tests open a new stream channel
     * on demand without disturbing the other shards.
     */
    public synchronized Partition addPinnedPartition() {
        return topology.addPinned();
    }

    private Object defaultSplitPoint(KeySpan span) {
        if (scheme == PartitionScheme.HASH) {
            long mid = span.hashLo() + (span.hashHi() - span.hashLo()) / 2;
            if (mid == span.hashLo()) {
                throw new IllegalArgumentException(
                        "partition span " + span + " is too small to split");
            }
            return mid;
        }
        List<ColumnValue> keys = new ArrayList<>();
        ColumnValue last = null;
        for (StoredRow r : rows.tailMap(spanStartKey(span), true).values()) {
            ColumnValue v = (ColumnValue) r.routingKey();
            if (span.isPast(v)) {
                break;
            }
            if (!v.equals(last)) {
                keys.add(v);
                last = v;
            }
        }
        if (keys.size() < 2) {
            throw new IllegalArgumentException(
                    "partition span "
                            + span
                            + " holds fewer than two partition-key values; give a split point");
        }
        return keys.get(keys.size() / 2);
    }

    /** Split points of the routed partitions (RANGE only; a hash table reports none). */
    public List<ColumnValue> splitPoints() {
        return topology.splitPoints();
    }

    // ---------------------------------------------------------------------------------------
    // Writes

    /** Result of a write: the row to return (per return type), or {@code null}. */
    public static final class WriteResult {
        private final Row returnRow;

        WriteResult(Row returnRow) {
            this.returnRow = returnRow;
        }

        public Row returnRow() {
            return returnRow;
        }
    }

    /** Applies one write routed by its partition key. */
    public WriteResult write(RowChange change) {
        return write(change, null);
    }

    /**
     * Applies one write and logs it to the stream shard of {@code pinnedPartitionId} (a pinned
     * partition), or of the partition the key routes to when {@code null}.
     */
    public synchronized WriteResult write(RowChange change, String pinnedPartitionId) {
        Partition target = null;
        if (pinnedPartitionId != null) {
            target = topology.get(pinnedPartitionId);
            if (!target.isPinned()) {
                throw new IllegalArgumentException(
                        "partition "
                                + pinnedPartitionId
                                + " is not pinned; "
                                + "writes to routed partitions follow their keys");
            }
        }
        PrimaryKey key = resolveKey(change);
        StoredRow old = rows.get(key);
        checkCondition(change.condition(), old);
        Object routingKey = KeySpan.routingKey(scheme, key.get(0).value());
        if (target == null) {
            target = topology.route(routingKey);
        }
        long nowMillis = clock.millis();
        List<Cell> logged = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        RecordAction action;
        StoredRow updated;
        RowVersions versions = rowVersions();
        switch (change.kind()) {
            case PUT:
                action = RecordAction.PUT_ROW;
                updated =
                        versions.put(
                                key, routingKey, change.row().cells(), nowMillis, logged, touched);
                break;
            case UPDATE:
                action = RecordAction.UPDATE_ROW;
                updated =
                        versions.update(
                                key,
                                routingKey,
                                old,
                                change.row().cells(),
                                nowMillis,
                                logged,
                                touched);
                break;
            case DELETE:
                action = RecordAction.DELETE_ROW;
                updated = null;
                break;
            default:
                throw new AssertionError(change.kind());
        }
        if (updated == null) {
            rows.remove(key);
        } else {
            rows.put(key, updated);
        }
        changeLog.log(
                target.shard(),
                action,
                key,
                logged,
                old,
                updated,
                stream.enabled() ? stream.originColumns() : List.of());
        return new WriteResult(returnRow(change, key, updated, touched));
    }

    private PrimaryKey resolveKey(RowChange change) {
        PrimaryKey key = change.row().primaryKey();
        schema.checkWriteKey(key);
        boolean auto = false;
        for (PrimaryKeyColumn c : key.columns()) {
            auto |= c.value().type() == ValueType.AUTO_INCREMENT;
        }
        if (!auto) {
            return key;
        }
        if (change.kind() != RowChange.Kind.PUT) {
            throw Errors.parameterInvalid(
                    "Only PutRow may leave an auto-increment column to the server.");
        }
        List<PrimaryKeyColumn> cols = new ArrayList<>(key.size());
        for (PrimaryKeyColumn c : key.columns()) {
            if (c.value().type() == ValueType.AUTO_INCREMENT) {
                lastAutoIncrement = Math.max(lastAutoIncrement + 1, clock.micros());
                cols.add(new PrimaryKeyColumn(c.name(), ColumnValue.ofLong(lastAutoIncrement)));
            } else {
                cols.add(c);
            }
        }
        return new PrimaryKey(cols);
    }

    private static void checkCondition(RowChange.Condition condition, StoredRow old) {
        if (condition == RowChange.Condition.EXPECT_EXIST && old == null) {
            throw Errors.conditionCheckFail("Condition check failed.");
        }
        if (condition == RowChange.Condition.EXPECT_NOT_EXIST && old != null) {
            throw Errors.conditionCheckFail("Condition check failed.");
        }
    }

    private static Row returnRow(
            RowChange change, PrimaryKey key, StoredRow updated, Set<String> touched) {
        switch (change.returnType()) {
            case PRIMARY_KEY:
                return Row.of(key, List.of());
            case AFTER_MODIFY:
                {
                    List<Cell> cells = new ArrayList<>();
                    if (updated != null) {
                        Set<String> wanted =
                                change.returnColumns().isEmpty()
                                        ? touched
                                        : new HashSet<>(change.returnColumns());
                        for (String name : updated.columnNames()) {
                            if (wanted.contains(name)) {
                                Version v = updated.versions(name).get(0);
                                cells.add(Cell.put(name, v.value, v.timestamp));
                            }
                        }
                    }
                    return Row.of(key, cells);
                }
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Base data and retention

    /**
     * Reads base data of a span from {@code from} (inclusive) in primary-key order: each row's
     * latest column values as a PUT_ROW record, encoded once per row version and cached.
     */
    public BaseBatch scanBase(KeySpan span, PrimaryKey from, int maxRecords, int maxBytes) {
        List<byte[]> frames = new ArrayList<>();
        int bytes = 0;
        for (StoredRow r : rows.tailMap(from, true).values()) {
            Object rk = r.routingKey();
            if (span.isPast(rk)) {
                break;
            }
            if (!span.contains(rk)) {
                continue;
            }
            byte[] frame = r.baseFrame();
            if (frame == null) {
                frame =
                        RecordFrames.frame(
                                RecordAction.PUT_ROW,
                                PlainBufferEncoder.encodeRow(
                                        Row.of(r.primaryKey(), r.latestCells())),
                                null);
                r.cacheBaseFrame(frame);
            }
            if (frames.size() >= maxRecords
                    || (!frames.isEmpty() && bytes + frame.length > maxBytes)) {
                return new BaseBatch(frames, bytes, r.primaryKey());
            }
            frames.add(frame);
            bytes += frame.length;
        }
        return new BaseBatch(frames, bytes, null);
    }

    /** Drops change-log entries older than the retention; returns how many were dropped. */
    public int trimExpiredLog() {
        long cutoff = clock.micros() - retention().toMillis() * 1000L;
        int dropped = 0;
        for (Partition p : partitions()) {
            dropped += p.shard().trimBefore(cutoff);
        }
        return dropped;
    }

    @Override
    public String toString() {
        return "Table{" + name() + ", " + scheme + ", rows=" + rows.size() + "}";
    }
}

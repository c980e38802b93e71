package io.github.tablestore.flink.tunnel.emulator.store;

import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferEncoder;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.CellOperation;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.ValueType;
import io.github.tablestore.flink.tunnel.emulator.EmulatorClock;
import io.github.tablestore.flink.tunnel.emulator.api.Errors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A table: rows in primary-key order, partitions with their stream shards, options and stream
 * settings.
 *
 * <p>Writes and partition changes run under this object's monitor, so a change is stored and
 * logged to exactly one shard atomically and shard topology changes see no concurrent write. Reads
 * (GetRow, GetRange, base-data scans) need no lock: rows are immutable values in a concurrent map.
 */
public final class Table {
    /** Epoch of the sequence info of every change this emulator logs. */
    static final int SEQUENCE_EPOCH = 1;

    private final TableSchema schema;
    private final PartitionScheme scheme;
    private final String streamId;
    private final long createdMillis;
    private final EmulatorClock clock;
    private final Duration defaultRetention;
    private final ConcurrentSkipListMap<PrimaryKey, StoredRow> rows = new ConcurrentSkipListMap<>();

    /** Every partition ever, in creation order (retired ones too: their shards stay readable). */
    private final LinkedHashMap<String, Partition> partitions = new LinkedHashMap<>();
    /** Routed, not retired partitions ordered by span start; replaced on topology changes. */
    private volatile List<Partition> routed = List.of();
    private volatile long topologyVersion;
    private int nextShardNumber;
    private long lastAutoIncrement;
    private volatile TableProtos.TableOptions options;
    private volatile StreamSettings stream;

    Table(
            TableSchema schema,
            TableProtos.TableOptions options,
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
        synchronized (this) {
            for (KeySpan span : spans) {
                newPartition(span, List.of());
            }
            rebuildRouting();
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

    public TableProtos.TableOptions options() {
        return options;
    }

    public StreamSettings stream() {
        return stream;
    }

    public synchronized void updateOptions(TableProtos.TableOptions newOptions) {
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
        return s.enabled() && s.expirationHours() > 0 ? Duration.ofHours(s.expirationHours()) : defaultRetention;
    }

    int maxVersions() {
        TableProtos.TableOptions o = options;
        return o.hasMaxVersions() && o.getMaxVersions() > 0 ? o.getMaxVersions() : 1;
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
        return topologyVersion;
    }

    /** All partitions ever created, in creation order. */
    public synchronized List<Partition> partitions() {
        return new ArrayList<>(partitions.values());
    }

    /** Routed, active partitions in key order (what base-data channels are made of). */
    public List<Partition> routedPartitions() {
        return routed;
    }

    public synchronized Partition partition(String id) {
        Partition p = partitions.get(id);
        if (p == null) {
            throw new IllegalArgumentException("table " + name() + " has no partition " + id);
        }
        return p;
    }

    /** The shard of a partition, or {@code null} when there is none with that id. */
    public synchronized StreamShard shard(String id) {
        Partition p = partitions.get(id);
        return p == null ? null : p.shard();
    }

    /** The key a base-data scan of {@code span} starts at. */
    public PrimaryKey spanStartKey(KeySpan span) {
        ColumnValue first = span.scheme() == PartitionScheme.RANGE ? span.lo() : ColumnValue.INF_MIN;
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
        Partition p = activeRouted(partitionId);
        KeySpan span = p.span();
        Object at = point != null ? point : defaultSplitPoint(span);
        if (scheme == PartitionScheme.RANGE && at instanceof ColumnValue
                && !TableSchema.matches(schema.partitionKeyType(), ((ColumnValue) at).type())) {
            throw new IllegalArgumentException("split point " + at + " is not a " + schema.partitionKeyType()
                    + " value of partition key " + schema.partitionKeyName());
        }
        if (scheme == PartitionScheme.HASH && !(at instanceof Long)) {
            throw new IllegalArgumentException("a hash-partitioned table splits at a hash, got " + at);
        }
        KeySpan[] halves = span.splitAt(at);
        retire(p);
        List<Partition> children = List.of(
                newPartition(halves[0], List.of(p.id())), newPartition(halves[1], List.of(p.id())));
        rebuildRouting();
        return children;
    }

    /** Merges two adjacent active routed partitions; both shards close, the child has both as parents. */
    public synchronized Partition merge(String firstId, String secondId) {
        Partition a = activeRouted(firstId);
        Partition b = activeRouted(secondId);
        if (b.span().isFollowedBy(a.span())) {
            Partition t = a;
            a = b;
            b = t;
        }
        if (!a.span().isFollowedBy(b.span())) {
            throw new IllegalArgumentException("partitions " + firstId + " " + a.span() + " and " + secondId + " "
                    + b.span() + " are not adjacent");
        }
        KeySpan merged = a.span().mergeWith(b.span());
        retire(a);
        retire(b);
        Partition child = newPartition(merged, List.of(a.id(), b.id()));
        rebuildRouting();
        return child;
    }

    /**
     * Adds a pinned partition: a new root shard that no key routes to and that takes only writes
     * addressed to it ({@link #write(RowChange, String)}). Lets tests open a new stream channel
     * on demand without disturbing the other shards.
     */
    public synchronized Partition addPinnedPartition() {
        Partition p = newPartition(null, List.of());
        rebuildRouting();
        return p;
    }

    private Partition activeRouted(String id) {
        Partition p = partition(id);
        if (p.isPinned() || p.isRetired()) {
            throw new IllegalArgumentException("partition " + id + " of table " + name()
                    + (p.isPinned() ? " is pinned (no key span)" : " was already split or merged"));
        }
        return p;
    }

    private Object defaultSplitPoint(KeySpan span) {
        if (scheme == PartitionScheme.HASH) {
            long mid = span.hashLo() + (span.hashHi() - span.hashLo()) / 2;
            if (mid == span.hashLo()) {
                throw new IllegalArgumentException("partition span " + span + " is too small to split");
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
            throw new IllegalArgumentException("partition span " + span
                    + " holds fewer than two partition-key values; give a split point");
        }
        return keys.get(keys.size() / 2);
    }

    private Partition newPartition(KeySpan span, List<String> parents) {
        String id = "shard-" + nextShardNumber++;
        Partition p = new Partition(id, span, new StreamShard(id, parents, clock.millis()));
        partitions.put(id, p);
        return p;
    }

    private void retire(Partition p) {
        p.retire();
        p.shard().close(clock.millis());
    }

    private void rebuildRouting() {
        List<Partition> active = new ArrayList<>();
        for (Partition p : partitions.values()) {
            if (!p.isPinned() && !p.isRetired()) {
                active.add(p);
            }
        }
        active.sort(new Comparator<Partition>() {
            @Override
            public int compare(Partition x, Partition y) {
                return x.span().compareStart(y.span());
            }
        });
        routed = Collections.unmodifiableList(active);
        topologyVersion++;
    }

    private Partition route(Object routingKey) {
        for (Partition p : routed) {
            if (p.span().contains(routingKey)) {
                return p;
            }
        }
        throw new IllegalStateException("no partition of " + name() + " covers " + routingKey);
    }

    /** Split points of the routed partitions (RANGE only; a hash table reports none). */
    public List<ColumnValue> splitPoints() {
        List<ColumnValue> points = new ArrayList<>();
        if (scheme == PartitionScheme.RANGE) {
            List<Partition> r = routed;
            for (int i = 1; i < r.size(); i++) {
                points.add(r.get(i).span().lo());
            }
        }
        return points;
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
            target = partition(pinnedPartitionId);
            if (!target.isPinned()) {
                throw new IllegalArgumentException("partition " + pinnedPartitionId + " is not pinned; "
                        + "writes to routed partitions follow their keys");
            }
        }
        PrimaryKey key = resolveKey(change);
        StoredRow old = rows.get(key);
        checkCondition(change.condition(), old);
        Object routingKey = KeySpan.routingKey(scheme, key.get(0).value());
        if (target == null) {
            target = route(routingKey);
        }
        long nowMillis = clock.millis();
        List<Cell> logged = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        RecordAction action;
        StoredRow updated;
        switch (change.kind()) {
            case PUT:
                action = RecordAction.PUT_ROW;
                updated = put(key, routingKey, change.row().cells(), nowMillis, logged, touched);
                break;
            case UPDATE:
                action = RecordAction.UPDATE_ROW;
                updated = update(key, routingKey, old, change.row().cells(), nowMillis, logged, touched);
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
        log(target.shard(), action, key, logged, old);
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
            throw Errors.parameterInvalid("Only PutRow may leave an auto-increment column to the server.");
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

    private static void checkCondition(TableProtos.RowExistenceExpectation condition, StoredRow old) {
        if (condition == TableProtos.RowExistenceExpectation.EXPECT_EXIST && old == null) {
            throw Errors.conditionCheckFail("Condition check failed.");
        }
        if (condition == TableProtos.RowExistenceExpectation.EXPECT_NOT_EXIST && old != null) {
            throw Errors.conditionCheckFail("Condition check failed.");
        }
    }

    private StoredRow put(
            PrimaryKey key, Object routingKey, List<Cell> cells, long now, List<Cell> logged, Set<String> touched) {
        TreeMap<String, List<Version>> columns = new TreeMap<>();
        for (Cell c : cells) {
            if (c.operation() != CellOperation.PUT) {
                throw Errors.parameterInvalid("PutRow takes only values; column '" + c.name() + "' has "
                        + c.operation() + ".");
            }
            long ts = c.hasTimestamp() ? c.timestamp() : now;
            addVersion(columns, c.name(), ts, c.value());
            logged.add(Cell.put(c.name(), c.value(), ts));
            touched.add(c.name());
        }
        trimVersions(columns);
        return new StoredRow(key, columns, routingKey);
    }

    private StoredRow update(
            PrimaryKey key,
            Object routingKey,
            StoredRow old,
            List<Cell> cells,
            long now,
            List<Cell> logged,
            Set<String> touched) {
        TreeMap<String, List<Version>> columns = old == null ? new TreeMap<>() : old.copyColumns();
        for (Cell c : cells) {
            touched.add(c.name());
            switch (c.operation()) {
                case PUT: {
                    long ts = c.hasTimestamp() ? c.timestamp() : now;
                    addVersion(columns, c.name(), ts, c.value());
                    logged.add(Cell.put(c.name(), c.value(), ts));
                    break;
                }
                case DELETE_ONE_VERSION: {
                    List<Version> vs = columns.get(c.name());
                    if (vs != null) {
                        vs.removeIf(v -> v.timestamp == c.timestamp());
                        if (vs.isEmpty()) {
                            columns.remove(c.name());
                        }
                    }
                    logged.add(c);
                    break;
                }
                case DELETE_ALL_VERSIONS:
                    columns.remove(c.name());
                    logged.add(c);
                    break;
                case INCREMENT: {
                    List<Version> vs = columns.get(c.name());
                    long base = 0;
                    if (vs != null) {
                        ColumnValue latest = vs.get(0).value;
                        if (latest.type() != ValueType.INTEGER) {
                            throw Errors.parameterInvalid("Column '" + c.name() + "' holds a " + latest.type()
                                    + " value and cannot be incremented.");
                        }
                        base = latest.asLong();
                    }
                    long ts = vs == null ? now : Math.max(now, vs.get(0).timestamp + 1);
                    ColumnValue sum = ColumnValue.ofLong(base + c.value().asLong());
                    addVersion(columns, c.name(), ts, sum);
                    logged.add(Cell.put(c.name(), sum, ts));
                    break;
                }
                default:
                    throw new AssertionError(c.operation());
            }
        }
        trimVersions(columns);
        return new StoredRow(key, columns, routingKey);
    }
    private static void addVersion(TreeMap<String, List<Version>> columns, String name, long ts, ColumnValue value) {
        List<Version> vs = columns.computeIfAbsent(name, n -> new ArrayList<>());
        vs.removeIf(v -> v.timestamp == ts);
        int at = 0;
        while (at < vs.size() && vs.get(at).timestamp > ts) {
            at++;
        }
        vs.add(at, new Version(ts, value));
    }

    private void trimVersions(TreeMap<String, List<Version>> columns) {
        int max = maxVersions();
        for (List<Version> vs : columns.values()) {
            while (vs.size() > max) {
                vs.remove(vs.size() - 1);
            }
        }
    }

    private void log(StreamShard shard, RecordAction action, PrimaryKey key, List<Cell> cells, StoredRow old) {
        long ts = shard.nextTimestampMicros(clock.micros());
        boolean deleteMarker = action == RecordAction.DELETE_ROW;
        Row record = new Row(key, deleteMarker ? List.of() : cells, deleteMarker,
                new SequenceInfo(SEQUENCE_EPOCH, ts, 0));
        byte[] origin = null;
        List<String> originNames = stream.enabled() ? stream.originColumns() : List.of();
        if (!originNames.isEmpty()) {
            List<Cell> before = new ArrayList<>();
            if (old != null) {
                for (String name : originNames) {
                    List<Version> vs = old.versions(name);
                    if (!vs.isEmpty()) {
                        before.add(Cell.put(name, vs.get(0).value, vs.get(0).timestamp));
                    }
                }
            }
            origin = PlainBufferEncoder.encodeOriginColumns(before);
        }
        byte[] frame = RecordFrames.frame(action, PlainBufferEncoder.encodeRow(record), origin);
        shard.append(new ChangeLogEntry(action, ts, frame));
    }

    private static Row returnRow(RowChange change, PrimaryKey key, StoredRow updated, Set<String> touched) {
        switch (change.returnType()) {
            case RT_PK:
                return Row.of(key, List.of());
            case RT_AFTER_MODIFY: {
                List<Cell> cells = new ArrayList<>();
                if (updated != null) {
                    Set<String> wanted = change.returnColumns().isEmpty()
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
                frame = RecordFrames.frame(RecordAction.PUT_ROW,
                        PlainBufferEncoder.encodeRow(Row.of(r.primaryKey(), r.latestCells())), null);
                r.cacheBaseFrame(frame);
            }
            if (frames.size() >= maxRecords || (!frames.isEmpty() && bytes + frame.length > maxBytes)) {
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

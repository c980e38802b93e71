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

import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.emulator.EmulatorClock;
import io.github.tablestore.flink.tunnel.emulator.api.Errors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The emulated instance's tables. Thread-safe. */
public final class Instance {

    private final String name;
    private final EmulatorClock clock;
    private final int defaultPartitions;
    private final Duration defaultRetention;
    private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();

    public Instance(
            String name, EmulatorClock clock, int defaultPartitions, Duration defaultRetention) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException(
                    "partitions must be at least 1, got " + defaultPartitions);
        }
        this.defaultPartitions = defaultPartitions;
        this.defaultRetention = Objects.requireNonNull(defaultRetention, "defaultRetention");
    }

    public String name() {
        return name;
    }

    public EmulatorClock clock() {
        return clock;
    }

    public int defaultPartitions() {
        return defaultPartitions;
    }

    /**
     * Creates a table. Partitions: by the split points when given (range partitioning, as the
     * service does); else {@code partitions} hash ranges (or the instance default when 0), with a
     * single partition being the whole key range.
     */
    public Table createTable(
            TableSchema schema,
            TableOptions options,
            StreamSpec streamSpec,
            List<ColumnValue> splitPoints,
            int partitions) {
        String tableName = schema.tableName();
        List<KeySpan> spans = new ArrayList<>();
        PartitionScheme scheme;
        int count = partitions > 0 ? partitions : defaultPartitions;
        if (!splitPoints.isEmpty()) {
            scheme = PartitionScheme.RANGE;
            ColumnValue lo = ColumnValue.INF_MIN;
            for (ColumnValue p : splitPoints) {
                if (!TableSchema.matches(schema.partitionKeyType(), p.type())) {
                    throw Errors.parameterInvalid(
                            "Split point " + p + " is not a " + schema.partitionKeyType() + ".");
                }
                if (lo.compareTo(p) >= 0) {
                    throw Errors.parameterInvalid("Split points must be strictly increasing.");
                }
                spans.add(KeySpan.range(lo, p));
                lo = p;
            }
            spans.add(KeySpan.range(lo, ColumnValue.INF_MAX));
        } else if (count == 1) {
            scheme = PartitionScheme.RANGE;
            spans.add(KeySpan.range(ColumnValue.INF_MIN, ColumnValue.INF_MAX));
        } else {
            scheme = PartitionScheme.HASH;
            for (int i = 0; i < count; i++) {
                spans.add(
                        KeySpan.hash(
                                KeySpan.HASH_SPACE * i / count,
                                KeySpan.HASH_SPACE * (i + 1) / count));
            }
        }
        StreamSettings stream = streamSettings(streamSpec);
        String streamId = tableName + "_" + clock.micros();
        Table table =
                new Table(
                        schema, options, stream, scheme, spans, streamId, clock, defaultRetention);
        if (tables.putIfAbsent(tableName, table) != null) {
            throw Errors.objectAlreadyExist("Requested table already exists.");
        }
        return table;
    }

    /** Stream settings from a CreateTable/UpdateTable stream specification. */
    public StreamSettings streamSettings(StreamSpec spec) {
        if (!spec.enabled()) {
            return StreamSettings.DISABLED;
        }
        int hours = spec.expirationHours();
        if (hours < 0 || hours > 168) {
            throw Errors.parameterInvalid(
                    "Stream expiration time must be 1 to 168 hours, got " + hours + ".");
        }
        return new StreamSettings(true, hours, spec.originColumns(), clock.micros());
    }

    /** The table, or OTSObjectNotExist. */
    public Table table(String tableName) {
        Table t = tables.get(tableName);
        if (t == null) {
            throw Errors.objectNotExist("Requested table does not exist.");
        }
        return t;
    }

    /** The table, or {@code null}. */
    public Table findTable(String tableName) {
        return tables.get(tableName);
    }

    public Table deleteTable(String tableName) {
        Table t = tables.remove(tableName);
        if (t == null) {
            throw Errors.objectNotExist("Requested table does not exist.");
        }
        return t;
    }

    /** Tables sorted by name. */
    public List<Table> tables() {
        return new ArrayList<>(new TreeMap<>(tables).values());
    }
}

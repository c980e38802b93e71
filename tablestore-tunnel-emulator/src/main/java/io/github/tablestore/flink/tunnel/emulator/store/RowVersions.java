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

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.CellOperation;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.ValueType;
import io.github.tablestore.flink.tunnel.emulator.api.Errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * How PutRow and UpdateRow turn a stored row into the next one: column versions by timestamp,
 * newest first, at most {@code maxVersions} each. Each also collects the cells to log and the
 * columns it touched. Pure functions over immutable {@link StoredRow}s.
 */
final class RowVersions {
    private final int maxVersions;

    RowVersions(int maxVersions) {
        this.maxVersions = maxVersions;
    }

    /** The row a PutRow of {@code cells} leaves (any old row is replaced). */
    StoredRow put(
            PrimaryKey key,
            Object routingKey,
            List<Cell> cells,
            long now,
            List<Cell> logged,
            Set<String> touched) {
        TreeMap<String, List<Version>> columns = new TreeMap<>();
        for (Cell c : cells) {
            if (c.operation() != CellOperation.PUT) {
                throw Errors.parameterInvalid(
                        "PutRow takes only values; column '"
                                + c.name()
                                + "' has "
                                + c.operation()
                                + ".");
            }
            long ts = c.hasTimestamp() ? c.timestamp() : now;
            addVersion(columns, c.name(), ts, c.value());
            logged.add(Cell.put(c.name(), c.value(), ts));
            touched.add(c.name());
        }
        trim(columns);
        return new StoredRow(key, columns, routingKey);
    }

    /** The row an UpdateRow of {@code cells} on {@code old} (null: none) leaves. */
    StoredRow update(
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
                case PUT:
                    {
                        long ts = c.hasTimestamp() ? c.timestamp() : now;
                        addVersion(columns, c.name(), ts, c.value());
                        logged.add(Cell.put(c.name(), c.value(), ts));
                        break;
                    }
                case DELETE_ONE_VERSION:
                    {
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
                case INCREMENT:
                    logged.add(increment(columns, c, now));
                    break;
                default:
                    throw new AssertionError(c.operation());
            }
        }
        trim(columns);
        return new StoredRow(key, columns, routingKey);
    }

    /** Adds an increment's sum as the column's newest version; returns the cell to log. */
    private static Cell increment(TreeMap<String, List<Version>> columns, Cell c, long now) {
        List<Version> vs = columns.get(c.name());
        long base = 0;
        if (vs != null) {
            ColumnValue latest = vs.get(0).value;
            if (latest.type() != ValueType.INTEGER) {
                throw Errors.parameterInvalid(
                        "Column '"
                                + c.name()
                                + "' holds a "
                                + latest.type()
                                + " value and cannot be incremented.");
            }
            base = latest.asLong();
        }
        long ts = vs == null ? now : Math.max(now, vs.get(0).timestamp + 1);
        ColumnValue sum = ColumnValue.ofLong(base + c.value().asLong());
        addVersion(columns, c.name(), ts, sum);
        return Cell.put(c.name(), sum, ts);
    }

    private static void addVersion(
            TreeMap<String, List<Version>> columns, String name, long ts, ColumnValue value) {
        List<Version> vs = columns.computeIfAbsent(name, n -> new ArrayList<>());
        vs.removeIf(v -> v.timestamp == ts);
        int at = 0;
        while (at < vs.size() && vs.get(at).timestamp > ts) {
            at++;
        }
        vs.add(at, new Version(ts, value));
    }

    private void trim(TreeMap<String, List<Version>> columns) {
        for (List<Version> vs : columns.values()) {
            while (vs.size() > maxVersions) {
                vs.remove(vs.size() - 1);
            }
        }
    }
}

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
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.source.config.TunnelClientFactory;
import io.github.tablestore.flink.tunnel.table.InvalidDataHandler;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.LookupFunction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Synchronous lookup: one GetRow per key when the join binds the whole primary key, GetRange over
 * the key prefix otherwise. A key without a row gives no rows (NULLs for a LEFT JOIN).
 */
@Internal
public final class TablestoreLookupFunction extends LookupFunction {
    private static final long serialVersionUID = 1L;

    private final TunnelClientFactory clients;
    private final LookupRows rows;
    private final boolean skipInvalidData;

    private transient TunnelClient client;
    private transient InvalidDataHandler invalid;

    TablestoreLookupFunction(
            TunnelClientFactory clients, LookupRows rows, boolean skipInvalidData) {
        this.clients = clients;
        this.rows = rows;
        this.skipInvalidData = skipInvalidData;
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        invalid = new InvalidDataHandler(skipInvalidData, context.getMetricGroup());
        client = TableReads.open(clients, rows.tableName);
    }

    @Override
    public Collection<RowData> lookup(RowData keyRow) {
        if (rows.hasNullKey(keyRow)) {
            return Collections.emptyList();
        }
        List<Row> found;
        try {
            if (rows.pointRead()) {
                Row row =
                        client.getRow(rows.tableName, rows.primaryKey(keyRow), rows.columnsToGet());
                found = row == null ? Collections.emptyList() : Collections.singletonList(row);
            } else {
                found =
                        TableReads.range(
                                client, rows.tableName, rows.range(keyRow), rows.columnsToGet());
            }
        } catch (RuntimeException e) {
            throw TableReads.failure(clients, rows.tableName, "look up a row", e);
        }
        return convert(rows, found, keyRow, invalid);
    }

    /** The Flink rows of rows read that fit the declared columns and the join's conditions. */
    static Collection<RowData> convert(
            LookupRows rows, List<Row> found, RowData keyRow, InvalidDataHandler invalid) {
        if (found.isEmpty()) {
            return Collections.emptyList();
        }
        List<RowData> out = new ArrayList<>(found.size());
        for (Row row : found) {
            RowData converted = rows.toRowData(row, invalid);
            if (converted != null && rows.matchesFilters(converted, keyRow)) {
                out.add(converted);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}

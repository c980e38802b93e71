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

import io.github.tablestore.flink.tunnel.source.config.TunnelConnectionConfig;
import io.github.tablestore.flink.tunnel.table.CellConverter;

import org.apache.flink.table.connector.source.InputFormatProvider;
import org.apache.flink.table.connector.source.LookupTableSource.LookupRuntimeProvider;
import org.apache.flink.table.connector.source.lookup.AsyncLookupFunctionProvider;
import org.apache.flink.table.connector.source.lookup.FullCachingLookupProvider;
import org.apache.flink.table.connector.source.lookup.LookupFunctionProvider;
import org.apache.flink.table.connector.source.lookup.LookupOptions.LookupCacheType;
import org.apache.flink.table.connector.source.lookup.PartialCachingAsyncLookupProvider;
import org.apache.flink.table.connector.source.lookup.PartialCachingLookupProvider;
import org.apache.flink.table.types.logical.LogicalType;

import java.util.List;

/**
 * The lookup side of the {@code tablestore-tunnel} table source: picks the runtime provider for
 * the options (sync or async, no cache, Flink's PARTIAL cache, or a FULL cache loaded with
 * GetRange) over the projected columns.
 */
public final class TablestoreLookup {
    private TablestoreLookup() {}

    /**
     * @param primaryKey the table's primary-key columns, in order
     * @param names the produced (projected) columns
     * @param keyColumns per lookup key, the produced column it binds
     * @throws org.apache.flink.table.api.ValidationException when the join does not bind the
     *     primary key from its first column, or binds it with a type lookups cannot use
     */
    public static LookupRuntimeProvider provider(
            TunnelConnectionConfig connection,
            LookupSettings settings,
            String tableName,
            List<String> primaryKey,
            List<String> names,
            List<LogicalType> types,
            List<CellConverter> converters,
            int[] keyColumns,
            boolean skipInvalidData) {
        LookupRows rows =
                new LookupRows(tableName, primaryKey, names, types, converters, keyColumns);
        TunnelConnectionConfig clients = connection.withMaxAttempts(settings.maxRetries + 1);
        if (settings.cacheType == LookupCacheType.FULL) {
            return FullCachingLookupProvider.of(
                    InputFormatProvider.of(
                            new TableScanInputFormat(clients, rows, primaryKey, skipInvalidData)),
                    settings.reloadTrigger());
        }
        boolean partial = settings.cacheType == LookupCacheType.PARTIAL;
        if (settings.async) {
            TablestoreAsyncLookupFunction function =
                    new TablestoreAsyncLookupFunction(clients, rows, skipInvalidData);
            return partial
                    ? PartialCachingAsyncLookupProvider.of(function, settings.partialCache())
                    : AsyncLookupFunctionProvider.of(function);
        }
        TablestoreLookupFunction function =
                new TablestoreLookupFunction(clients, rows, skipInvalidData);
        return partial
                ? PartialCachingLookupProvider.of(function, settings.partialCache())
                : LookupFunctionProvider.of(function);
    }
}

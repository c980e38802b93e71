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
import io.github.tablestore.flink.tunnel.client.model.RangePage;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.source.config.TunnelClientFactory;
import io.github.tablestore.flink.tunnel.table.InvalidDataHandler;

import org.apache.flink.api.common.io.DefaultInputSplitAssigner;
import org.apache.flink.api.common.io.RichInputFormat;
import org.apache.flink.api.common.io.statistics.BaseStatistics;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.GenericInputSplit;
import org.apache.flink.core.io.InputSplit;
import org.apache.flink.core.io.InputSplitAssigner;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.data.RowData;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The whole table (projected columns, newest versions) for a FULL lookup cache: one split read
 * with GetRange from the smallest to the largest key, page by page. Flink's full-cache loader
 * runs it at start and on every reload, then swaps the cache at once.
 */
final class TableScanInputFormat extends RichInputFormat<RowData, InputSplit> {
    private static final long serialVersionUID = 1L;

    private final TunnelClientFactory clients;
    private final LookupRows rows;
    private final List<String> primaryKey;
    private final boolean skipInvalidData;

    private transient TunnelClient client;
    private transient InvalidDataHandler invalid;
    private transient PrimaryKey next;
    private transient PrimaryKey end;
    private transient Iterator<Row> page;
    private transient RowData lookahead;

    TableScanInputFormat(
            TunnelClientFactory clients,
            LookupRows rows,
            List<String> primaryKey,
            boolean skipInvalidData) {
        this.clients = clients;
        this.rows = rows;
        this.primaryKey = List.copyOf(primaryKey);
        this.skipInvalidData = skipInvalidData;
    }

    @Override
    public void configure(Configuration parameters) {}

    @Override
    public BaseStatistics getStatistics(BaseStatistics cachedStatistics) {
        return cachedStatistics;
    }

    @Override
    public InputSplit[] createInputSplits(int minNumSplits) {
        return new InputSplit[] {new GenericInputSplit(0, 1)};
    }

    @Override
    public InputSplitAssigner getInputSplitAssigner(InputSplit[] inputSplits) {
        return new DefaultInputSplitAssigner(inputSplits);
    }

    @Override
    public void open(InputSplit split) {
        invalid = new InvalidDataHandler(skipInvalidData, new UnregisteredMetricsGroup());
        client = TableReads.open(clients, rows.tableName);
        List<PrimaryKeyColumn> start = new ArrayList<>();
        List<PrimaryKeyColumn> stop = new ArrayList<>();
        for (String name : primaryKey) {
            start.add(new PrimaryKeyColumn(name, ColumnValue.INF_MIN));
            stop.add(new PrimaryKeyColumn(name, ColumnValue.INF_MAX));
        }
        next = new PrimaryKey(start);
        end = new PrimaryKey(stop);
        page = null;
        lookahead = advance();
    }

    /** The next row that fits the declared columns, or null at the end of the table. */
    private RowData advance() {
        while (true) {
            while (page != null && page.hasNext()) {
                RowData row = rows.toRowData(page.next(), invalid);
                if (row != null) {
                    return row;
                }
            }
            if (next == null) {
                return null;
            }
            RangePage answer;
            try {
                answer = client.getRange(rows.tableName, next, end, rows.columnsToGet(), 0);
            } catch (RuntimeException e) {
                throw TableReads.failure(clients, rows.tableName, "load the full lookup cache", e);
            }
            page = answer.rows().iterator();
            next = answer.nextStart();
        }
    }

    @Override
    public boolean reachedEnd() {
        return lookahead == null;
    }

    @Override
    public RowData nextRecord(RowData reuse) {
        RowData out = lookahead;
        lookahead = advance();
        return out;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}

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

import io.github.tablestore.flink.tunnel.client.ErrorCodes;
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.RangePage;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.source.config.TunnelClientFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The reads of a lookup table through the one client: opening it (the table must exist), range
 * reads over all pages, and failures turned into messages that name the table and say what to
 * do. Transient failures (throttling, timeouts, 5xx) are retried inside the client with backoff.
 */
final class TableReads {
    private TableReads() {}

    /** A client for the table; fails at once, with a clear message, when the table is missing. */
    static TunnelClient open(TunnelClientFactory clients, String tableName) {
        TunnelClient client = clients.createClient();
        try {
            client.describeTable(tableName);
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw failure(clients, tableName, "open the lookup table", e);
        }
    }

    /** Every row with a key in [range[0], range[1]), page by page. */
    static List<Row> range(
            TunnelClient client, String tableName, PrimaryKey[] range, List<String> columns) {
        List<Row> rows = new ArrayList<>();
        PrimaryKey next = range[0];
        while (next != null) {
            RangePage page = client.getRange(tableName, next, range[1], columns, 0);
            rows.addAll(page.rows());
            next = page.nextStart();
        }
        return rows;
    }

    /** A failure of a read: fatal, naming the table and, for a missing table, what to change. */
    static TunnelSourceException failure(
            TunnelClientFactory clients, String tableName, String what, RuntimeException e) {
        if (e instanceof TablestoreException
                && ErrorCodes.OBJECT_NOT_EXIST.equals(((TablestoreException) e).errorCode())) {
            return new TunnelSourceException(
                    "Could not "
                            + what
                            + ": Tablestore table '"
                            + tableName
                            + "' does not exist in "
                            + clients.describeTarget()
                            + "; create it or correct the option 'table-name'",
                    e);
        }
        return new TunnelSourceException(
                "Could not "
                        + what
                        + " on Tablestore table '"
                        + tableName
                        + "' in "
                        + clients.describeTarget()
                        + ": "
                        + e.getMessage(),
                e);
    }
}

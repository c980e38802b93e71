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

package io.github.tablestore.flink.tunnel.client.model;

import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.Row;

import java.util.List;

/**
 * One GetRange answer: rows in primary-key order and the key to continue from, or {@code null}
 * when the range has been read to its end. A page may hold fewer rows than asked for (the
 * service limits a page by rows and bytes) and still have a next key.
 */
public final class RangePage {
    private final List<Row> rows;
    private final PrimaryKey nextStart;

    public RangePage(List<Row> rows, PrimaryKey nextStart) {
        this.rows = List.copyOf(rows);
        this.nextStart = nextStart;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Inclusive start of the next page, or {@code null} when this was the last page. */
    public PrimaryKey nextStart() {
        return nextStart;
    }

    @Override
    public String toString() {
        return "RangePage{rows=" + rows.size() + ", nextStart=" + nextStart + "}";
    }
}

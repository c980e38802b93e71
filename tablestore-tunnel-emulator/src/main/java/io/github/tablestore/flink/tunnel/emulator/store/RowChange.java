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

import io.github.tablestore.flink.tunnel.client.record.Row;

import java.util.List;
import java.util.Objects;

/** One row write as PutRow, UpdateRow, DeleteRow or a BatchWriteRow entry asks for it. Immutable. */
public final class RowChange {
    /** The kind of write. */
    public enum Kind {
        PUT,
        UPDATE,
        DELETE
    }

    /** What must hold of the row before the write (the row-existence expectation). */
    public enum Condition {
        IGNORE,
        EXPECT_EXIST,
        EXPECT_NOT_EXIST
    }

    /** What the write answers with. */
    public enum ReturnType {
        NONE,
        PRIMARY_KEY,
        /** The written columns (or the requested ones) after the write. */
        AFTER_MODIFY
    }

    private final Kind kind;
    private final Row row;
    private final Condition condition;
    private final ReturnType returnType;
    private final List<String> returnColumns;

    public RowChange(
            Kind kind,
            Row row,
            Condition condition,
            ReturnType returnType,
            List<String> returnColumns) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.row = Objects.requireNonNull(row, "row");
        this.condition = Objects.requireNonNull(condition, "condition");
        this.returnType = Objects.requireNonNull(returnType, "returnType");
        this.returnColumns = List.copyOf(returnColumns);
    }

    /** An unconditional write that returns nothing. */
    public static RowChange of(Kind kind, Row row) {
        return new RowChange(kind, row, Condition.IGNORE, ReturnType.NONE, List.of());
    }

    public Kind kind() {
        return kind;
    }

    /** The row: primary key and cells (for DELETE only the key counts). */
    public Row row() {
        return row;
    }

    public Condition condition() {
        return condition;
    }

    public ReturnType returnType() {
        return returnType;
    }

    public List<String> returnColumns() {
        return returnColumns;
    }
}

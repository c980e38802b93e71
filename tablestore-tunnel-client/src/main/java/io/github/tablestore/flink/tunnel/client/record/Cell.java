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

package io.github.tablestore.flink.tunnel.client.record;

import java.util.Objects;

/**
 * One attribute-column operation of a row: a name, an {@link CellOperation}, the value it carries
 * and an optional timestamp (the version, in milliseconds).
 *
 * <p>Valid combinations, checked on construction: {@code PUT} has a value (not a primary-key
 * marker) and an optional timestamp; {@code DELETE_ONE_VERSION} has a timestamp and no value;
 * {@code DELETE_ALL_VERSIONS} has neither; {@code INCREMENT} has an integer value and no
 * timestamp. Timestamps are never negative.
 */
public final class Cell {
    /** Timestamp of a cell that has none. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final String name;
    private final ColumnValue value;
    private final CellOperation operation;
    private final long timestamp;

    public Cell(String name, ColumnValue value, CellOperation operation, long timestamp) {
        this.name = Objects.requireNonNull(name, "name");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.value = value;
        this.timestamp = timestamp;
        if (timestamp < 0 && timestamp != NO_TIMESTAMP) {
            throw invalid("has a negative timestamp " + timestamp);
        }
        boolean hasTimestamp = timestamp != NO_TIMESTAMP;
        switch (operation) {
            case PUT:
                if (value == null) {
                    throw invalid("needs a value");
                }
                if (!value.type().allowedInCell()) {
                    throw invalid("cannot hold a " + value.type() + " value");
                }
                break;
            case DELETE_ONE_VERSION:
                if (value != null || !hasTimestamp) {
                    throw invalid("needs a timestamp and no value");
                }
                break;
            case DELETE_ALL_VERSIONS:
                if (value != null || hasTimestamp) {
                    throw invalid("takes no value and no timestamp");
                }
                break;
            case INCREMENT:
                if (value == null || value.type() != ValueType.INTEGER || hasTimestamp) {
                    throw invalid("needs an INTEGER value and no timestamp");
                }
                break;
            default:
                throw new AssertionError(operation);
        }
    }

    private IllegalArgumentException invalid(String what) {
        return new IllegalArgumentException(operation + " cell '" + name + "' " + what);
    }

    /** Writes {@code value} with version {@code timestamp}. */
    public static Cell put(String name, ColumnValue value, long timestamp) {
        return new Cell(name, value, CellOperation.PUT, timestamp);
    }

    /** Writes {@code value}; the server assigns the version. */
    public static Cell put(String name, ColumnValue value) {
        return new Cell(name, value, CellOperation.PUT, NO_TIMESTAMP);
    }

    public static Cell deleteOneVersion(String name, long timestamp) {
        return new Cell(name, null, CellOperation.DELETE_ONE_VERSION, timestamp);
    }

    public static Cell deleteAllVersions(String name) {
        return new Cell(name, null, CellOperation.DELETE_ALL_VERSIONS, NO_TIMESTAMP);
    }

    public static Cell increment(String name, long delta) {
        return new Cell(name, ColumnValue.ofLong(delta), CellOperation.INCREMENT, NO_TIMESTAMP);
    }

    /** This cell with a value that owns its bytes (see {@link ColumnValue#detached()}). */
    public Cell detached() {
        if (value == null || !value.isSlice()) {
            return this;
        }
        return new Cell(name, value.detached(), operation, timestamp);
    }

    public String name() {
        return name;
    }

    /** The value, or {@code null} for deletes. */
    public ColumnValue value() {
        return value;
    }

    public CellOperation operation() {
        return operation;
    }

    /** The version in milliseconds, or {@link #NO_TIMESTAMP}. */
    public long timestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return timestamp != NO_TIMESTAMP;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Cell)) {
            return false;
        }
        Cell other = (Cell) o;
        return name.equals(other.name)
                && operation == other.operation
                && timestamp == other.timestamp
                && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, operation.ordinal(), timestamp, value);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(' ').append(operation);
        if (value != null) {
            sb.append(' ').append(value);
        }
        if (hasTimestamp()) {
            sb.append(" @").append(timestamp);
        }
        return sb.toString();
    }
}

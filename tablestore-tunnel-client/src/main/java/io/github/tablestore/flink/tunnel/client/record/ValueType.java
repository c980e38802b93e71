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

/**
 * The type of a {@link ColumnValue}. {@link #INF_MIN}, {@link #INF_MAX} and {@link #AUTO_INCREMENT}
 * are primary-key markers only: range bounds and the "let the server assign it" placeholder.
 */
public enum ValueType {
    INTEGER,
    DOUBLE,
    BOOLEAN,
    STRING,
    BINARY,
    INF_MIN,
    INF_MAX,
    AUTO_INCREMENT;

    /** Whether a primary-key column may hold a value of this type. */
    public boolean allowedInPrimaryKey() {
        return this != DOUBLE && this != BOOLEAN;
    }

    /** Whether an attribute column (a cell) may hold a value of this type. */
    public boolean allowedInCell() {
        return this == INTEGER
                || this == DOUBLE
                || this == BOOLEAN
                || this == STRING
                || this == BINARY;
    }
}

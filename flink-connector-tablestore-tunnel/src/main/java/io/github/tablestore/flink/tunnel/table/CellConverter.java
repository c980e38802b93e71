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

package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.record.ColumnValue;

import org.apache.flink.annotation.Internal;

import java.io.Serializable;

/**
 * Turns a Tablestore value into Flink's internal form of one declared column type ({@code Long},
 * {@code StringData}, {@code DecimalData}, ...). Stateless.
 */
@Internal
@FunctionalInterface
public interface CellConverter extends Serializable {

    /**
     * @return the internal value, never null
     * @throws InvalidCellException when the value does not fit the column: wrong type, out of range
     */
    Object convert(ColumnValue value) throws InvalidCellException;

    /** Why a value does not fit its column; the caller adds table, column, channel and key. */
    public final class InvalidCellException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidCellException(String message) {
            super(message, null, false, false);
        }
    }
}

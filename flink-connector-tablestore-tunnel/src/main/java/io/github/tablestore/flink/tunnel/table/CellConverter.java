package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import java.io.Serializable;

/**
 * Turns a Tablestore value into Flink's internal form of one declared column type ({@code Long},
 * {@code StringData}, {@code DecimalData}, ...). Stateless.
 */
@FunctionalInterface
interface CellConverter extends Serializable {

    /**
     * @return the internal value, never null
     * @throws InvalidCellException when the value does not fit the column: wrong type, out of range
     */
    Object convert(ColumnValue value) throws InvalidCellException;

    /** Why a value does not fit its column; the caller adds table, column, channel and key. */
    final class InvalidCellException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidCellException(String message) {
            super(message, null, false, false);
        }
    }
}

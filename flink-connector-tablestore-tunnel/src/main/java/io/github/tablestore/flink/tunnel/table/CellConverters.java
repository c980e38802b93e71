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
import io.github.tablestore.flink.tunnel.client.record.ValueType;
import io.github.tablestore.flink.tunnel.table.CellConverter.InvalidCellException;
import io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.EpochUnit;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Set;

/**
 * The type mapping from Tablestore values to declared Flink column types (docs/sql.md, "Type
 * mapping"). Widening that loses nothing is allowed (an INTEGER into DOUBLE up to 2^53, into
 * DECIMAL); anything else that does not fit is an {@link InvalidCellException}.
 */
@Internal
public final class CellConverters {
    private CellConverters() {}

    private static final long MAX_EXACT_DOUBLE = 1L << 53;
    private static final long MAX_EXACT_FLOAT = 1L << 24;
    private static final long MICROS_PER_MILLI = 1_000L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /**
     * The converter for a declared column type.
     *
     * @throws IllegalArgumentException when no Tablestore value can be read as that type; the
     *     message names the supported types
     */
    public static CellConverter forType(LogicalType type, EpochUnit epochUnit) {
        switch (type.getTypeRoot()) {
            case BIGINT:
                return v -> integer(v, type);
            case INTEGER:
                return v ->
                        (int)
                                inRange(
                                        integer(v, type),
                                        Integer.MIN_VALUE,
                                        Integer.MAX_VALUE,
                                        v,
                                        type);
            case SMALLINT:
                return v ->
                        (short)
                                inRange(
                                        integer(v, type),
                                        Short.MIN_VALUE,
                                        Short.MAX_VALUE,
                                        v,
                                        type);
            case TINYINT:
                return v ->
                        (byte) inRange(integer(v, type), Byte.MIN_VALUE, Byte.MAX_VALUE, v, type);
            case DOUBLE:
                return v -> toDouble(v, type);
            case FLOAT:
                return v -> toFloat(v, type);
            case DECIMAL:
                return v -> toDecimal(v, (DecimalType) type);
            case BOOLEAN:
                return v -> {
                    expect(v, ValueType.BOOLEAN, type);
                    return v.asBoolean();
                };
            case CHAR:
            case VARCHAR:
                return v -> {
                    expect(v, ValueType.STRING, type);
                    byte[] utf8 = new byte[v.byteLength()];
                    v.copyBytesTo(utf8, 0);
                    return StringData.fromBytes(utf8);
                };
            case BINARY:
            case VARBINARY:
                return v -> {
                    expect(v, ValueType.BINARY, type);
                    return v.asBinary();
                };
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return v -> {
                    long micros = epochMicros(v, type, epochUnit);
                    return TimestampData.fromEpochMillis(
                            Math.floorDiv(micros, MICROS_PER_MILLI),
                            (int) (Math.floorMod(micros, MICROS_PER_MILLI) * 1000));
                };
            case DATE:
                return v -> {
                    long days = Math.floorDiv(epochMicros(v, type, epochUnit), MICROS_PER_DAY);
                    return (int) inRange(days, Integer.MIN_VALUE, Integer.MAX_VALUE, v, type);
                };
            default:
                throw new IllegalArgumentException(
                        "type "
                                + type.asSummaryString()
                                + " is not supported; "
                                + "use BIGINT, INT, SMALLINT, TINYINT, DOUBLE, FLOAT, DECIMAL, BOOLEAN, STRING, "
                                + "VARCHAR, CHAR, BYTES, VARBINARY, BINARY, TIMESTAMP, TIMESTAMP_LTZ or DATE");
        }
    }

    /** The Tablestore value types a declared column type accepts (for schema checks and docs). */
    public static Set<ValueType> acceptedTypes(LogicalType type) {
        switch (type.getTypeRoot()) {
            case BIGINT:
            case INTEGER:
            case SMALLINT:
            case TINYINT:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case DATE:
                return EnumSet.of(ValueType.INTEGER);
            case DOUBLE:
            case FLOAT:
                return EnumSet.of(ValueType.DOUBLE, ValueType.INTEGER);
            case DECIMAL:
                return EnumSet.of(ValueType.DOUBLE, ValueType.INTEGER, ValueType.STRING);
            case BOOLEAN:
                return EnumSet.of(ValueType.BOOLEAN);
            case CHAR:
            case VARCHAR:
                return EnumSet.of(ValueType.STRING);
            case BINARY:
            case VARBINARY:
                return EnumSet.of(ValueType.BINARY);
            default:
                return EnumSet.noneOf(ValueType.class);
        }
    }

    private static void expect(ColumnValue v, ValueType wanted, LogicalType type)
            throws InvalidCellException {
        if (v.type() != wanted) {
            throw mismatch(v, type, null);
        }
    }

    private static long integer(ColumnValue v, LogicalType type) throws InvalidCellException {
        expect(v, ValueType.INTEGER, type);
        return v.asLong();
    }

    private static long inRange(long value, long min, long max, ColumnValue v, LogicalType type)
            throws InvalidCellException {
        if (value < min || value > max) {
            throw mismatch(v, type, "out of range");
        }
        return value;
    }

    private static double toDouble(ColumnValue v, LogicalType type) throws InvalidCellException {
        if (v.type() == ValueType.DOUBLE) {
            return v.asDouble();
        }
        if (v.type() == ValueType.INTEGER && Math.abs(v.asLong()) <= MAX_EXACT_DOUBLE) {
            return (double) v.asLong();
        }
        throw mismatch(v, type, v.type() == ValueType.INTEGER ? "not exact as a double" : null);
    }

    private static float toFloat(ColumnValue v, LogicalType type) throws InvalidCellException {
        if (v.type() == ValueType.DOUBLE) {
            double d = v.asDouble();
            float f = (float) d;
            if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                throw mismatch(v, type, "out of range");
            }
            return f;
        }
        if (v.type() == ValueType.INTEGER && Math.abs(v.asLong()) <= MAX_EXACT_FLOAT) {
            return (float) v.asLong();
        }
        throw mismatch(v, type, v.type() == ValueType.INTEGER ? "not exact as a float" : null);
    }

    private static DecimalData toDecimal(ColumnValue v, DecimalType type)
            throws InvalidCellException {
        BigDecimal value;
        switch (v.type()) {
            case INTEGER:
                value = BigDecimal.valueOf(v.asLong());
                break;
            case DOUBLE:
                double d = v.asDouble();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw mismatch(v, type, "not a finite number");
                }
                value = BigDecimal.valueOf(d);
                break;
            case STRING:
                try {
                    value = new BigDecimal(v.asString().trim());
                } catch (NumberFormatException e) {
                    throw mismatch(v, type, "not a decimal number");
                }
                break;
            default:
                throw mismatch(v, type, null);
        }
        DecimalData data =
                DecimalData.fromBigDecimal(
                        value.setScale(type.getScale(), RoundingMode.HALF_UP),
                        type.getPrecision(),
                        type.getScale());
        if (data == null) {
            throw mismatch(v, type, "too many digits");
        }
        return data;
    }

    private static long epochMicros(ColumnValue v, LogicalType type, EpochUnit unit)
            throws InvalidCellException {
        long value = integer(v, type);
        try {
            return Math.multiplyExact(value, unit.micros());
        } catch (ArithmeticException e) {
            throw mismatch(v, type, "out of range for " + unit);
        }
    }

    private static InvalidCellException mismatch(ColumnValue v, LogicalType type, String why) {
        return new InvalidCellException(
                "is declared "
                        + type.asSummaryString()
                        + " but holds the "
                        + v.type()
                        + " value "
                        + v
                        + (why != null ? " (" + why + ")" : ""));
    }
}

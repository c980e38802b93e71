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
import io.github.tablestore.flink.tunnel.table.CellConverter.InvalidCellException;
import io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.EpochUnit;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.DataType;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The type mapping of docs/sql.md, value by value. */
class CellConvertersTest {

    private static Object convert(DataType type, ColumnValue value) throws InvalidCellException {
        return convert(type, value, EpochUnit.MILLISECONDS);
    }

    private static Object convert(DataType type, ColumnValue value, EpochUnit unit)
            throws InvalidCellException {
        return CellConverters.forType(type.getLogicalType(), unit).convert(value);
    }

    private static void invalid(DataType type, ColumnValue value, String message) {
        assertThatThrownBy(() -> convert(type, value))
                .isInstanceOf(InvalidCellException.class)
                .hasMessage(message);
    }

    @Test
    void integersFitTheirDeclaredWidthOrAreInvalid() throws Exception {
        assertThat(convert(DataTypes.BIGINT(), ColumnValue.ofLong(Long.MIN_VALUE)))
                .isEqualTo(Long.MIN_VALUE);
        assertThat(convert(DataTypes.INT(), ColumnValue.ofLong(Integer.MAX_VALUE)))
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(convert(DataTypes.SMALLINT(), ColumnValue.ofLong(-32768)))
                .isEqualTo((short) -32768);
        assertThat(convert(DataTypes.TINYINT(), ColumnValue.ofLong(127))).isEqualTo((byte) 127);
        invalid(
                DataTypes.INT(),
                ColumnValue.ofLong(3_000_000_000L),
                "is declared INT but holds the INTEGER value 3000000000 (out of range)");
        invalid(
                DataTypes.TINYINT(),
                ColumnValue.ofLong(128),
                "is declared TINYINT but holds the INTEGER value 128 (out of range)");
        invalid(
                DataTypes.BIGINT(),
                ColumnValue.ofString("7"),
                "is declared BIGINT but holds the STRING value \"7\"");
        invalid(
                DataTypes.BIGINT(),
                ColumnValue.ofDouble(7),
                "is declared BIGINT but holds the DOUBLE value 7.0");
    }

    @Test
    void floatingPointTakesDoublesAndExactIntegers() throws Exception {
        assertThat(convert(DataTypes.DOUBLE(), ColumnValue.ofDouble(1.5))).isEqualTo(1.5);
        assertThat(convert(DataTypes.DOUBLE(), ColumnValue.ofLong(1L << 53)))
                .isEqualTo((double) (1L << 53));
        invalid(
                DataTypes.DOUBLE(),
                ColumnValue.ofLong((1L << 53) + 1),
                "is declared DOUBLE but holds the INTEGER value 9007199254740993 (not exact as a double)");
        assertThat(convert(DataTypes.FLOAT(), ColumnValue.ofDouble(0.5))).isEqualTo(0.5f);
        assertThat(convert(DataTypes.FLOAT(), ColumnValue.ofDouble(Double.NaN)))
                .isEqualTo(Float.NaN);
        invalid(
                DataTypes.FLOAT(),
                ColumnValue.ofDouble(1e300),
                "is declared FLOAT but holds the DOUBLE value 1.0E300 (out of range)");
        invalid(
                DataTypes.DOUBLE(),
                ColumnValue.ofBoolean(true),
                "is declared DOUBLE but holds the BOOLEAN value true");
    }

    @Test
    void decimalsComeFromNumbersAndNumericStrings() throws Exception {
        DataType money = DataTypes.DECIMAL(10, 2);
        assertThat(convert(money, ColumnValue.ofString(" 12.345 ")))
                .isEqualTo(DecimalData.fromBigDecimal(new BigDecimal("12.35"), 10, 2));
        assertThat(convert(money, ColumnValue.ofDouble(0.1)))
                .isEqualTo(DecimalData.fromBigDecimal(new BigDecimal("0.10"), 10, 2));
        assertThat(convert(money, ColumnValue.ofLong(42)))
                .isEqualTo(DecimalData.fromBigDecimal(new BigDecimal("42.00"), 10, 2));
        invalid(
                money,
                ColumnValue.ofString("12,3"),
                "is declared DECIMAL(10, 2) but holds the STRING value \"12,3\" (not a decimal number)");
        invalid(
                money,
                ColumnValue.ofLong(100_000_000_000L),
                "is declared DECIMAL(10, 2) but holds the INTEGER value 100000000000 (too many digits)");
        invalid(
                money,
                ColumnValue.ofDouble(Double.POSITIVE_INFINITY),
                "is declared DECIMAL(10, 2) but holds the DOUBLE value Infinity (not a finite number)");
    }

    @Test
    void stringsBinariesAndBooleans() throws Exception {
        ByteBuffer body = ByteBuffer.wrap("xx héllo yy".getBytes(StandardCharsets.UTF_8));
        ColumnValue slice =
                ColumnValue.ofUtf8Slice(body, 3, "héllo".getBytes(StandardCharsets.UTF_8).length);
        assertThat(convert(DataTypes.STRING(), slice)).isEqualTo(StringData.fromString("héllo"));
        assertThat(convert(DataTypes.CHAR(3), ColumnValue.ofString("abc")))
                .isEqualTo(StringData.fromString("abc"));
        assertThat((byte[]) convert(DataTypes.BYTES(), ColumnValue.ofBinary(new byte[] {1, 2})))
                .containsExactly(1, 2);
        assertThat(convert(DataTypes.BOOLEAN(), ColumnValue.ofBoolean(false))).isEqualTo(false);
        invalid(
                DataTypes.STRING(),
                ColumnValue.ofLong(1),
                "is declared STRING but holds the INTEGER value 1");
        invalid(
                DataTypes.BYTES(),
                ColumnValue.ofString("a"),
                "is declared BYTES but holds the STRING value \"a\"");
        invalid(
                DataTypes.BOOLEAN(),
                ColumnValue.ofLong(1),
                "is declared BOOLEAN but holds the INTEGER value 1");
    }

    @Test
    void timesComeFromEpochIntegersInTheConfiguredUnit() throws Exception {
        assertThat(convert(DataTypes.TIMESTAMP_LTZ(3), ColumnValue.ofLong(1_700_000_000_123L)))
                .isEqualTo(TimestampData.fromEpochMillis(1_700_000_000_123L));
        assertThat(convert(DataTypes.TIMESTAMP(6), ColumnValue.ofLong(-1), EpochUnit.MICROSECONDS))
                .isEqualTo(TimestampData.fromEpochMillis(-1, 999_000));
        assertThat(
                        convert(
                                DataTypes.TIMESTAMP_LTZ(0),
                                ColumnValue.ofLong(1_700_000_000L),
                                EpochUnit.SECONDS))
                .isEqualTo(TimestampData.fromEpochMillis(1_700_000_000_000L));
        assertThat(convert(DataTypes.DATE(), ColumnValue.ofLong(86_400_000L * 3 + 1))).isEqualTo(3);
        assertThat(convert(DataTypes.DATE(), ColumnValue.ofLong(-1))).isEqualTo(-1);
        assertThatThrownBy(
                        () ->
                                convert(
                                        DataTypes.TIMESTAMP_LTZ(3),
                                        ColumnValue.ofLong(Long.MAX_VALUE),
                                        EpochUnit.SECONDS))
                .hasMessageContaining("(out of range for SECONDS)");
        invalid(
                DataTypes.DATE(),
                ColumnValue.ofString("2024-01-01"),
                "is declared DATE but holds the STRING value \"2024-01-01\"");
    }

    @Test
    void typesWithoutAMappingAreRefusedByName() {
        assertThatThrownBy(
                        () ->
                                CellConverters.forType(
                                        DataTypes.ARRAY(DataTypes.INT()).getLogicalType(),
                                        EpochUnit.SECONDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("type ARRAY<INT> is not supported; use BIGINT");
    }
}

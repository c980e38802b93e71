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

import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BinaryType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.CharType;
import org.apache.flink.table.types.logical.DateType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.FloatType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.SmallIntType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.TinyIntType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowImageCodecTest {

    /** Every type a produced field can have (physical columns and metadata), in one row. */
    private static final LogicalType[] ALL = {
        new BooleanType(),
        new TinyIntType(),
        new SmallIntType(),
        new IntType(),
        new DateType(),
        new BigIntType(),
        new FloatType(),
        new DoubleType(),
        new DecimalType(10, 2),
        new DecimalType(38, 10),
        new TimestampType(6),
        new LocalZonedTimestampType(3),
        new VarCharType(VarCharType.MAX_LENGTH),
        new CharType(3),
        new VarBinaryType(VarBinaryType.MAX_LENGTH),
        new BinaryType(2)
    };

    private static GenericRowData row(Object... fields) {
        return GenericRowData.of(fields);
    }

    private static void assertRoundTrip(
            RowImageCodec codec, GenericRowData row, long[] versions, boolean deleted) {
        byte[] image = codec.encode(row, row.getArity(), versions, deleted);
        long[] decodedVersions = new long[versions.length];
        GenericRowData decoded = codec.decode(image, decodedVersions);
        assertThat(decodedVersions).containsExactly(versions);
        assertThat(codec.deleted(image)).isEqualTo(deleted);
        assertThat(decoded.getArity()).isEqualTo(row.getArity());
        for (int i = 0; i < row.getArity(); i++) {
            Object expected = row.getField(i);
            Object actual = decoded.getField(i);
            assertThat(actual == null ? null : actual.getClass())
                    .as("class of field %d", i)
                    .isEqualTo(expected == null ? null : expected.getClass());
            assertThat(java.util.Objects.deepEquals(expected, actual))
                    .as("field %d: %s decoded as %s", i, expected, actual)
                    .isTrue();
        }
    }

    @Test
    void everyFieldTypeRoundTrips() {
        RowImageCodec codec = new RowImageCodec(ALL, 3);
        assertRoundTrip(
                codec,
                row(
                        true,
                        (byte) -128,
                        (short) -32768,
                        Integer.MIN_VALUE,
                        -719162,
                        Long.MIN_VALUE,
                        Float.MIN_VALUE,
                        -0.0d,
                        DecimalData.fromBigDecimal(new BigDecimal("-99999999.99"), 10, 2),
                        DecimalData.fromBigDecimal(
                                new BigDecimal("-9999999999999999999999999999.9999999999"), 38, 10),
                        TimestampData.fromEpochMillis(-1L, 999_999),
                        TimestampData.fromEpochMillis(Long.MIN_VALUE, 0),
                        StringData.fromString(""),
                        StringData.fromString("a"),
                        new byte[0],
                        new byte[] {0, -1}),
                new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE},
                false);
        assertRoundTrip(
                codec,
                row(
                        false,
                        (byte) 127,
                        (short) 32767,
                        Integer.MAX_VALUE,
                        2932896,
                        Long.MAX_VALUE,
                        Float.NaN,
                        Double.NEGATIVE_INFINITY,
                        DecimalData.fromBigDecimal(new BigDecimal("12.34"), 10, 2),
                        DecimalData.fromBigDecimal(new BigDecimal("1.0000000001"), 38, 10),
                        TimestampData.fromEpochMillis(1_700_000_000_123L, 456_000),
                        TimestampData.fromEpochMillis(Long.MAX_VALUE),
                        StringData.fromString("Grüße, 世界 \uD83D\uDE00"),
                        StringData.fromString("\u0000x"),
                        new byte[300],
                        new byte[] {(byte) 0x80, 0x7f}),
                new long[] {1, -1, 1_700_000_000_000L},
                true);
    }

    @Test
    void nullsRoundTripInEveryField() {
        RowImageCodec codec = new RowImageCodec(ALL, 0);
        assertRoundTrip(codec, new GenericRowData(ALL.length), new long[0], false);
    }

    @Test
    void stringsAreReadFromAnyFormOfStringData() {
        RowImageCodec codec =
                new RowImageCodec(
                        new LogicalType[] {new VarCharType(100), new VarCharType(100)}, 0);
        // A string that is a view into a larger array (as rows read off the wire are).
        byte[] memory = "..long ström..".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StringData view = BinaryStringData.fromBytes(memory, 2, memory.length - 4);
        GenericRowData decoded =
                codec.decode(
                        codec.encode(
                                row(view, StringData.fromString("java form")),
                                2,
                                new long[0],
                                false),
                        new long[0]);
        assertThat(decoded.getString(0).toString()).isEqualTo("long ström");
        assertThat(decoded.getString(1).toString()).isEqualTo("java form");
    }

    @Test
    void longStringsUseMultiByteLengths() {
        char[] chars = new char[70_000];
        Arrays.fill(chars, 'é');
        RowImageCodec codec =
                new RowImageCodec(new LogicalType[] {new VarCharType(VarCharType.MAX_LENGTH)}, 1);
        assertRoundTrip(
                codec, row(StringData.fromString(new String(chars))), new long[] {5}, false);
    }

    @Test
    void fieldsFromStoredFieldsOnAreStoredAsNull() {
        RowImageCodec codec =
                new RowImageCodec(new LogicalType[] {new BigIntType(), new VarCharType(10)}, 1);
        byte[] image =
                codec.encode(row(1L, StringData.fromString("meta")), 1, new long[] {7}, false);
        GenericRowData decoded = codec.decode(image, new long[1]);
        assertThat(decoded.getField(0)).isEqualTo(1L);
        assertThat(decoded.isNullAt(1)).isTrue();
    }

    @Test
    void markedDeletedKeepsTheRowAndVersionsAndLeavesTheOriginal() {
        RowImageCodec codec =
                new RowImageCodec(new LogicalType[] {new BigIntType(), new VarCharType(10)}, 2);
        byte[] image =
                codec.encode(row(1L, StringData.fromString("x")), 2, new long[] {3, 4}, false);
        byte[] original = image.clone();
        byte[] deleted = codec.markedDeleted(image);
        assertThat(image).isEqualTo(original);
        assertThat(codec.deleted(deleted)).isTrue();
        long[] versions = new long[2];
        assertThat(codec.decode(deleted, versions).toString()).isEqualTo("+I(1,x)");
        assertThat(versions).containsExactly(3, 4);
    }

    private static RowImageCodec pinnedCodec() {
        return new RowImageCodec(
                new LogicalType[] {
                    new BigIntType(false),
                    new VarCharType(10),
                    new BooleanType(),
                    new TimestampType(3)
                },
                2);
    }

    /** Pins format 2: a change to the encoding must be a new format, not a silent one. */
    @Test
    void formatTwoIsPinned() {
        byte[] image =
                pinnedCodec()
                        .encode(
                                row(
                                        1L,
                                        StringData.fromString("é"),
                                        null,
                                        TimestampData.fromEpochMillis(2L, 3)),
                                4,
                                new long[] {10, ImageEnvelope.NO_VERSION},
                                false);
        assertThat(image)
                .containsExactly(
                        0x02, 0x00, 0x04, 0x02, // format, flags, 4 fields, 2 versions
                        0x16, // version 10: zigzag(10 - 0) + 2
                        0x00, // no version
                        0x05, 0, 0, 0, 0, 0, 0, 0, 0x01, // BIGINT 1
                        0x0A, 0x02, 0xC3, 0xA9, // STRING "é"
                        0x00, // NULL
                        0x09, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 0, 0, 0x03); // TIMESTAMP 2 ms + 3 ns
    }

    /** State written by an earlier version (format 1: raw 8-byte versions) is still read. */
    @Test
    void formatOneImagesAreStillRead() {
        byte[] formatOne =
                bytes(
                        0x01, 0x00, 0x04, 0x02, // format, flags, 4 fields, 2 versions
                        0, 0, 0, 0, 0, 0, 0, 0x0A, // version 10
                        0x80, 0, 0, 0, 0, 0, 0, 0, // no version
                        0x05, 0, 0, 0, 0, 0, 0, 0, 0x01, // BIGINT 1
                        0x0A, 0x02, 0xC3, 0xA9, // STRING "é"
                        0x00, // NULL
                        0x09, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 0, 0, 0x03); // TIMESTAMP 2 ms + 3 ns
        long[] versions = new long[2];
        GenericRowData row = pinnedCodec().decode(formatOne, versions);
        assertThat(versions).containsExactly(10, ImageEnvelope.NO_VERSION);
        assertThat(row.getLong(0)).isEqualTo(1L);
        assertThat(row.getString(1).toString()).isEqualTo("é");
        assertThat(row.isNullAt(2)).isTrue();
        assertThat(row.getTimestamp(3, 3)).isEqualTo(TimestampData.fromEpochMillis(2L, 3));
    }

    @Test
    void everyVersionRoundTripsIncludingExtremes() {
        long[] written = {
            Long.MAX_VALUE,
            -5,
            ImageEnvelope.NO_VERSION,
            0,
            Long.MIN_VALUE + 1,
            1_700_000_000_000L,
            1_700_000_000_000L,
            1_699_999_999_999L,
            ImageEnvelope.NO_VERSION
        };
        LogicalType[] types = {new BigIntType()};
        RowImageCodec codec = new RowImageCodec(types, written.length);
        long[] read = new long[written.length];
        codec.decode(codec.encode(row(1L), 1, written, false), read);
        assertThat(read).containsExactly(written);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void everyTruncationIsACorruptImageNamingAnOffset() {
        RowImageCodec codec = new RowImageCodec(ALL, 2);
        GenericRowData row =
                row(
                        true,
                        (byte) 1,
                        (short) 2,
                        3,
                        4,
                        5L,
                        6f,
                        7d,
                        DecimalData.fromBigDecimal(new BigDecimal("8.00"), 10, 2),
                        DecimalData.fromBigDecimal(new BigDecimal("9"), 38, 10),
                        TimestampData.fromEpochMillis(10),
                        TimestampData.fromEpochMillis(11),
                        StringData.fromString("twelve"),
                        StringData.fromString("13"),
                        new byte[] {14},
                        new byte[] {15, 15});
        byte[] image = codec.encode(row, ALL.length, new long[] {1, 2}, false);
        for (int length = 0; length < image.length; length++) {
            byte[] truncated = Arrays.copyOf(image, length);
            assertThatThrownBy(() -> codec.decode(truncated, new long[2]))
                    .as("truncated to %d of %d bytes", length, image.length)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Corrupt row image state at byte ");
        }
    }

    @Test
    void corruptImagesAreRejectedWithWhatIsWrong() {
        LogicalType[] types = {new BigIntType(), new BooleanType()};
        RowImageCodec codec = new RowImageCodec(types, 1);
        byte[] image = codec.encode(row(1L, true), 2, new long[] {0}, false);

        byte[] otherFormat = image.clone();
        otherFormat[0] = 3;
        assertThatThrownBy(() -> codec.decode(otherFormat, new long[1]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at byte 0")
                .hasMessageContaining("unknown row image state format 3");
        assertThatThrownBy(() -> codec.deleted(otherFormat)).hasMessageContaining("format 3");

        RowImageCodec otherShape = new RowImageCodec(new LogicalType[] {new BigIntType()}, 1);
        assertThatThrownBy(() -> otherShape.decode(image, new long[1]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at byte 2")
                .hasMessageContaining("holds 2 fields and 1 versions, this query's image 1 and 1");

        RowImageCodec otherTypes =
                new RowImageCodec(new LogicalType[] {new DoubleType(), new BooleanType()}, 1);
        assertThatThrownBy(() -> otherTypes.decode(image, new long[1]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at byte 5") // 4 header bytes, version 0 in one byte
                .hasMessageContaining(
                        "field 0 of the row image state has tag 5, its type DOUBLE is tag 7");

        byte[] badBoolean = image.clone();
        badBoolean[badBoolean.length - 1] = 2;
        assertThatThrownBy(() -> codec.decode(badBoolean, new long[1]))
                .hasMessageContaining("at byte " + (image.length - 1))
                .hasMessageContaining("a BOOLEAN in the row image state is 2");

        byte[] trailing = Arrays.copyOf(image, image.length + 1);
        assertThatThrownBy(() -> codec.decode(trailing, new long[1]))
                .hasMessageContaining("at byte " + image.length)
                .hasMessageContaining("1 bytes after its last field");

        RowImageCodec strings = new RowImageCodec(new LogicalType[] {new VarCharType(10)}, 0);
        byte[] hugeLength = {
            1,
            0,
            1,
            0,
            RowImageCodec.STRING,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            0x0F
        };
        assertThatThrownBy(() -> strings.decode(hugeLength, new long[0]))
                .hasMessageContaining("at byte 5")
                .hasMessageContaining("not a valid varint");
        byte[] longerThanThere = {1, 0, 1, 0, RowImageCodec.STRING, 0x05, 'a'};
        assertThatThrownBy(() -> strings.decode(longerThanThere, new long[0]))
                .hasMessageContaining("at byte 6")
                .hasMessageContaining("truncated: 5 bytes needed, 1 left");
    }

    @Test
    void aTypeAnImageCannotHoldIsRejectedUpFront() {
        assertThatThrownBy(
                        () ->
                                new RowImageCodec(
                                        new LogicalType[] {new ArrayType(new IntType())}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot hold type ARRAY<INT>");
    }
}

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

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnValueTest {

    @Test
    void primaryKeyOrderPutsInfMinFirstAndInfMaxLast() {
        List<ColumnValue> values =
                new ArrayList<>(
                        List.of(
                                ColumnValue.INF_MAX,
                                ColumnValue.ofLong(5),
                                ColumnValue.ofLong(-3),
                                ColumnValue.INF_MIN,
                                ColumnValue.ofLong(Long.MIN_VALUE),
                                ColumnValue.ofLong(Long.MAX_VALUE)));
        Collections.sort(values);
        assertThat(values)
                .containsExactly(
                        ColumnValue.INF_MIN,
                        ColumnValue.ofLong(Long.MIN_VALUE),
                        ColumnValue.ofLong(-3),
                        ColumnValue.ofLong(5),
                        ColumnValue.ofLong(Long.MAX_VALUE),
                        ColumnValue.INF_MAX);
        assertThat(ColumnValue.INF_MIN.compareTo(ColumnValue.ofString(""))).isNegative();
        assertThat(ColumnValue.INF_MAX.compareTo(ColumnValue.ofBinary(new byte[] {(byte) 0xFF})))
                .isPositive();
        assertThat(ColumnValue.INF_MIN.compareTo(ColumnValue.INF_MIN)).isZero();
    }

    @Test
    void stringsCompareByUnsignedUtf8BytesNotByUtf16() {
        // UTF-16 would put U+FFFD after the surrogate pair of U+1F600; UTF-8 (EF.. < F0..) does
        // not.
        ColumnValue replacement = ColumnValue.ofString("\uFFFD");
        ColumnValue emoji = ColumnValue.ofString("\uD83D\uDE00");
        assertThat("\uFFFD".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(replacement.compareTo(emoji)).isNegative();

        List<ColumnValue> values =
                new ArrayList<>(
                        List.of(
                                ColumnValue.ofString("中"),
                                ColumnValue.ofString("b"),
                                ColumnValue.ofString("é"),
                                ColumnValue.ofString("a"),
                                ColumnValue.ofString("ab"),
                                ColumnValue.ofString("")));
        Collections.sort(values);
        assertThat(values)
                .extracting(ColumnValue::asString)
                .containsExactly("", "a", "ab", "b", "é", "中");
    }

    @Test
    void binariesCompareAsUnsignedBytesWithPrefixFirst() {
        ColumnValue low = ColumnValue.ofBinary(new byte[] {0x7F});
        ColumnValue high = ColumnValue.ofBinary(new byte[] {(byte) 0x80});
        ColumnValue longer = ColumnValue.ofBinary(new byte[] {0x7F, 0x00});
        assertThat(low.compareTo(high)).isNegative();
        assertThat(low.compareTo(longer)).isNegative();
        assertThat(longer.compareTo(high)).isNegative();
    }

    @Test
    void sliceBackedValuesEqualAndOrderLikeOwnedValues() {
        byte[] body = "xxhello\u00e9yy".getBytes(StandardCharsets.UTF_8);
        ByteBuffer readOnly = ByteBuffer.wrap(body).asReadOnlyBuffer();
        ColumnValue slice = ColumnValue.ofUtf8Slice(readOnly, 2, 7);
        ColumnValue owned = ColumnValue.ofString("hello\u00e9");
        assertThat(slice).isEqualTo(owned).hasSameHashCodeAs(owned);
        assertThat(slice.compareTo(owned)).isZero();
        assertThat(slice.asString()).isEqualTo("hello\u00e9").isSameAs(slice.asString());
        assertThat(slice.byteLength()).isEqualTo(7);

        ColumnValue binSlice = ColumnValue.ofBinarySlice(readOnly, 0, 2);
        assertThat(binSlice).isEqualTo(ColumnValue.ofBinary(new byte[] {'x', 'x'}));
        assertThat(binSlice).isNotEqualTo(ColumnValue.ofString("xx"));
    }

    @Test
    void binaryAccessCopiesOrViewsReadOnly() {
        byte[] original = {1, 2, 3};
        ColumnValue v = ColumnValue.ofBinary(original);
        original[0] = 9; // the factory copied
        byte[] copy = v.asBinary();
        copy[1] = 9; // asBinary returns a copy
        assertThat(v.asBinary()).containsExactly(1, 2, 3);

        ByteBuffer view = v.binaryView();
        assertThat(view.isReadOnly()).isTrue();
        assertThat(view.position()).isZero();
        assertThat(view.remaining()).isEqualTo(3);
        assertThatThrownBy(() -> view.put(0, (byte) 7)).isInstanceOf(ReadOnlyBufferException.class);

        byte[] body = {0, 0, 5, 6, 0};
        ColumnValue slice = ColumnValue.ofBinarySlice(ByteBuffer.wrap(body), 2, 2);
        ByteBuffer sliceView = slice.binaryView();
        assertThat(sliceView.get(0)).isEqualTo((byte) 5);
        body[2] = 42; // the view aliases the backing buffer: no copy was made
        assertThat(sliceView.get(0)).isEqualTo((byte) 42);
    }

    @Test
    void wrongTypeAccessNamesBothTypes() {
        assertThatThrownBy(() -> ColumnValue.ofLong(1).asString())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INTEGER")
                .hasMessageContaining("STRING");
        assertThatThrownBy(() -> ColumnValue.ofString("a").asBinary())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STRING")
                .hasMessageContaining("BINARY");
        assertThatThrownBy(() -> ColumnValue.INF_MIN.asLong())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INF_MIN");
        assertThatThrownBy(() -> ColumnValue.ofBoolean(true).byteLength())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void doublesKeepTheirBitsAndFollowDoubleEquals() {
        double payloadNaN = Double.longBitsToDouble(0x7FF0000000000123L);
        assertThat(Double.doubleToRawLongBits(ColumnValue.ofDouble(payloadNaN).asDouble()))
                .isEqualTo(0x7FF0000000000123L);
        assertThat(ColumnValue.ofDouble(payloadNaN)).isEqualTo(ColumnValue.ofDouble(Double.NaN));
        assertThat(ColumnValue.ofDouble(0.0)).isNotEqualTo(ColumnValue.ofDouble(-0.0));
        assertThat(ColumnValue.ofDouble(-0.0).compareTo(ColumnValue.ofDouble(0.0))).isNegative();
    }

    @Test
    void differentTypesCompareByTypeOrderAndAreNeverEqual() {
        assertThat(ColumnValue.ofLong(1).compareTo(ColumnValue.ofString("1"))).isNegative();
        assertThat(ColumnValue.ofString("1").compareTo(ColumnValue.ofBinary(new byte[] {'1'})))
                .isNegative();
        assertThat(ColumnValue.ofLong(1)).isNotEqualTo(ColumnValue.ofDouble(1.0));
        assertThat(ColumnValue.ofBoolean(true)).isSameAs(ColumnValue.ofBoolean(true));
    }

    @Test
    void unpairedSurrogatesReadBackAsTheirUtf8Replacement() {
        ColumnValue v = ColumnValue.ofString("a\uD800b");
        assertThat(v.asString()).isEqualTo("a?b");
        assertThat(v).isEqualTo(ColumnValue.ofString("a?b"));
    }

    @Test
    void slicesAreBoundsChecked() {
        ByteBuffer b = ByteBuffer.wrap(new byte[4]);
        assertThatThrownBy(() -> ColumnValue.ofUtf8Slice(b, 2, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ColumnValue.ofBinarySlice(b, -1, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void toStringIsReadableAndBounded() {
        assertThat(ColumnValue.ofLong(-7)).hasToString("-7");
        assertThat(ColumnValue.ofString("v")).hasToString("\"v\"");
        assertThat(ColumnValue.ofBinary(new byte[] {0x0A, (byte) 0xFF})).hasToString("0x0aff");
        assertThat(ColumnValue.INF_MAX).hasToString("INF_MAX");
        assertThat(ColumnValue.ofBinary(new byte[1000]).toString())
                .hasSizeLessThan(100)
                .contains("1000 bytes");
        assertThat(ColumnValue.ofString("x".repeat(1000)).toString()).hasSizeLessThan(200);
    }
}

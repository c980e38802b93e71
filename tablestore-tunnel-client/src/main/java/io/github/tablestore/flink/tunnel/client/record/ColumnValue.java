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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, typed Tablestore value: a primary-key value or a cell value.
 *
 * <p>String and binary values may be backed by a region of a larger buffer (see {@link
 * #ofUtf8Slice} and {@link #ofBinarySlice}); the decoder uses this to avoid copying value bytes
 * out of a response body. Such a value aliases that buffer, which must therefore not change
 * afterwards. A string's {@link String} form is decoded from its UTF-8 bytes on first use and
 * cached.
 *
 * <p>Ordering ({@link #compareTo}) is Tablestore's primary-key order: {@link #INF_MIN} sorts before
 * and {@link #INF_MAX} after every other value; integers compare numerically, strings and binaries
 * by their bytes as unsigned lexicographic sequences (UTF-8 for strings). Values of two different
 * ordinary types (which never meet inside one primary-key column) compare by {@link ValueType}
 * declaration order so that the order stays total. Equality is consistent with this order; doubles
 * follow {@link Double#equals} semantics. One value type for every kind (about 400 lines), as
 * the wire has one cell value type: a class per kind would cost an allocation and a dispatch per
 * cell on the decoding path.
 */
public final class ColumnValue implements Comparable<ColumnValue> {
    /** Smaller than any other value; used as a range start. */
    public static final ColumnValue INF_MIN = new ColumnValue(ValueType.INF_MIN, 0L);

    /** Greater than any other value; used as a range end. */
    public static final ColumnValue INF_MAX = new ColumnValue(ValueType.INF_MAX, 0L);

    /** Placeholder for a primary-key column whose value the server assigns. */
    public static final ColumnValue AUTO_INCREMENT = new ColumnValue(ValueType.AUTO_INCREMENT, 0L);

    private static final ColumnValue TRUE = new ColumnValue(ValueType.BOOLEAN, 1L);
    private static final ColumnValue FALSE = new ColumnValue(ValueType.BOOLEAN, 0L);
    private static final int TO_STRING_MAX_CHARS = 128;
    private static final int TO_STRING_MAX_BYTES = 32;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final ValueType type;

    /** INTEGER: the value; DOUBLE: its raw IEEE-754 bits; BOOLEAN: 0 or 1. */
    private final long bits;

    /** STRING (UTF-8) / BINARY content at absolute indices [offset, offset + length). */
    private final ByteBuffer bytes;

    private final int offset;
    private final int length;

    /** Lazily decoded string; a racy cache is safe because String is immutable. */
    private String string;

    /** Lazily computed hash; 0 means "not yet computed" (as in String). */
    private int hash;

    private ColumnValue(ValueType type, long bits) {
        this.type = type;
        this.bits = bits;
        this.bytes = null;
        this.offset = 0;
        this.length = 0;
    }

    private ColumnValue(ValueType type, ByteBuffer bytes, int offset, int length, String string) {
        this.type = type;
        this.bits = 0L;
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.string = string;
    }

    public static ColumnValue ofLong(long value) {
        return new ColumnValue(ValueType.INTEGER, value);
    }

    /** A double value; its exact bits (including a NaN payload) are kept for encoding. */
    public static ColumnValue ofDouble(double value) {
        return new ColumnValue(ValueType.DOUBLE, Double.doubleToRawLongBits(value));
    }

    public static ColumnValue ofBoolean(boolean value) {
        return value ? TRUE : FALSE;
    }

    /**
     * A string value. Unpaired surrogates cannot be represented in UTF-8 and become {@code '?'}, so
     * such a value reads back as the string its UTF-8 bytes decode to.
     */
    public static ColumnValue ofString(String value) {
        Objects.requireNonNull(value, "value");
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        String cached = hasSurrogate(value) ? null : value;
        return new ColumnValue(ValueType.STRING, ByteBuffer.wrap(utf8), 0, utf8.length, cached);
    }

    /** A binary value holding a copy of {@code value}. */
    public static ColumnValue ofBinary(byte[] value) {
        Objects.requireNonNull(value, "value");
        byte[] copy = value.clone();
        return new ColumnValue(ValueType.BINARY, ByteBuffer.wrap(copy), 0, copy.length, null);
    }

    /**
     * A string value whose UTF-8 bytes are {@code length} bytes of {@code buffer} at absolute index
     * {@code offset}. No copy is made and the bytes are not validated (malformed UTF-8 decodes to
     * U+FFFD): the buffer must not change afterwards.
     */
    public static ColumnValue ofUtf8Slice(ByteBuffer buffer, int offset, int length) {
        checkSlice(buffer, offset, length);
        return new ColumnValue(ValueType.STRING, buffer, offset, length, null);
    }

    /**
     * A binary value made of {@code length} bytes of {@code buffer} at absolute index {@code
     * offset}. No copy is made: the buffer must not change afterwards.
     */
    public static ColumnValue ofBinarySlice(ByteBuffer buffer, int offset, int length) {
        checkSlice(buffer, offset, length);
        return new ColumnValue(ValueType.BINARY, buffer, offset, length, null);
    }

    private static void checkSlice(ByteBuffer buffer, int offset, int length) {
        Objects.requireNonNull(buffer, "buffer");
        Objects.checkFromIndexSize(offset, length, buffer.limit());
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public ValueType type() {
        return type;
    }

    /**
     * This value with bytes of its own: a string or binary that is a slice of a larger buffer
     * (a decoded response body) is copied, anything else is returned as it is. A slice keeps its
     * whole buffer reachable, so a value kept beyond its batch should be detached.
     */
    public ColumnValue detached() {
        if (!isSlice()) {
            return this;
        }
        byte[] copy = new byte[length];
        copyContent(copy, 0);
        return new ColumnValue(type, ByteBuffer.wrap(copy), 0, length, string);
    }

    /** Whether the value's bytes are part of a larger buffer. */
    boolean isSlice() {
        return bytes != null
                && (offset != 0
                        || length != bytes.limit()
                        || !bytes.hasArray()
                        || bytes.array().length != length);
    }

    public long asLong() {
        expect(ValueType.INTEGER);
        return bits;
    }

    public double asDouble() {
        expect(ValueType.DOUBLE);
        return Double.longBitsToDouble(bits);
    }

    public boolean asBoolean() {
        expect(ValueType.BOOLEAN);
        return bits != 0L;
    }

    public String asString() {
        expect(ValueType.STRING);
        String s = string;
        if (s == null) {
            s = decodeUtf8();
            string = s;
        }
        return s;
    }

    /** The binary content as a fresh array. */
    public byte[] asBinary() {
        expect(ValueType.BINARY);
        byte[] copy = new byte[length];
        copyContent(copy, 0);
        return copy;
    }

    /** The binary content as a read-only buffer (position 0, no copy). */
    public ByteBuffer binaryView() {
        expect(ValueType.BINARY);
        return view();
    }

    /** A string's UTF-8 bytes as a read-only buffer (position 0, no copy). */
    public ByteBuffer utf8View() {
        expect(ValueType.STRING);
        return view();
    }

    /** Length in bytes of a string's UTF-8 form or of a binary value. */
    public int byteLength() {
        expectBytes();
        return length;
    }

    /** Copies a string's UTF-8 bytes or a binary value's bytes into {@code target} at {@code at}. */
    public void copyBytesTo(byte[] target, int at) {
        expectBytes();
        Objects.checkFromIndexSize(at, length, target.length);
        copyContent(target, at);
    }

    private void expect(ValueType wanted) {
        if (type != wanted) {
            throw new IllegalStateException("Value is " + type + ", not " + wanted);
        }
    }

    private void expectBytes() {
        if (bytes == null) {
            throw new IllegalStateException("Value is " + type + ", not STRING or BINARY");
        }
    }

    private ByteBuffer view() {
        ByteBuffer view = bytes.asReadOnlyBuffer();
        view.limit(offset + length).position(offset);
        return view.slice();
    }

    private void copyContent(byte[] target, int at) {
        if (bytes.hasArray()) {
            System.arraycopy(bytes.array(), bytes.arrayOffset() + offset, target, at, length);
        } else {
            // A read-only view (response bodies) hides its array; a relative bulk get on a
            // duplicate still copies in one go.
            ByteBuffer from = bytes.duplicate();
            from.limit(offset + length).position(offset);
            from.get(target, at, length);
        }
    }

    private String decodeUtf8() {
        if (bytes.hasArray()) {
            return new String(
                    bytes.array(), bytes.arrayOffset() + offset, length, StandardCharsets.UTF_8);
        }
        byte[] copy = new byte[length];
        copyContent(copy, 0);
        return new String(copy, StandardCharsets.UTF_8);
    }

    private byte byteAt(int i) {
        return bytes.get(offset + i);
    }

    private boolean sameBytes(ColumnValue other) {
        if (length != other.length) {
            return false;
        }
        if (bytes.hasArray() && other.bytes.hasArray()) {
            int a = bytes.arrayOffset() + offset;
            int b = other.bytes.arrayOffset() + other.offset;
            return Arrays.equals(bytes.array(), a, a + length, other.bytes.array(), b, b + length);
        }
        for (int i = 0; i < length; i++) {
            if (byteAt(i) != other.byteAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int compareBytes(ColumnValue other) {
        if (bytes.hasArray() && other.bytes.hasArray()) {
            int a = bytes.arrayOffset() + offset;
            int b = other.bytes.arrayOffset() + other.offset;
            return Arrays.compareUnsigned(
                    bytes.array(), a, a + length, other.bytes.array(), b, b + other.length);
        }
        int common = Math.min(length, other.length);
        for (int i = 0; i < common; i++) {
            int c = Integer.compare(byteAt(i) & 0xFF, other.byteAt(i) & 0xFF);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(length, other.length);
    }

    private static int rank(ValueType t) {
        if (t == ValueType.INF_MIN) {
            return 0;
        }
        return t == ValueType.INF_MAX ? 2 : 1;
    }

    @Override
    public int compareTo(ColumnValue other) {
        int byRank = Integer.compare(rank(type), rank(other.type));
        if (byRank != 0) {
            return byRank;
        }
        if (type != other.type) {
            return Integer.compare(type.ordinal(), other.type.ordinal());
        }
        switch (type) {
            case INTEGER:
                return Long.compare(bits, other.bits);
            case DOUBLE:
                return Double.compare(asDouble(), other.asDouble());
            case BOOLEAN:
                return Long.compare(bits, other.bits);
            case STRING:
            case BINARY:
                return compareBytes(other);
            default:
                return 0;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ColumnValue)) {
            return false;
        }
        ColumnValue other = (ColumnValue) o;
        if (type != other.type) {
            return false;
        }
        switch (type) {
            case INTEGER:
            case BOOLEAN:
                return bits == other.bits;
            case DOUBLE:
                return Double.doubleToLongBits(asDouble())
                        == Double.doubleToLongBits(other.asDouble());
            case STRING:
            case BINARY:
                return sameBytes(other);
            default:
                return true;
        }
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = computeHash();
            hash = h;
        }
        return h;
    }

    private int computeHash() {
        int h;
        switch (type) {
            case INTEGER:
            case BOOLEAN:
                h = Long.hashCode(bits);
                break;
            case DOUBLE:
                h = Long.hashCode(Double.doubleToLongBits(asDouble()));
                break;
            case STRING:
            case BINARY:
                h = 1;
                for (int i = 0; i < length; i++) {
                    h = 31 * h + byteAt(i);
                }
                break;
            default:
                h = 0;
        }
        return 31 * (type.ordinal() + 1) + h;
    }

    @Override
    public String toString() {
        switch (type) {
            case INTEGER:
                return Long.toString(bits);
            case DOUBLE:
                return Double.toString(asDouble());
            case BOOLEAN:
                return Boolean.toString(bits != 0L);
            case STRING:
                {
                    String s = asString();
                    return s.length() <= TO_STRING_MAX_CHARS
                            ? '"' + s + '"'
                            : '"'
                                    + s.substring(0, TO_STRING_MAX_CHARS)
                                    + "\"...("
                                    + length
                                    + " bytes)";
                }
            case BINARY:
                {
                    StringBuilder sb = new StringBuilder("0x");
                    int shown = Math.min(length, TO_STRING_MAX_BYTES);
                    for (int i = 0; i < shown; i++) {
                        int b = byteAt(i) & 0xFF;
                        sb.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
                    }
                    if (shown < length) {
                        sb.append("...(").append(length).append(" bytes)");
                    }
                    return sb.toString();
                }
            default:
                return type.name();
        }
    }
}

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
import org.apache.flink.table.data.binary.BinarySegmentUtils;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.apache.flink.table.types.logical.LogicalType;

import java.util.Arrays;

/**
 * The state form of one key's row image in {@link RowImageFunction}: a single {@code byte[]}.
 *
 * <p>One array per key instead of a row object with a boxed value per field: the heap state
 * backend holds millions of these for a long time, and a graph of small long-lived objects per
 * record is what the garbage collector pays for.
 *
 * <p>Format 2, all multi-byte numbers big-endian, counts and lengths as unsigned LEB128 varints:
 *
 * <pre>
 * byte     format (2)
 * byte     flags: bit 0 = the key was deleted (ignore-delete keeps the row shown downstream)
 * varint   field count, varint version count
 * per version (cell timestamp of each physical column), a 64-bit varint u:
 *   0 = no version | 1 = 8 bytes raw follow | else zigzag(version - previous version) + 2,
 *   "previous" being the last version before it that is not "no version" (0 for the first)
 * per field: a tag byte, 0 = NULL, else the tag of the field's type, then the value:
 *   BOOLEAN 1 byte 0/1 | TINYINT 1 | SMALLINT 2 | INTEGER, DATE 4 | BIGINT 8
 *   FLOAT 4 (raw IEEE bits) | DOUBLE 8 (raw IEEE bits)
 *   DECIMAL precision byte, scale byte, then 8 bytes unscaled when compact (precision &lt;= 18),
 *           else varint length + unscaled two's-complement bytes
 *   TIMESTAMP(_LTZ) 8 bytes epoch millis + 4 bytes nano-of-millisecond
 *   STRING varint length + UTF-8 | BYTES varint length + bytes
 * </pre>
 *
 * <p>Format 1 (read, no longer written) held each version as 8 raw bytes. The cells of a row
 * mostly share one timestamp, so format 2 holds most versions in one byte: an image of ten
 * attributes is about 90 bytes smaller, bytes the heap state backend's collector copies.
 *
 * <p>The tags make a value of another shape (a changed query restored from old state) fail with a
 * clear message instead of decoding as garbage. Not thread-safe: one instance per operator.
 * Encoder and decoder of the format stay together (about 400 lines) so that the one format is
 * written in one place.
 */
final class RowImageCodec {
    static final byte FORMAT = 2;

    /** The format before {@link #FORMAT}: still read. */
    static final byte FORMAT_1 = 1;

    private static final int DELETED = 1;

    static final byte NULL = 0;
    static final byte BOOLEAN = 1;
    static final byte TINYINT = 2;
    static final byte SMALLINT = 3;
    static final byte INT = 4;
    static final byte BIGINT = 5;
    static final byte FLOAT = 6;
    static final byte DOUBLE = 7;
    static final byte DECIMAL = 8;
    static final byte TIMESTAMP = 9;
    static final byte STRING = 10;
    static final byte BYTES = 11;

    private final byte[] tags;
    private final LogicalType[] types;
    private final int versionCount;
    private byte[] buffer = new byte[256];
    private int at;

    /**
     * @param types the image's fields (internal data structures as in {@link GenericRowData})
     * @param versionCount how many versions an image holds
     * @throws IllegalArgumentException for a type the codec cannot hold
     */
    RowImageCodec(LogicalType[] types, int versionCount) {
        this.types = types.clone();
        this.versionCount = versionCount;
        this.tags = new byte[types.length];
        for (int i = 0; i < types.length; i++) {
            tags[i] = tagOf(types[i]);
        }
    }

    private static byte tagOf(LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return BOOLEAN;
            case TINYINT:
                return TINYINT;
            case SMALLINT:
                return SMALLINT;
            case INTEGER:
            case DATE:
                return INT;
            case BIGINT:
                return BIGINT;
            case FLOAT:
                return FLOAT;
            case DOUBLE:
                return DOUBLE;
            case DECIMAL:
                return DECIMAL;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return TIMESTAMP;
            case CHAR:
            case VARCHAR:
                return STRING;
            case BINARY:
            case VARBINARY:
                return BYTES;
            default:
                throw new IllegalArgumentException(
                        "a row image cannot hold type " + type.asSummaryString());
        }
    }

    /**
     * The image of {@code row}; its fields from {@code storedFields} on are stored as NULL.
     *
     * @param versions at least the version count, the first of them stored
     */
    byte[] encode(GenericRowData row, int storedFields, long[] versions, boolean deleted) {
        at = 0;
        ensure(2 + 10 + 10 * versionCount);
        buffer[at++] = FORMAT;
        buffer[at++] = (byte) (deleted ? DELETED : 0);
        putVarint(tags.length);
        putVarint(versionCount);
        long previous = 0;
        for (int i = 0; i < versionCount; i++) {
            long v = versions[i];
            if (v == ImageEnvelope.NO_VERSION) {
                buffer[at++] = 0;
                continue;
            }
            long delta = v - previous;
            long zigzag = (delta << 1) ^ (delta >> 63);
            if (Long.compareUnsigned(zigzag, -3L) <= 0) {
                putVarlong(zigzag + 2);
            } else { // a delta too large for the varint form (only far negative versions)
                buffer[at++] = 1;
                putLong(v);
            }
            previous = v;
        }
        for (int i = 0; i < tags.length; i++) {
            Object value = i < storedFields ? row.getField(i) : null;
            ensure(1 + 12);
            if (value == null) {
                buffer[at++] = NULL;
                continue;
            }
            buffer[at++] = tags[i];
            putValue(tags[i], value);
        }
        return Arrays.copyOf(buffer, at);
    }

    private void putValue(byte tag, Object value) {
        switch (tag) {
            case BOOLEAN:
                buffer[at++] = (byte) ((Boolean) value ? 1 : 0);
                break;
            case TINYINT:
                buffer[at++] = (Byte) value;
                break;
            case SMALLINT:
                short s = (Short) value;
                buffer[at++] = (byte) (s >> 8);
                buffer[at++] = (byte) s;
                break;
            case INT:
                putInt((Integer) value);
                break;
            case BIGINT:
                putLong((Long) value);
                break;
            case FLOAT:
                putInt(Float.floatToRawIntBits((Float) value));
                break;
            case DOUBLE:
                putLong(Double.doubleToRawLongBits((Double) value));
                break;
            case DECIMAL:
                DecimalData d = (DecimalData) value;
                buffer[at++] = (byte) d.precision();
                buffer[at++] = (byte) d.scale();
                if (DecimalData.isCompact(d.precision())) {
                    putLong(d.toUnscaledLong());
                } else {
                    putBytes(d.toUnscaledBytes());
                }
                break;
            case TIMESTAMP:
                TimestampData t = (TimestampData) value;
                putLong(t.getMillisecond());
                putInt(t.getNanoOfMillisecond());
                break;
            case STRING:
                putString((StringData) value);
                break;
            case BYTES:
                putBytes((byte[]) value);
                break;
            default:
                throw new AssertionError(tag);
        }
    }

    private void putString(StringData value) {
        if (value instanceof BinaryStringData) {
            // Straight from the string's memory: no intermediate byte[].
            BinaryStringData s = (BinaryStringData) value;
            s.ensureMaterialized();
            int length = s.getSizeInBytes();
            putVarint(length);
            ensure(length);
            BinarySegmentUtils.copyToBytes(s.getSegments(), s.getOffset(), buffer, at, length);
            at += length;
        } else {
            putBytes(value.toBytes());
        }
    }

    private void putBytes(byte[] bytes) {
        putVarint(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, at, bytes.length);
        at += bytes.length;
    }

    private void putInt(int v) {
        buffer[at++] = (byte) (v >>> 24);
        buffer[at++] = (byte) (v >>> 16);
        buffer[at++] = (byte) (v >>> 8);
        buffer[at++] = (byte) v;
    }

    private void putLong(long v) {
        PackedLongs.put(buffer, at, v);
        at += 8;
    }

    private void putVarint(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buffer[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[at++] = (byte) v;
    }

    private void putVarlong(long v) {
        while ((v & ~0x7FL) != 0) {
            buffer[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[at++] = (byte) v;
    }

    private void ensure(int more) {
        if (at + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + more));
        }
    }

    /** Whether {@code image} is marked deleted. */
    boolean deleted(byte[] image) {
        checkFormat(image);
        return (image[1] & DELETED) != 0;
    }

    /** {@code image} marked deleted (a copy; images are never modified). */
    byte[] markedDeleted(byte[] image) {
        checkFormat(image);
        byte[] copy = image.clone();
        copy[1] |= DELETED;
        return copy;
    }

    private static void checkFormat(byte[] image) {
        if (image.length < 2) {
            throw corrupt(
                    image.length,
                    "the row image state value is truncated (" + image.length + " bytes)");
        }
        if (image[0] != FORMAT && image[0] != FORMAT_1) {
            throw corrupt(
                    0,
                    "unknown row image state format "
                            + image[0]
                            + " (this version reads formats "
                            + FORMAT_1
                            + " and "
                            + FORMAT
                            + "); start the job without this state");
        }
    }

    /**
     * The row held in {@code image}; its versions go to {@code versions}. Strings are views of
     * {@code image}, which is never modified; byte arrays are copies.
     *
     * @throws IllegalStateException naming the byte offset, when {@code image} is not an image of
     *     this codec's shape
     */
    GenericRowData decode(byte[] image, long[] versions) {
        checkFormat(image);
        Reader in = new Reader(image, 2);
        int fields = in.varint();
        int versionCount = in.varint();
        if (fields != tags.length || versionCount != this.versionCount) {
            throw corrupt(
                    2,
                    "the row image state holds "
                            + fields
                            + " fields and "
                            + versionCount
                            + " versions, this query's image "
                            + tags.length
                            + " and "
                            + this.versionCount
                            + " (state of another query?); start the job without this state");
        }
        if (image[0] == FORMAT_1) {
            in.need(8 * versionCount);
            for (int i = 0; i < versionCount; i++) {
                versions[i] = in.longValue();
            }
        } else {
            long previous = 0;
            for (int i = 0; i < versionCount; i++) {
                long u = in.varlong();
                if (u == 0) {
                    versions[i] = ImageEnvelope.NO_VERSION;
                    continue;
                }
                long v;
                if (u == 1) {
                    v = in.longValue();
                } else {
                    long zigzag = u - 2;
                    v = previous + ((zigzag >>> 1) ^ -(zigzag & 1));
                }
                versions[i] = v;
                previous = v;
            }
        }
        GenericRowData row = new GenericRowData(tags.length);
        for (int i = 0; i < tags.length; i++) {
            in.need(1);
            int tagAt = in.at;
            byte tag = image[in.at++];
            if (tag == NULL) {
                continue;
            }
            if (tag != tags[i]) {
                throw corrupt(
                        tagAt,
                        "field "
                                + i
                                + " of the row image state has tag "
                                + tag
                                + ", its type "
                                + types[i].asSummaryString()
                                + " is tag "
                                + tags[i]);
            }
            row.setField(i, in.value(tag));
        }
        if (in.at != image.length) {
            throw corrupt(
                    in.at,
                    "the row image state has "
                            + (image.length - in.at)
                            + " bytes after its last field");
        }
        return row;
    }

    private static IllegalStateException corrupt(int offset, String what) {
        return new IllegalStateException("Corrupt row image state at byte " + offset + ": " + what);
    }

    /** Reads one image, checking every length against the bytes that are there. */
    private static final class Reader {
        final byte[] bytes;
        int at;

        Reader(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        void need(int n) {
            if (n < 0 || n > bytes.length - at) {
                throw corrupt(
                        at,
                        "the row image state is truncated: "
                                + n
                                + " bytes needed, "
                                + (bytes.length - at)
                                + " left");
            }
        }

        /** A non-negative int in at most 5 bytes. */
        int varint() {
            int start = at;
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                need(1);
                byte b = bytes[at++];
                if (shift == 28 && (b & 0xF8) != 0) {
                    break; // more than 31 bits, or a sixth byte
                }
                v |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw corrupt(start, "a count or length in the row image state is not a valid varint");
        }

        /** A 64-bit unsigned varint in at most 10 bytes. */
        long varlong() {
            int start = at;
            long v = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                need(1);
                byte b = bytes[at++];
                if (shift == 63 && (b & 0xFE) != 0) {
                    break; // more than 64 bits, or an eleventh byte
                }
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw corrupt(start, "a version in the row image state is not a valid varint");
        }

        int intValue() {
            need(4);
            int v =
                    (bytes[at] & 0xFF) << 24
                            | (bytes[at + 1] & 0xFF) << 16
                            | (bytes[at + 2] & 0xFF) << 8
                            | (bytes[at + 3] & 0xFF);
            at += 4;
            return v;
        }

        long longValue() {
            need(8);
            long v = PackedLongs.get(bytes, at);
            at += 8;
            return v;
        }

        Object value(byte tag) {
            switch (tag) {
                case BOOLEAN:
                    need(1);
                    byte b = bytes[at++];
                    if (b != 0 && b != 1) {
                        throw corrupt(at - 1, "a BOOLEAN in the row image state is " + b);
                    }
                    return b == 1;
                case TINYINT:
                    need(1);
                    return bytes[at++];
                case SMALLINT:
                    need(2);
                    short s = (short) ((bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF));
                    at += 2;
                    return s;
                case INT:
                    return intValue();
                case BIGINT:
                    return longValue();
                case FLOAT:
                    return Float.intBitsToFloat(intValue());
                case DOUBLE:
                    return Double.longBitsToDouble(longValue());
                case DECIMAL:
                    need(2);
                    int precision = bytes[at++];
                    int scale = bytes[at++];
                    if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
                        throw corrupt(
                                at - 2,
                                "a DECIMAL in the row image state has precision "
                                        + precision
                                        + " and scale "
                                        + scale);
                    }
                    if (DecimalData.isCompact(precision)) {
                        return DecimalData.fromUnscaledLong(longValue(), precision, scale);
                    }
                    return DecimalData.fromUnscaledBytes(bytes(), precision, scale);
                case TIMESTAMP:
                    long millis = longValue();
                    int nanos = intValue();
                    if (nanos < 0 || nanos > 999_999) {
                        throw corrupt(
                                at - 4,
                                "a TIMESTAMP in the row image state has "
                                        + nanos
                                        + " nanoseconds of millisecond");
                    }
                    return TimestampData.fromEpochMillis(millis, nanos);
                case STRING:
                    int length = varint();
                    need(length);
                    StringData string = StringData.fromBytes(bytes, at, length);
                    at += length;
                    return string;
                case BYTES:
                    return bytes();
                default:
                    throw new AssertionError(tag);
            }
        }

        private byte[] bytes() {
            int length = varint();
            need(length);
            byte[] out = Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return out;
        }
    }
}

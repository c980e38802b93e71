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
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.ValueType;

import java.nio.charset.StandardCharsets;

/**
 * The identity of a row as the key of {@link RowImageFunction}'s state: its primary-key values in
 * a compact binary form, held in a {@code String} of chars 0-255 (ISO-8859-1) so that Flink keys
 * by it with its ordinary, deterministic {@code String} serializer and hash.
 *
 * <p>Each key column is a tag then its value: {@code 'i'} + 8 bytes big-endian for an INTEGER;
 * {@code 's'} (STRING, UTF-8) or {@code 'b'} (BINARY) + a 4-byte big-endian length + the bytes.
 * (Any other value type, absent from tunnel records, is {@code '?'} + its type's ordinal.)
 * This is a prefix code, so two keys are equal exactly when their encodings are. Building it
 * copies the values' bytes and decodes no text. The form is part of the job's state (a
 * savepoint's keys): changing it makes old state unreachable.
 */
final class RowKeys {
    private RowKeys() {}

    private static final byte INTEGER = 'i';
    private static final byte STRING = 's';
    private static final byte BINARY = 'b';
    private static final byte OTHER = '?';

    /** The encoded key of {@code primaryKey}. */
    static byte[] encode(PrimaryKey primaryKey) {
        int size = 0;
        int columns = primaryKey.size();
        for (int k = 0; k < columns; k++) {
            ColumnValue v = primaryKey.get(k).value();
            size += v.type() == ValueType.INTEGER ? 9 : hasBytes(v) ? 5 + v.byteLength() : 2;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int k = 0; k < columns; k++) {
            ColumnValue v = primaryKey.get(k).value();
            if (v.type() == ValueType.INTEGER) {
                out[at] = INTEGER;
                PackedLongs.put(out, at + 1, v.asLong());
                at += 9;
                continue;
            }
            if (!hasBytes(v)) {
                // Not in tunnel records (their keys are INTEGER, STRING or BINARY); kept distinct.
                out[at] = OTHER;
                out[at + 1] = (byte) v.type().ordinal();
                at += 2;
                continue;
            }
            int length = v.byteLength();
            out[at] = v.type() == ValueType.STRING ? STRING : BINARY;
            putInt(out, at + 1, length);
            if (length > 0) {
                v.copyBytesTo(out, at + 5);
            }
            at += 5 + length;
        }
        return out;
    }

    private static boolean hasBytes(ColumnValue v) {
        return v.type() == ValueType.STRING || v.type() == ValueType.BINARY;
    }

    /** The state key of an encoded key. */
    static String key(byte[] encoded) {
        return new String(encoded, StandardCharsets.ISO_8859_1);
    }

    /** A readable form of a state key for messages, e.g. {@code [7, "a", 0x0f]}. */
    static String describe(String key) {
        byte[] b = key.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder sb = new StringBuilder("[");
        int at = 0;
        while (at < b.length) {
            if (at > 0) {
                sb.append(", ");
            }
            byte tag = b[at];
            if (tag == INTEGER && at + 9 <= b.length) {
                sb.append(PackedLongs.get(b, at + 1));
                at += 9;
                continue;
            }
            if (tag == OTHER
                    && at + 2 <= b.length
                    && (b[at + 1] & 0xFF) < ValueType.values().length) {
                sb.append(ValueType.values()[b[at + 1] & 0xFF]);
                at += 2;
                continue;
            }
            int length = at + 5 <= b.length ? getInt(b, at + 1) : -1;
            if ((tag != STRING && tag != BINARY) || length < 0 || at + 5 + length > b.length) {
                return sb.append("?]").toString(); // not a key of this form
            }
            if (tag == STRING) {
                sb.append('"')
                        .append(new String(b, at + 5, length, StandardCharsets.UTF_8))
                        .append('"');
            } else {
                sb.append("0x");
                for (int i = at + 5; i < at + 5 + length; i++) {
                    sb.append(Character.forDigit((b[i] >> 4) & 0xF, 16))
                            .append(Character.forDigit(b[i] & 0xF, 16));
                }
            }
            at += 5 + length;
        }
        return sb.append(']').toString();
    }

    private static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }

    private static int getInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }
}

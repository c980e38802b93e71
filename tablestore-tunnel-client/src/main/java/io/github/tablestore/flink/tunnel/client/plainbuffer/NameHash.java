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

package io.github.tablestore.flink.tunnel.client.plainbuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hash of a column name's UTF-8 bytes, shared by the name cache and the column filter. It takes
 * eight bytes per multiply (names are compared byte for byte after a hash match, so the hash only
 * needs to spread well, and cheaply: it runs for every cell of every record).
 */
final class NameHash {
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final long MULTIPLIER = 0xC2B2AE3D27D4EB4FL;
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private NameHash() {}

    static int of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    /** The hash of {@code bytes[offset, offset + length)}. */
    static int of(byte[] bytes, int offset, int length) {
        long h = SEED ^ length;
        int i = offset;
        int end = offset + length;
        for (; end - i >= 8; i += 8) {
            h = (h ^ (long) LONG_LE.get(bytes, i)) * MULTIPLIER;
            h ^= h >>> 29;
        }
        long tail = 0;
        for (int bits = 0; i < end; i++, bits += 8) {
            tail |= (bytes[i] & 0xFFL) << bits;
        }
        h = (h ^ tail) * MULTIPLIER;
        h ^= h >>> 32;
        return (int) h;
    }

    /** Spreads the high bits down so that small power-of-two tables use all of the hash. */
    static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** Whether {@code key} equals {@code bytes[offset, offset + length)}. */
    static boolean bytesEqual(byte[] key, byte[] bytes, int offset, int length) {
        return key.length == length
                && Arrays.equals(key, 0, length, bytes, offset, offset + length);
    }

    static String decode(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
}

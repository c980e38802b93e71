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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The CRC-8 that guards PlainBuffer cells and rows: polynomial 0x07, initial value 0, no
 * reflection, no final XOR. Integers are fed as their little-endian bytes. Checksums are carried
 * as {@code int} in [0, 255].
 */
public final class Crc8 {
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] TABLE = new byte[256];
    /*
     * Slicing-by-8. The CRC is linear, so feeding 8 bytes b0..b7 to state c gives
     * T8[c ^ b0] ^ T7[b1] ^ ... ^ T1[b7], where Tk[v] is the CRC of v followed by k-1 zero
     * bytes. The eight lookups are independent, unlike the byte-serial chain.
     */
    private static final byte[] T1 = TABLE;
    private static final byte[] T2 = new byte[256];
    private static final byte[] T3 = new byte[256];
    private static final byte[] T4 = new byte[256];
    private static final byte[] T5 = new byte[256];
    private static final byte[] T6 = new byte[256];
    private static final byte[] T7 = new byte[256];
    private static final byte[] T8 = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i;
            for (int bit = 0; bit < 8; bit++) {
                x = (x & 0x80) != 0 ? (x << 1) ^ 0x07 : x << 1;
            }
            TABLE[i] = (byte) x;
        }
        byte[][] slices = {T1, T2, T3, T4, T5, T6, T7, T8};
        for (int k = 1; k < slices.length; k++) {
            for (int i = 0; i < 256; i++) {
                slices[k][i] = TABLE[slices[k - 1][i] & 0xFF];
            }
        }
    }

    private Crc8() {}

    public static int update(int crc, byte value) {
        return TABLE[(crc ^ value) & 0xFF] & 0xFF;
    }

    /** Feeds the low byte of {@code value}. */
    public static int updateByte(int crc, int value) {
        return TABLE[(crc ^ value) & 0xFF] & 0xFF;
    }

    /** Feeds the 4 little-endian bytes of {@code value}. */
    public static int updateInt(int crc, int value) {
        for (int i = 0; i < 4; i++) {
            crc = TABLE[(crc ^ value) & 0xFF] & 0xFF;
            value >>>= 8;
        }
        return crc;
    }

    /** Feeds the 8 little-endian bytes of {@code value} (one slicing-by-8 step). */
    public static int updateLong(int crc, long value) {
        return (T8[(crc ^ (int) value) & 0xFF]
                        ^ T7[(int) (value >>> 8) & 0xFF]
                        ^ T6[(int) (value >>> 16) & 0xFF]
                        ^ T5[(int) (value >>> 24) & 0xFF]
                        ^ T4[(int) (value >>> 32) & 0xFF]
                        ^ T3[(int) (value >>> 40) & 0xFF]
                        ^ T2[(int) (value >>> 48) & 0xFF]
                        ^ T1[(int) (value >>> 56) & 0xFF])
                & 0xFF;
    }

    public static int update(int crc, byte[] bytes) {
        return update(crc, bytes, 0, bytes.length);
    }

    public static int update(int crc, byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        for (; end - i >= 8; i += 8) {
            // One 8-byte load instead of eight bounds-checked byte loads.
            crc = updateLong(crc, (long) LONG_LE.get(bytes, i));
        }
        for (; i < end; i++) {
            crc = TABLE[(crc ^ bytes[i]) & 0xFF] & 0xFF;
        }
        return crc;
    }

    /**
     * Feeds {@code length} bytes of {@code buffer} from absolute index {@code index}; the buffer's
     * position is untouched.
     */
    public static int update(int crc, ByteBuffer buffer, int index, int length) {
        int i = index;
        int end = index + length;
        boolean bigEndian = buffer.order() == ByteOrder.BIG_ENDIAN;
        for (; end - i >= 8; i += 8) {
            long w = buffer.getLong(i);
            if (bigEndian) {
                w = Long.reverseBytes(w); // byte i in the low bits
            }
            crc = updateLong(crc, w);
        }
        for (; i < end; i++) {
            crc = TABLE[(crc ^ buffer.get(i)) & 0xFF] & 0xFF;
        }
        return crc;
    }
}

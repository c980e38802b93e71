package io.github.tablestore.flink.tunnel.client.plainbuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The CRC-8 that guards PlainBuffer cells and rows: polynomial 0x07, initial value 0, no
 * reflection, no final XOR. Integers are fed as their little-endian bytes. Checksums are carried
 * as {@code int} in [0, 255].
 */
public final class Crc8 {
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

    /** Feeds the 8 little-endian bytes of {@code value}. */
    public static int updateLong(int crc, long value) {
        for (int i = 0; i < 8; i++) {
            crc = TABLE[(crc ^ (int) value) & 0xFF] & 0xFF;
            value >>>= 8;
        }
        return crc;
    }

    public static int update(int crc, byte[] bytes) {
        return update(crc, bytes, 0, bytes.length);
    }

    public static int update(int crc, byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        for (; end - i >= 8; i += 8) {
            crc = (T8[(crc ^ bytes[i]) & 0xFF]
                            ^ T7[bytes[i + 1] & 0xFF]
                            ^ T6[bytes[i + 2] & 0xFF]
                            ^ T5[bytes[i + 3] & 0xFF]
                            ^ T4[bytes[i + 4] & 0xFF]
                            ^ T3[bytes[i + 5] & 0xFF]
                            ^ T2[bytes[i + 6] & 0xFF]
                            ^ T1[bytes[i + 7] & 0xFF])
                    & 0xFF;
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
            crc = (T8[(crc ^ (int) w) & 0xFF]
                            ^ T7[(int) (w >>> 8) & 0xFF]
                            ^ T6[(int) (w >>> 16) & 0xFF]
                            ^ T5[(int) (w >>> 24) & 0xFF]
                            ^ T4[(int) (w >>> 32) & 0xFF]
                            ^ T3[(int) (w >>> 40) & 0xFF]
                            ^ T2[(int) (w >>> 48) & 0xFF]
                            ^ T1[(int) (w >>> 56) & 0xFF])
                    & 0xFF;
        }
        for (; i < end; i++) {
            crc = TABLE[(crc ^ buffer.get(i)) & 0xFF] & 0xFF;
        }
        return crc;
    }
}

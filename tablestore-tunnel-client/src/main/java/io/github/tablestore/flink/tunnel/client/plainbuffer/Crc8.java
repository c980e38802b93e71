package io.github.tablestore.flink.tunnel.client.plainbuffer;

import java.nio.ByteBuffer;

/**
 * The CRC-8 that guards PlainBuffer cells and rows: polynomial 0x07, initial value 0, no
 * reflection, no final XOR. Integers are fed as their little-endian bytes. Checksums are carried
 * as {@code int} in [0, 255].
 */
public final class Crc8 {
    private static final byte[] TABLE = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i;
            for (int bit = 0; bit < 8; bit++) {
                x = (x & 0x80) != 0 ? (x << 1) ^ 0x07 : x << 1;
            }
            TABLE[i] = (byte) x;
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
        for (int i = offset, end = offset + length; i < end; i++) {
            crc = TABLE[(crc ^ bytes[i]) & 0xFF] & 0xFF;
        }
        return crc;
    }

    /** Feeds {@code length} bytes of {@code buffer} from absolute index {@code index}; the buffer's position is untouched. */
    public static int update(int crc, ByteBuffer buffer, int index, int length) {
        for (int i = index, end = index + length; i < end; i++) {
            crc = TABLE[(crc ^ buffer.get(i)) & 0xFF] & 0xFF;
        }
        return crc;
    }
}

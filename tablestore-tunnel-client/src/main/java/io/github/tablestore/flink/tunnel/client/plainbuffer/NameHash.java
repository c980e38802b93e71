package io.github.tablestore.flink.tunnel.client.plainbuffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** FNV-1a over a column name's UTF-8 bytes, shared by the name cache and the column filter. */
final class NameHash {
    static final int SEED = 0x811C9DC5;
    private static final int PRIME = 0x01000193;

    private NameHash() {}

    static int step(int hash, byte b) {
        return (hash ^ (b & 0xFF)) * PRIME;
    }

    static int of(byte[] bytes) {
        int h = SEED;
        for (byte b : bytes) {
            h = step(h, b);
        }
        return h;
    }

    /** Spreads the high bits down so that small power-of-two tables use all of the hash. */
    static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    static boolean bytesEqual(byte[] key, ByteBuffer buffer, int offset, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != buffer.get(offset + i)) {
                return false;
            }
        }
        return true;
    }

    static byte[] copy(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        if (buffer.hasArray()) {
            System.arraycopy(buffer.array(), buffer.arrayOffset() + offset, bytes, 0, length);
        } else {
            for (int i = 0; i < length; i++) {
                bytes[i] = buffer.get(offset + i);
            }
        }
        return bytes;
    }

    static String decode(ByteBuffer buffer, int offset, int length) {
        if (buffer.hasArray()) {
            return new String(
                    buffer.array(), buffer.arrayOffset() + offset, length, StandardCharsets.UTF_8);
        }
        return new String(copy(buffer, offset, length), StandardCharsets.UTF_8);
    }
}

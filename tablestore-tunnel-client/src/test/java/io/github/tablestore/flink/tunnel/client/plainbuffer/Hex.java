package io.github.tablestore.flink.tunnel.client.plainbuffer;

import java.nio.ByteBuffer;

/** Hex helpers for tests. */
final class Hex {
    private Hex() {}

    static byte[] bytes(String hex) {
        String clean = hex.replaceAll("\\s", "");
        byte[] out = new byte[clean.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(clean.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(bytes(hex)).asReadOnlyBuffer();
    }

    static String of(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }
}

package io.github.tablestore.flink.tunnel.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Longs stored big-endian in a byte array, 8 bytes each: a compact, fixed-width form for a row's
 * cell versions in a BYTES field (an {@code ARRAY<BIGINT>} costs a conversion to Flink's binary
 * array every time a row is serialized or copied).
 */
final class PackedLongs {
    private PackedLongs() {}

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** The long at byte offset {@code at}. */
    static long get(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /** Stores {@code value} at byte offset {@code at}. */
    static void put(byte[] bytes, int at, long value) {
        LONGS.set(bytes, at, value);
    }
}

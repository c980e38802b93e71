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

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** The long at byte offset {@code at}. */
    static long get(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /** Stores {@code value} at byte offset {@code at}. */
    static void put(byte[] bytes, int at, long value) {
        LONGS.set(bytes, at, value);
    }
}

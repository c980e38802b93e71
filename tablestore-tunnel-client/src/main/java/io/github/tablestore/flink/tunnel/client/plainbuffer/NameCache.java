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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Column-name Strings by their UTF-8 bytes, so that names repeated on every record are decoded
 * once. Open addressing with a short probe window; when the window is full the home slot is
 * overwritten, so the cache never grows beyond its fixed size. Not thread-safe.
 */
final class NameCache {
    private static final int SLOTS = 512;
    private static final int MASK = SLOTS - 1;
    private static final int MAX_PROBES = 8;

    /** Longer names are decoded every time rather than pinned in the cache. */
    private static final int MAX_NAME_BYTES = 256;

    private final byte[][] keys = new byte[SLOTS][];
    private final int[] hashes = new int[SLOTS];
    private final String[] names = new String[SLOTS];

    /** The name whose UTF-8 bytes are {@code bytes[offset, offset + length)}, hashing to {@code hash}. */
    String get(byte[] bytes, int offset, int length, int hash) {
        if (length > MAX_NAME_BYTES) {
            return NameHash.decode(bytes, offset, length);
        }
        int home = NameHash.spread(hash) & MASK;
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            int slot = (home + probe) & MASK;
            byte[] key = keys[slot];
            if (key == null) {
                return put(slot, bytes, offset, length, hash);
            }
            if (hashes[slot] == hash && NameHash.bytesEqual(key, bytes, offset, length)) {
                return names[slot];
            }
        }
        return put(home, bytes, offset, length, hash);
    }

    private String put(int slot, byte[] bytes, int offset, int length, int hash) {
        byte[] key = Arrays.copyOfRange(bytes, offset, offset + length);
        String name = new String(key, StandardCharsets.UTF_8);
        keys[slot] = key;
        hashes[slot] = hash;
        names[slot] = name;
        return name;
    }

    /** Number of occupied slots (for tests). */
    int size() {
        int n = 0;
        for (byte[] key : keys) {
            if (key != null) {
                n++;
            }
        }
        return n;
    }
}

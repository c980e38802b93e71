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

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds a column's index by name, for names seen at a position of a record (the i-th cell, the
 * i-th key column). Records of one table repeat their names in the same order, and the decoder
 * hands out the same {@code String} instance for a name it has seen, so the index of the name last
 * seen at a position is remembered and reused when the same instance comes again there: no
 * hashing per cell. Any other name (a new instance, another order) is looked up by value, so the
 * answer never depends on the cache. Not thread-safe: one per deserializer instance.
 */
final class ColumnIndex {
    /** Index of a name that is not a wanted column. */
    static final int ABSENT = -1;

    /** Positions beyond this are looked up by value every time (bounds the cache). */
    private static final int MAX_CACHED_POSITIONS = 1024;

    private final Map<String, Integer> byName;
    private String[] seen;
    private int[] seenIndex;

    /** @param names the wanted columns; a name maps to the index of its first occurrence */
    ColumnIndex(Map<String, Integer> names) {
        this.byName = new HashMap<>(names);
        int initial = Math.max(8, Math.min(MAX_CACHED_POSITIONS, names.size() * 2));
        this.seen = new String[initial];
        this.seenIndex = new int[initial];
    }

    /** The wanted columns among {@code names} ({@code wanted[i]}) with their index i. */
    static ColumnIndex of(String[] names, boolean[] wanted) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (wanted[i]) {
                map.putIfAbsent(names[i], i);
            }
        }
        return new ColumnIndex(map);
    }

    /** The index of column {@code name}, seen at {@code position} of a record, or {@link #ABSENT}. */
    int indexOf(String name, int position) {
        if (position < seen.length) {
            if (seen[position] == name) {
                return seenIndex[position];
            }
        } else if (position < MAX_CACHED_POSITIONS) {
            int size = Math.min(MAX_CACHED_POSITIONS, Math.max(position + 1, seen.length * 2));
            seen = Arrays.copyOf(seen, size);
            seenIndex = Arrays.copyOf(seenIndex, size);
        } else {
            return lookup(name);
        }
        int index = lookup(name);
        seen[position] = name;
        seenIndex[position] = index;
        return index;
    }

    private int lookup(String name) {
        Integer index = byName.get(name);
        return index == null ? ABSENT : index;
    }
}

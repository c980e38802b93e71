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
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which attribute columns the decoder materializes: all of them, or those with the given names
 * (projection push-down). Cells of other columns are still parsed and checksum-verified but no
 * String or value is created for them: their name bytes are matched against the pre-encoded UTF-8
 * of the wanted names. Primary-key columns are always decoded. Immutable and thread-safe.
 */
public final class ColumnFilter {
    private static final ColumnFilter ALL = new ColumnFilter(null);

    private final Set<String> names;

    /** Open-addressing table of wanted names' UTF-8 bytes; null slots are empty. */
    private final byte[][] table;

    private final int[] hashes;
    private final int mask;

    private ColumnFilter(Set<String> names) {
        this.names = names;
        if (names == null) {
            table = null;
            hashes = null;
            mask = 0;
            return;
        }
        int size = Integer.highestOneBit(Math.max(4, names.size() * 2) - 1) << 1;
        table = new byte[size][];
        hashes = new int[size];
        mask = size - 1;
        for (String name : names) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            int hash = NameHash.of(utf8);
            int slot = NameHash.spread(hash) & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = utf8;
            hashes[slot] = hash;
        }
    }

    /** Decode every attribute column. */
    public static ColumnFilter all() {
        return ALL;
    }

    /** Decode only the attribute columns named here (none if empty). */
    public static ColumnFilter of(Collection<String> names) {
        Objects.requireNonNull(names, "names");
        Set<String> copy = new LinkedHashSet<>();
        for (String name : names) {
            copy.add(Objects.requireNonNull(name, "column name"));
        }
        return new ColumnFilter(Collections.unmodifiableSet(copy));
    }

    public static ColumnFilter of(String... names) {
        return of(Arrays.asList(names));
    }

    public boolean includesAll() {
        return names == null;
    }

    /** The wanted names; empty for {@link #all()} (check {@link #includesAll()} first). */
    public Set<String> names() {
        return names == null ? Collections.<String>emptySet() : names;
    }

    public boolean includes(String name) {
        return names == null || names.contains(name);
    }

    /** Whether the name whose UTF-8 bytes are {@code bytes[offset, offset+length)} is wanted. */
    boolean includes(byte[] bytes, int offset, int length, int hash) {
        if (table == null) {
            return true;
        }
        int slot = NameHash.spread(hash) & mask;
        while (true) {
            byte[] key = table[slot];
            if (key == null) {
                return false;
            }
            if (hashes[slot] == hash && NameHash.bytesEqual(key, bytes, offset, length)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o
                || (o instanceof ColumnFilter && Objects.equals(names, ((ColumnFilter) o).names));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(names);
    }

    @Override
    public String toString() {
        return names == null ? "ColumnFilter[all]" : "ColumnFilter" + names;
    }
}

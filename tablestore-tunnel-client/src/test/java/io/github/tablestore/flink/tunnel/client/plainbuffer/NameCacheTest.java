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

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NameCacheTest {
    private final NameCache cache = new NameCache();

    @Test
    void repeatedNamesReturnTheCachedInstance() {
        String first = lookup("列名");
        String second = lookup(new String("列名".toCharArray()));
        assertThat(first).isEqualTo("列名").isSameAs(second);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void collidingHashesStillResolveByBytes() {
        // Force every name onto the same hash: the cache must tell them apart by their bytes,
        // also once more names collide than its probe window holds (eviction).
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20; i++) {
                String name = "name" + i;
                byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
                assertThat(cache.get(bytes, 0, bytes.length, 42)).isEqualTo(name);
            }
        }
        assertThat(cache.size()).isLessThanOrEqualTo(8);
    }

    @Test
    void manyDistinctNamesStayCorrectWhileTheCacheStaysBounded() {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5000; i++) {
                assertThat(lookup("column_" + i)).isEqualTo("column_" + i);
            }
        }
        assertThat(cache.size()).isLessThanOrEqualTo(512);
    }

    @Test
    void longNamesAreDecodedButNotCached() {
        String longName = "x".repeat(300);
        assertThat(lookup(longName)).isEqualTo(longName);
        assertThat(cache.size()).isZero();
    }

    @Test
    void namesAreReadAtTheirOffsetInsideALargerBuffer() {
        byte[] body = "..pk..".getBytes(StandardCharsets.UTF_8);
        byte[] name = "pk".getBytes(StandardCharsets.UTF_8);
        assertThat(cache.get(body, 2, 2, NameHash.of(name))).isEqualTo("pk");
        assertThat(cache.get(name, 0, 2, NameHash.of(name))).isEqualTo("pk");
        assertThat(cache.size()).isEqualTo(1);
    }

    private String lookup(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return cache.get(bytes, 0, bytes.length, NameHash.of(bytes));
    }
}

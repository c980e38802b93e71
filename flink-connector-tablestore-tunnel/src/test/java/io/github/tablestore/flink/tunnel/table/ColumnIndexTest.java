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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnIndexTest {
    private static final String[] NAMES = {"id", "a", "b", "c"};
    private static final boolean[] WANTED = {false, true, true, true};

    /** A name equal to {@code s} but another instance, as a decoder without the name cached gives. */
    private static String fresh(String s) {
        return new String(s.toCharArray());
    }

    @Test
    void findsWantedColumnsAndNothingElse() {
        ColumnIndex index = ColumnIndex.of(NAMES, WANTED);
        assertThat(index.indexOf("a", 0)).isEqualTo(1);
        assertThat(index.indexOf("c", 1)).isEqualTo(3);
        assertThat(index.indexOf("id", 2)).isEqualTo(ColumnIndex.ABSENT);
        assertThat(index.indexOf("zzz", 3)).isEqualTo(ColumnIndex.ABSENT);
    }

    @Test
    void theAnswerDoesNotDependOnWhatWasSeenBeforeAtAPosition() {
        ColumnIndex index = ColumnIndex.of(NAMES, WANTED);
        String a = "a";
        String b = "b";
        assertThat(index.indexOf(a, 0)).isEqualTo(1);
        assertThat(index.indexOf(a, 0)).isEqualTo(1); // same instance: cached
        assertThat(index.indexOf(b, 0)).isEqualTo(2); // another name at the position
        assertThat(index.indexOf(fresh("a"), 0)).isEqualTo(1); // equal name, other instance
        assertThat(index.indexOf(fresh("x"), 0)).isEqualTo(ColumnIndex.ABSENT);
        assertThat(index.indexOf(a, 1)).isEqualTo(1); // other order
        assertThat(index.indexOf(fresh("c"), 1)).isEqualTo(3);
        assertThat(index.indexOf(a, 1)).isEqualTo(1);
    }

    @Test
    void positionsBeyondTheCacheAreLookedUpToo() {
        ColumnIndex index = ColumnIndex.of(NAMES, WANTED);
        for (int position : new int[] {7, 8, 100, 1023, 1024, 5000, 5000}) {
            assertThat(index.indexOf("b", position)).as("position %d", position).isEqualTo(2);
            assertThat(index.indexOf(fresh("c"), position)).isEqualTo(3);
            assertThat(index.indexOf("id", position)).isEqualTo(ColumnIndex.ABSENT);
        }
    }

    @Test
    void aRepeatedNameMapsToItsFirstColumn() {
        ColumnIndex index = ColumnIndex.of(new String[] {"a", "a"}, new boolean[] {true, true});
        assertThat(index.indexOf("a", 0)).isEqualTo(0);
    }
}

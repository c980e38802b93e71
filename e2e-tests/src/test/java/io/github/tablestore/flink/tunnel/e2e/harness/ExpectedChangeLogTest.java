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

package io.github.tablestore.flink.tunnel.e2e.harness;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The end-to-end tests' judge: it must accept exactly the right outputs and name what is wrong. */
class ExpectedChangeLogTest {
    /**
     * Key 1 existed when the tunnel was created (v0) and was changed to v1 while the scan ran, then
     * deleted; key 2 was inserted during the scan.
     */
    private final ExpectedChangeLog expected =
            new ExpectedChangeLog(
                    Map.of(1L, Set.of("v0", "v1"), 2L, Set.of("n1")),
                    Set.of(1L),
                    Map.of(1L, List.of("PUT_ROW|v1", "DELETE_ROW|"), 2L, List.of("PUT_ROW|n1")));

    @Test
    void acceptsTheChangeLogWithEitherScanValue() {
        assertThat(
                        expected.mismatches(
                                List.of(
                                        "1|0|B|PUT_ROW|v0",
                                        "1|1|S|PUT_ROW|v1",
                                        "1|2|S|DELETE_ROW|",
                                        "2|0|S|PUT_ROW|n1")))
                .isEmpty();
        assertThat(
                        expected.mismatches(
                                List.of(
                                        "2|1|S|PUT_ROW|n1",
                                        "1|2|S|DELETE_ROW|",
                                        "1|0|B|PUT_ROW|v1",
                                        "1|1|S|PUT_ROW|v1",
                                        "2|0|B|PUT_ROW|n1")))
                .as("in any file order; a row inserted during the scan may be scanned")
                .isEmpty();
    }

    @Test
    void aRecordCommittedTwiceIsReported() {
        assertThat(
                        expected.mismatches(
                                List.of(
                                        "1|0|B|PUT_ROW|v0",
                                        "1|1|S|PUT_ROW|v1",
                                        "1|1|S|PUT_ROW|v1",
                                        "1|2|S|DELETE_ROW|",
                                        "2|0|S|PUT_ROW|n1")))
                .singleElement()
                .asString()
                .startsWith("key 1: arrival 1 committed 2 times");
    }

    @Test
    void aLostRecordIsReported() {
        assertThat(
                        expected.mismatches(
                                List.of(
                                        "1|0|B|PUT_ROW|v0",
                                        "1|2|S|DELETE_ROW|",
                                        "2|0|S|PUT_ROW|n1")))
                .singleElement()
                .asString()
                .contains("gap before 2");
        assertThat(
                        expected.mismatches(
                                List.of(
                                        "1|0|B|PUT_ROW|v0",
                                        "1|1|S|PUT_ROW|v1",
                                        "1|2|S|DELETE_ROW|")))
                .singleElement()
                .asString()
                .isEqualTo("key 2: changes [] but expected [PUT_ROW|n1]");
    }

    @Test
    void aReplayedChangeWithANewNumberIsReported() {
        assertThat(
                        expected.mismatches(
                                List.of(
                                        "1|0|B|PUT_ROW|v0",
                                        "1|1|S|PUT_ROW|v1",
                                        "1|2|S|PUT_ROW|v1",
                                        "1|3|S|DELETE_ROW|",
                                        "2|0|S|PUT_ROW|n1")))
                .singleElement()
                .asString()
                .contains(
                        "changes [PUT_ROW|v1, "
                                + "PUT_ROW|v1, DELETE_ROW|] but expected [PUT_ROW|v1, DELETE_ROW|]");
    }

    @Test
    void changesOutOfOrderAreReported() {
        assertThat(
                        expected.mismatches(
                                List.of(
                                        "1|0|B|PUT_ROW|v0",
                                        "1|1|S|DELETE_ROW|",
                                        "1|2|S|PUT_ROW|v1",
                                        "2|0|S|PUT_ROW|n1")))
                .singleElement()
                .asString()
                .startsWith("key 1: changes [DELETE_ROW|, PUT_ROW|v1]");
    }

    @Test
    void aScanRowThatIsMissingLateOrWrongIsReported() {
        assertThat(
                        expected.mismatches(
                                List.of(
                                        "1|0|S|PUT_ROW|v1",
                                        "1|1|S|DELETE_ROW|",
                                        "2|0|S|PUT_ROW|n1")))
                .singleElement()
                .asString()
                .startsWith("key 1: no row from the scan first");
        assertThat(
                        expected.mismatches(
                                List.of(
                                        "1|0|B|PUT_ROW|v9",
                                        "1|1|S|PUT_ROW|v1",
                                        "1|2|S|DELETE_ROW|",
                                        "2|0|S|PUT_ROW|n1")))
                .singleElement()
                .asString()
                .contains("the scan showed B|PUT_ROW|v9");
        assertThat(
                        expected.mismatches(
                                List.of(
                                        "1|0|B|PUT_ROW|v0",
                                        "1|1|S|PUT_ROW|v1",
                                        "1|2|B|PUT_ROW|v0",
                                        "1|3|S|DELETE_ROW|",
                                        "2|0|S|PUT_ROW|n1")))
                .singleElement()
                .asString()
                .contains("a scan row after the first record");
    }

    @Test
    void recordsOfUnknownKeysAreReported() {
        assertThat(
                        expected.mismatches(
                                List.of(
                                        "1|0|B|PUT_ROW|v0",
                                        "1|1|S|PUT_ROW|v1",
                                        "1|2|S|DELETE_ROW|",
                                        "2|0|S|PUT_ROW|n1",
                                        "3|0|S|PUT_ROW|x")))
                .singleElement()
                .asString()
                .isEqualTo("key 3: changes [PUT_ROW|x] but expected []");
    }

    @Test
    void caughtUpMeansEveryChangeAndEveryRequiredScanRowIsThere() {
        assertThat(
                        expected.isCaughtUpBy(
                                List.of(
                                        "1|0|B|PUT_ROW|v0",
                                        "1|1|S|PUT_ROW|v1",
                                        "1|2|S|DELETE_ROW|")))
                .isFalse();
        assertThat(
                        expected.isCaughtUpBy(
                                List.of(
                                        "1|0|S|PUT_ROW|v1",
                                        "1|1|S|DELETE_ROW|",
                                        "2|0|S|PUT_ROW|n1")))
                .isFalse();
        assertThat(
                        expected.isCaughtUpBy(
                                List.of(
                                        "1|0|B|PUT_ROW|v0",
                                        "1|1|S|PUT_ROW|v1",
                                        "1|2|S|DELETE_ROW|",
                                        "2|0|S|PUT_ROW|n1")))
                .isTrue();
    }
}

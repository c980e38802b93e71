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

package io.github.tablestore.flink.tunnel.client.record;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordModelTest {

    @Test
    void cellsAcceptOnlyValidOperationCombinations() {
        assertThat(Cell.put("c", ColumnValue.ofLong(1)).hasTimestamp()).isFalse();
        assertThat(Cell.put("c", ColumnValue.ofLong(1), 5).timestamp()).isEqualTo(5);
        assertThat(Cell.deleteAllVersions("c").value()).isNull();

        assertThatThrownBy(() -> new Cell("c", null, CellOperation.PUT, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c'");
        assertThatThrownBy(() -> Cell.put("c", ColumnValue.INF_MIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new Cell(
                                        "c",
                                        ColumnValue.ofLong(1),
                                        CellOperation.DELETE_ONE_VERSION,
                                        1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new Cell(
                                        "c",
                                        null,
                                        CellOperation.DELETE_ONE_VERSION,
                                        Cell.NO_TIMESTAMP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cell("c", null, CellOperation.DELETE_ALL_VERSIONS, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new Cell(
                                        "c",
                                        ColumnValue.ofString("1"),
                                        CellOperation.INCREMENT,
                                        Cell.NO_TIMESTAMP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cell.put("c", ColumnValue.ofLong(1), -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void primaryKeyColumnsRejectNonKeyTypes() {
        assertThatThrownBy(() -> new PrimaryKeyColumn("pk", ColumnValue.ofDouble(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOUBLE");
        assertThatThrownBy(() -> new PrimaryKeyColumn("pk", ColumnValue.ofBoolean(true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void primaryKeysCompareColumnByColumnAndLookUpByName() {
        PrimaryKey a1 = key(ColumnValue.ofString("a"), ColumnValue.ofLong(1));
        PrimaryKey a2 = key(ColumnValue.ofString("a"), ColumnValue.ofLong(2));
        PrimaryKey aMin = key(ColumnValue.ofString("a"), ColumnValue.INF_MIN);
        PrimaryKey aMax = key(ColumnValue.ofString("a"), ColumnValue.INF_MAX);
        PrimaryKey b0 = key(ColumnValue.ofString("b"), ColumnValue.ofLong(0));
        List<PrimaryKey> keys = new ArrayList<>(List.of(b0, aMax, a2, aMin, a1));
        Collections.sort(keys);
        assertThat(keys).containsExactly(aMin, a1, a2, aMax, b0);
        assertThat(
                        PrimaryKey.of(new PrimaryKeyColumn("p", ColumnValue.ofString("a")))
                                .compareTo(a1))
                .isNegative();

        assertThat(a2.value("n")).isEqualTo(ColumnValue.ofLong(2));
        assertThat(a2.value("missing")).isNull();
        assertThat(a2.size()).isEqualTo(2);
        assertThat(a2.get(0).name()).isEqualTo("p");
        assertThat(a2).hasToString("[p=\"a\", n=2]");
    }

    @Test
    void sequenceInfoOrdersByEpochThenTimestampThenRowIndex() {
        List<SequenceInfo> seqs =
                new ArrayList<>(
                        List.of(
                                new SequenceInfo(2, 0, 0),
                                new SequenceInfo(1, 5, 1),
                                new SequenceInfo(1, 5, 0),
                                new SequenceInfo(1, 4, 9)));
        Collections.sort(seqs);
        assertThat(seqs)
                .containsExactly(
                        new SequenceInfo(1, 4, 9),
                        new SequenceInfo(1, 5, 0),
                        new SequenceInfo(1, 5, 1),
                        new SequenceInfo(2, 0, 0));
        assertThat(new SequenceInfo(1, 0x10, 2)).hasToString("00000001:0000000000000010:00000002");
    }

    @Test
    void tunnelRecordsEnforceTunnelCellRules() {
        PrimaryKey pk = key(ColumnValue.ofString("a"), ColumnValue.ofLong(1));
        assertThatThrownBy(
                        () ->
                                new TunnelRecord(
                                        RecordAction.UPDATE_ROW,
                                        pk,
                                        List.of(Cell.increment("f", 1)),
                                        null,
                                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INCREMENT");
        assertThatThrownBy(
                        () ->
                                new TunnelRecord(
                                        RecordAction.PUT_ROW,
                                        pk,
                                        List.of(Cell.put("c", ColumnValue.ofLong(1))),
                                        null,
                                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timestamp");
        assertThatThrownBy(
                        () ->
                                new TunnelRecord(
                                        RecordAction.PUT_ROW,
                                        pk,
                                        List.of(),
                                        null,
                                        List.of(Cell.put("c", ColumnValue.ofLong(1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("origin");

        TunnelRecord record =
                new TunnelRecord(
                        RecordAction.PUT_ROW,
                        pk,
                        List.of(Cell.put("c", ColumnValue.ofLong(1), 3)),
                        null,
                        List.of());
        assertThat(record.isBaseData()).isTrue();
        assertThat(record.column("c").value()).isEqualTo(ColumnValue.ofLong(1));
        assertThat(record.column("d")).isNull();
        assertThat(record.toString()).contains("PUT_ROW").contains("base");
    }

    @Test
    void modelListsAreImmutableCopies() {
        List<Cell> cells = new ArrayList<>(List.of(Cell.deleteAllVersions("c")));
        Row row = Row.of(key(ColumnValue.ofString("a"), ColumnValue.ofLong(1)), cells);
        cells.clear();
        assertThat(row.cells()).hasSize(1);
        assertThatThrownBy(() -> row.cells().add(Cell.deleteAllVersions("d")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static PrimaryKey key(ColumnValue p, ColumnValue n) {
        return PrimaryKey.of(new PrimaryKeyColumn("p", p), new PrimaryKeyColumn("n", n));
    }
}

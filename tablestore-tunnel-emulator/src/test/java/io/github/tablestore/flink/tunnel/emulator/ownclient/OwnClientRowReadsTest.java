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

package io.github.tablestore.flink.tunnel.emulator.ownclient;

import io.github.tablestore.flink.tunnel.client.ErrorCodes;
import io.github.tablestore.flink.tunnel.client.RetryPolicy;
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.TunnelClients;
import io.github.tablestore.flink.tunnel.client.model.RangePage;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultSpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's point reads (GetRow, BatchGetRow, GetRange) against the emulator over HTTP. */
class OwnClientRowReadsTest {
    private static TablestoreEmulator emulator;
    private static TunnelClient client;

    @BeforeAll
    static void start() {
        emulator = TablestoreEmulator.builder().start();
        client =
                TunnelClients.create(
                        emulator.clientConfig()
                                .retryPolicy(
                                        RetryPolicy.builder()
                                                .initialBackoff(Duration.ofMillis(1))
                                                .maxBackoff(Duration.ofMillis(5))
                                                .build())
                                .build());
        emulator.createTable(
                TableSpec.builder("dim")
                        .primaryKey("pk", PrimaryKeyType.STRING)
                        .primaryKey("id", PrimaryKeyType.INTEGER)
                        .maxVersions(3)
                        .build());
        for (int i = 0; i < 250; i++) {
            emulator.putRow(
                    "dim",
                    Row.of(
                            key("k" + (i % 2), i),
                            List.of(
                                    Cell.put("name", ColumnValue.ofString("old"), 1_000L),
                                    Cell.put("name", ColumnValue.ofString("n" + i), 2_000L),
                                    Cell.put("v", ColumnValue.ofLong(i), 2_000L))));
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    private static PrimaryKey key(String pk, long id) {
        return PrimaryKey.of(
                new PrimaryKeyColumn("pk", ColumnValue.ofString(pk)),
                new PrimaryKeyColumn("id", ColumnValue.ofLong(id)));
    }

    @Test
    void getRowReadsTheNewestVersionOfTheAskedColumns() {
        Row row = client.getRow("dim", key("k1", 7), List.of("name"));
        assertThat(row.primaryKey()).isEqualTo(key("k1", 7));
        assertThat(row.cells()).hasSize(1);
        assertThat(row.cells().get(0).name()).isEqualTo("name");
        assertThat(row.cells().get(0).value().asString()).isEqualTo("n7");

        assertThat(client.getRow("dim", key("k1", 8), List.of())).isNull();
        Row keyOnly = client.getRow("dim", key("k1", 7), List.of("pk", "absent"));
        assertThat(keyOnly.primaryKey()).isEqualTo(key("k1", 7));
        assertThat(keyOnly.cells()).isEmpty();
    }

    @Test
    void batchGetRowAnswersInKeyOrderWithNullForMissingRows() {
        List<Row> rows =
                client.batchGetRow(
                        "dim", List.of(key("k0", 4), key("k0", 5), key("k1", 3)), List.of("v"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).cells().get(0).value().asLong()).isEqualTo(4);
        assertThat(rows.get(1)).isNull();
        assertThat(rows.get(2).primaryKey()).isEqualTo(key("k1", 3));
    }

    @Test
    void batchGetRowRefusesMoreThanOneHundredKeys() {
        List<PrimaryKey> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(key("k0", i));
        }
        assertThatThrownBy(() -> client.batchGetRow("dim", keys, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100");
    }

    @Test
    void aMissingTableFailsTheBatchWithObjectNotExistAndIsNotRetried() {
        assertThatThrownBy(() -> client.batchGetRow("no_such", List.of(key("a", 1)), List.of()))
                .isInstanceOfSatisfying(
                        TablestoreException.class,
                        e -> {
                            assertThat(e.errorCode()).isEqualTo(ErrorCodes.OBJECT_NOT_EXIST);
                            assertThat(e.isRetryable()).isFalse();
                        });
        assertThatThrownBy(() -> client.getRow("no_such", key("a", 1), List.of()))
                .isInstanceOfSatisfying(
                        TablestoreException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.OBJECT_NOT_EXIST));
    }

    @Test
    void throttledCallsAreRetriedWithBackoff() {
        emulator.faults().add(FaultSpec.on("BatchGetRow").serverBusy().times(2));
        emulator.faults().add(FaultSpec.on("GetRow").serverBusy().times(2));
        emulator.faults().add(FaultSpec.on("GetRange").serverBusy().times(2));

        assertThat(client.batchGetRow("dim", List.of(key("k0", 2)), List.of()).get(0)).isNotNull();
        assertThat(client.getRow("dim", key("k0", 2), List.of())).isNotNull();
        assertThat(client.getRange("dim", key("k0", 0), key("k0", 10), List.of(), 0).rows())
                .hasSize(5);
        assertThat(emulator.faults().totalFired()).isEqualTo(6);
    }

    @Test
    void getRangePagesThroughAKeyPrefix() {
        PrimaryKey start =
                PrimaryKey.of(
                        new PrimaryKeyColumn("pk", ColumnValue.ofString("k1")),
                        new PrimaryKeyColumn("id", ColumnValue.INF_MIN));
        PrimaryKey end =
                PrimaryKey.of(
                        new PrimaryKeyColumn("pk", ColumnValue.ofString("k1")),
                        new PrimaryKeyColumn("id", ColumnValue.INF_MAX));
        List<Row> all = new ArrayList<>();
        int pages = 0;
        PrimaryKey next = start;
        while (next != null) {
            RangePage page = client.getRange("dim", next, end, List.of("v"), 50);
            all.addAll(page.rows());
            next = page.nextStart();
            pages++;
        }
        assertThat(all).hasSize(125);
        assertThat(pages).isEqualTo(3);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).primaryKey()).isEqualTo(key("k1", 2L * i + 1));
            assertThat(all.get(i).cells()).hasSize(1);
        }
    }
}

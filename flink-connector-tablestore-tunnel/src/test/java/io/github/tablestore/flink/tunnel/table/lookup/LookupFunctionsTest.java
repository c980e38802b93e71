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

package io.github.tablestore.flink.tunnel.table.lookup;

import io.github.tablestore.flink.tunnel.client.auth.Credentials;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.emulator.TableSpec;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultSpec;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.source.config.CredentialsProviderFactory;
import io.github.tablestore.flink.tunnel.source.config.TunnelConnectionConfig;
import io.github.tablestore.flink.tunnel.table.CellConverter;
import io.github.tablestore.flink.tunnel.table.CellConverters;
import io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableOptions.EpochUnit;

import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarCharType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lookup functions against the emulator over HTTP: what they ask for, how the async one
 * batches, and how a missing table or a join on the wrong columns fails.
 */
class LookupFunctionsTest {
    @RegisterExtension
    static final TablestoreEmulatorExtension TABLESTORE = new TablestoreEmulatorExtension();

    private static final List<String> KEY = List.of("region", "id");
    private static final List<String> NAMES = List.of("region", "id", "name");
    private static final List<LogicalType> TYPES =
            List.of(
                    new VarCharType(VarCharType.MAX_LENGTH),
                    new BigIntType(),
                    new VarCharType(VarCharType.MAX_LENGTH));

    @BeforeAll
    static void table() {
        TablestoreEmulator emulator = TABLESTORE.emulator();
        emulator.createTable(
                TableSpec.builder("dim")
                        .primaryKey("region", PrimaryKeyType.STRING)
                        .primaryKey("id", PrimaryKeyType.INTEGER)
                        .build());
        for (int i = 0; i < 300; i++) {
            emulator.putRow(
                    "dim",
                    Row.of(
                            key("eu", i),
                            List.of(
                                    Cell.put("name", ColumnValue.ofString("n" + i)),
                                    Cell.put("other", ColumnValue.ofLong(i)))));
        }
    }

    @AfterEach
    void clearFaults() {
        TABLESTORE.emulator().faults().clear();
    }

    private static PrimaryKey key(String region, long id) {
        return PrimaryKey.of(
                new PrimaryKeyColumn("region", ColumnValue.ofString(region)),
                new PrimaryKeyColumn("id", ColumnValue.ofLong(id)));
    }

    private static TunnelConnectionConfig connection() {
        TablestoreEmulator e = TABLESTORE.emulator();
        return new TunnelConnectionConfig(
                e.endpoint(),
                e.instanceName(),
                CredentialsProviderFactory.of(
                        Credentials.of(e.accessKeyId(), e.accessKeySecret())));
    }

    private static LookupRows rows(
            String table, List<String> names, List<LogicalType> types, int... keys) {
        List<CellConverter> converters = new ArrayList<>();
        for (LogicalType t : types) {
            converters.add(CellConverters.forType(t, EpochUnit.MILLISECONDS));
        }
        return new LookupRows(table, KEY, names, types, converters, keys);
    }

    private static RowData keyRow(String region, long id) {
        return GenericRowData.of(StringData.fromString(region), id);
    }

    @Test
    void columnsToGetAreTheProjectedColumnsAndThePrimaryKey() {
        LookupRows rows =
                rows(
                        "dim",
                        List.of("name", "id", "region"),
                        List.of(TYPES.get(2), TYPES.get(1), TYPES.get(0)),
                        2,
                        1);
        assertThat(rows.columnsToGet()).containsExactly("name", "id", "region");
        assertThat(rows.pointRead()).isTrue();
        LookupRows onlyName =
                rows(
                        "dim",
                        List.of("name", "region", "id"),
                        List.of(TYPES.get(2), TYPES.get(0), TYPES.get(1)),
                        1);
        assertThat(onlyName.pointRead()).isFalse();
        assertThat(onlyName.columnsToGet()).containsExactly("name", "region", "id");
    }

    @Test
    void aJoinThatDoesNotBindTheLeadingKeyColumnIsRefused() {
        assertThatThrownBy(() -> rows("dim", NAMES, TYPES, 1))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(
                        "must bind its primary-key columns [region, id] from the first on")
                .hasMessageContaining("it binds [id]");
        assertThatThrownBy(() -> rows("dim", NAMES, TYPES, 2))
                .hasMessageContaining("attribute columns [name]");
        assertThatThrownBy(
                        () ->
                                rows(
                                        "dim",
                                        NAMES,
                                        List.of(TYPES.get(0), new TimestampType(3), TYPES.get(2)),
                                        0,
                                        1))
                .hasMessageContaining("Lookup key column 'id' is declared TIMESTAMP(3)");
    }

    @Test
    void theSyncFunctionReadsRowsAndNothingForMissingOnes() throws Exception {
        TablestoreLookupFunction f =
                new TablestoreLookupFunction(connection(), rows("dim", NAMES, TYPES, 0, 1), false);
        f.open(new FunctionContext(null));
        try {
            assertThat(f.lookup(keyRow("eu", 7)))
                    .containsExactly(
                            GenericRowData.of(
                                    StringData.fromString("eu"), 7L, StringData.fromString("n7")));
            assertThat(f.lookup(keyRow("eu", 1000))).isEmpty();
            assertThat(f.lookup(GenericRowData.of(null, 7L))).isEmpty();
        } finally {
            f.close();
        }
    }

    @Test
    void theAsyncFunctionReadsWaitingKeysTogether() throws Exception {
        TablestoreEmulator emulator = TABLESTORE.emulator();
        // Every BatchGetRow takes 300 ms: keys that arrive meanwhile wait for the next batch.
        emulator.faults().add(FaultSpec.on("BatchGetRow").latency(Duration.ofMillis(300)));
        TablestoreAsyncLookupFunction f =
                new TablestoreAsyncLookupFunction(
                        connection(), rows("dim", NAMES, TYPES, 0, 1), false);
        f.open(new FunctionContext(null));
        try {
            List<CompletableFuture<Collection<RowData>>> results = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                results.add(f.asyncLookup(keyRow("eu", i % 2 == 0 ? i : 1000 + i)));
            }
            for (int i = 0; i < 250; i++) {
                Collection<RowData> got = results.get(i).get(30, TimeUnit.SECONDS);
                if (i % 2 == 0) {
                    assertThat(got)
                            .containsExactly(
                                    GenericRowData.of(
                                            StringData.fromString("eu"),
                                            (long) i,
                                            StringData.fromString("n" + i)));
                } else {
                    assertThat(got).isEmpty();
                }
            }
            // 250 keys in a few BatchGetRow calls: small batches only while the readers start
            // and finish, full ones (100 keys) in between; never a call per key.
            long batches = emulator.faults().totalFired();
            assertThat(batches).isBetween(3L, 2L * TablestoreAsyncLookupFunction.READERS + 3);
        } finally {
            f.close();
        }
    }

    @Test
    void aMissingTableFailsWhenTheLookupOpensNamingTheTable() {
        TablestoreLookupFunction f =
                new TablestoreLookupFunction(
                        connection(), rows("no_such_table", NAMES, TYPES, 0, 1), false);
        assertThatThrownBy(() -> f.open(new FunctionContext(null)))
                .isInstanceOf(TunnelSourceException.class)
                .hasMessageContaining("Tablestore table 'no_such_table' does not exist in instance")
                .hasMessageContaining("option 'table-name'");
        TablestoreAsyncLookupFunction a =
                new TablestoreAsyncLookupFunction(
                        connection(), rows("no_such_table", NAMES, TYPES, 0, 1), false);
        assertThatThrownBy(() -> a.open(new FunctionContext(null)))
                .isInstanceOf(TunnelSourceException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void throttlingBeyondTheRetriesFailsTheLookupWithTheServiceError() throws Exception {
        TablestoreEmulator emulator = TABLESTORE.emulator();
        emulator.faults().add(FaultSpec.on("GetRow").serverBusy());
        TablestoreLookupFunction f =
                new TablestoreLookupFunction(
                        connection().withMaxAttempts(2), rows("dim", NAMES, TYPES, 0, 1), false);
        f.open(new FunctionContext(null));
        try {
            assertThatThrownBy(() -> f.lookup(keyRow("eu", 7)))
                    .isInstanceOf(TunnelSourceException.class)
                    .hasMessageContaining("table 'dim'")
                    .hasMessageContaining("OTSServerBusy");
            assertThat(emulator.faults().totalFired()).isEqualTo(2);
        } finally {
            f.close();
        }
    }

    @Test
    void theFullCacheScanReadsEveryRow() throws Exception {
        TableScanInputFormat scan =
                new TableScanInputFormat(connection(), rows("dim", NAMES, TYPES, 0, 1), KEY, false);
        scan.open(scan.createInputSplits(1)[0]);
        List<RowData> all = new ArrayList<>();
        try {
            while (!scan.reachedEnd()) {
                all.add(scan.nextRecord(null));
            }
        } finally {
            scan.close();
        }
        assertThat(all).hasSize(300);
        assertThat(all.get(299).getString(2).toString()).isNotEmpty();
    }
}

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

package io.github.tablestore.flink.tunnel.emulator.sdk;

import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultSpec;

import com.alicloud.openservices.tablestore.ClientConfiguration;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.model.BatchGetRowRequest;
import com.alicloud.openservices.tablestore.model.BatchGetRowResponse;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.GetRowRequest;
import com.alicloud.openservices.tablestore.model.MultiRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.NoRetryStrategy;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.SingleRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * BatchGetRow as the official SDK's SyncClient (unmodified, response validation on) sees it:
 * rows in request order, missing rows as empty results, a missing table as per-row errors, the
 * 100-row limit and repeated keys as request errors, projection and version limits.
 */
class SyncClientBatchGetRowTest {
    private static TablestoreEmulator emulator;
    private static SyncClient client;

    @BeforeAll
    static void start() {
        emulator = TablestoreEmulator.builder().start();
        ClientConfiguration conf = new ClientConfiguration();
        conf.setRetryStrategy(new NoRetryStrategy());
        client =
                new SyncClient(
                        emulator.endpoint(),
                        emulator.accessKeyId(),
                        emulator.accessKeySecret(),
                        emulator.instanceName(),
                        conf);
        TableMeta meta = new TableMeta("dim");
        meta.addPrimaryKeyColumn("pk", PrimaryKeyType.STRING);
        meta.addPrimaryKeyColumn("id", PrimaryKeyType.INTEGER);
        client.createTable(new CreateTableRequest(meta, new TableOptions(-1, 3)));
        for (int i = 0; i < 5; i++) {
            RowPutChange put = new RowPutChange("dim", key("k" + i, i));
            put.addColumn("name", ColumnValue.fromString("old-" + i), 1_000L);
            put.addColumn("name", ColumnValue.fromString("name-" + i), 2_000L);
            put.addColumn("n", ColumnValue.fromLong(i * 10L), 2_000L);
            client.putRow(new PutRowRequest(put));
        }
    }

    @AfterAll
    static void stop() {
        client.shutdown();
        emulator.close();
    }

    private static PrimaryKey key(String pk, long id) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("pk", PrimaryKeyValue.fromString(pk))
                .addPrimaryKeyColumn("id", PrimaryKeyValue.fromLong(id))
                .build();
    }

    @Test
    void answersRowsInRequestOrderWithMissingRowsEmpty() {
        MultiRowQueryCriteria criteria = new MultiRowQueryCriteria("dim");
        criteria.addRow(key("k3", 3));
        criteria.addRow(key("nope", 9));
        criteria.addRow(key("k0", 0));
        criteria.setMaxVersions(1);
        BatchGetRowRequest request = new BatchGetRowRequest();
        request.addMultiRowQueryCriteria(criteria);

        BatchGetRowResponse response = client.batchGetRow(request);

        assertThat(response.isAllSucceed()).isTrue();
        List<BatchGetRowResponse.RowResult> rows = response.getBatchGetRowResult("dim");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getIndex()).isEqualTo(0);
        Row first = rows.get(0).getRow();
        assertThat(first.getPrimaryKey()).isEqualTo(key("k3", 3));
        assertThat(first.getColumn("name")).hasSize(1);
        assertThat(first.getLatestColumn("name").getValue().asString()).isEqualTo("name-3");
        assertThat(first.getLatestColumn("n").getValue().asLong()).isEqualTo(30);
        assertThat(rows.get(1).isSucceed()).isTrue();
        assertThat(rows.get(1).getRow()).isNull();
        assertThat(rows.get(2).getRow().getPrimaryKey()).isEqualTo(key("k0", 0));
    }

    @Test
    void columnsToGetProjectsAndAPrimaryKeyNameKeepsARowWithoutSuchCells() {
        MultiRowQueryCriteria criteria = new MultiRowQueryCriteria("dim");
        criteria.addRow(key("k1", 1));
        criteria.addColumnsToGet("n");
        criteria.setMaxVersions(1);
        BatchGetRowRequest request = new BatchGetRowRequest();
        request.addMultiRowQueryCriteria(criteria);
        Row row = client.batchGetRow(request).getBatchGetRowResult("dim").get(0).getRow();
        assertThat(row.getColumns()).extracting(c -> c.getName()).containsExactly("n");

        MultiRowQueryCriteria absent = new MultiRowQueryCriteria("dim");
        absent.addRow(key("k1", 1));
        absent.addColumnsToGet("nothing");
        absent.setMaxVersions(1);
        BatchGetRowRequest absentRequest = new BatchGetRowRequest();
        absentRequest.addMultiRowQueryCriteria(absent);
        assertThat(client.batchGetRow(absentRequest).getBatchGetRowResult("dim").get(0).getRow())
                .isNull();

        SingleRowQueryCriteria withKey = new SingleRowQueryCriteria("dim", key("k1", 1));
        withKey.addColumnsToGet("nothing");
        withKey.addColumnsToGet("pk");
        withKey.setMaxVersions(1);
        Row keyOnly = client.getRow(new GetRowRequest(withKey)).getRow();
        assertThat(keyOnly.getPrimaryKey()).isEqualTo(key("k1", 1));
        assertThat(keyOnly.getColumns()).isEmpty();
    }

    @Test
    void aMissingTableFailsEachOfItsRowsAndNotTheOthers() {
        MultiRowQueryCriteria missing = new MultiRowQueryCriteria("no_such_table");
        missing.addRow(key("a", 1));
        missing.addRow(key("b", 2));
        missing.setMaxVersions(1);
        MultiRowQueryCriteria present = new MultiRowQueryCriteria("dim");
        present.addRow(key("k2", 2));
        present.setMaxVersions(1);
        BatchGetRowRequest request = new BatchGetRowRequest();
        request.addMultiRowQueryCriteria(missing);
        request.addMultiRowQueryCriteria(present);

        BatchGetRowResponse response = client.batchGetRow(request);

        assertThat(response.isAllSucceed()).isFalse();
        assertThat(response.getFailedRows()).hasSize(2);
        for (BatchGetRowResponse.RowResult failed : response.getFailedRows()) {
            assertThat(failed.getTableName()).isEqualTo("no_such_table");
            assertThat(failed.getError().getCode()).isEqualTo("OTSObjectNotExist");
        }
        assertThat(response.getBatchGetRowResult("dim").get(0).getRow().getPrimaryKey())
                .isEqualTo(key("k2", 2));
    }

    @Test
    void moreThanOneHundredRowsOrARepeatedKeyFailTheRequest() {
        MultiRowQueryCriteria many = new MultiRowQueryCriteria("dim");
        for (int i = 0; i < 101; i++) {
            many.addRow(key("x", i));
        }
        many.setMaxVersions(1);
        BatchGetRowRequest tooMany = new BatchGetRowRequest();
        tooMany.addMultiRowQueryCriteria(many);
        assertThatThrownBy(() -> client.batchGetRow(tooMany))
                .isInstanceOfSatisfying(
                        TableStoreException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OTSParameterInvalid"));

        MultiRowQueryCriteria repeated = new MultiRowQueryCriteria("dim");
        repeated.addRow(key("k1", 1));
        repeated.addRow(key("k1", 1));
        repeated.setMaxVersions(1);
        BatchGetRowRequest twice = new BatchGetRowRequest();
        twice.addMultiRowQueryCriteria(repeated);
        assertThatThrownBy(() -> client.batchGetRow(twice))
                .isInstanceOfSatisfying(
                        TableStoreException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OTSParameterInvalid"));
    }

    @Test
    void injectedThrottlingReachesTheSdkAsServerBusy() {
        String fault = emulator.faults().add(FaultSpec.on("BatchGetRow").serverBusy().times(1));
        try {
            MultiRowQueryCriteria criteria = new MultiRowQueryCriteria("dim");
            criteria.addRow(key("k1", 1));
            criteria.setMaxVersions(1);
            BatchGetRowRequest request = new BatchGetRowRequest();
            request.addMultiRowQueryCriteria(criteria);
            assertThatThrownBy(() -> client.batchGetRow(request))
                    .isInstanceOfSatisfying(
                            TableStoreException.class,
                            e -> assertThat(e.getHttpStatus()).isEqualTo(503));
            assertThat(client.batchGetRow(request).isAllSucceed()).isTrue();
        } finally {
            emulator.faults().remove(fault);
        }
    }
}

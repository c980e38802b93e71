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

import com.alicloud.openservices.tablestore.ClientException;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TunnelClient;
import com.alicloud.openservices.tablestore.TunnelClientInterface;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.alicloud.openservices.tablestore.tunnel.worker.TunnelWorker;
import com.alicloud.openservices.tablestore.tunnel.worker.TunnelWorkerConfig;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/** Helpers for tests that drive the emulator with the official SDK. */
final class SdkFixtures {
    private SdkFixtures() {}

    static SyncClient syncClient(TablestoreEmulator emulator) {
        return new SyncClient(
                emulator.endpoint(),
                emulator.accessKeyId(),
                emulator.accessKeySecret(),
                emulator.instanceName());
    }

    static TunnelClient tunnelClient(TablestoreEmulator emulator) {
        return new TunnelClient(
                emulator.endpoint(),
                emulator.accessKeyId(),
                emulator.accessKeySecret(),
                emulator.instanceName());
    }

    /** A table with one STRING primary-key column {@code pk}. */
    static void createTable(SyncClient client, String name) {
        TableMeta meta = new TableMeta(name);
        meta.addPrimaryKeyColumn("pk", PrimaryKeyType.STRING);
        client.createTable(new CreateTableRequest(meta, new TableOptions(-1, 1)));
    }

    static PrimaryKey key(String pk) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("pk", PrimaryKeyValue.fromString(pk))
                .build();
    }

    static void put(SyncClient client, String table, String pk, long value) {
        RowPutChange put = new RowPutChange(table, key(pk));
        put.addColumn("v", ColumnValue.fromLong(value));
        client.putRow(new PutRowRequest(put));
    }

    /** A worker config with the SDK's shortest heartbeat interval and a checkpoint per batch. */
    static TunnelWorkerConfig workerConfig(
            RecordingProcessor processor, String tag, long heartbeatTimeoutSeconds) {
        TunnelWorkerConfig config = new TunnelWorkerConfig(processor);
        config.setHeartbeatIntervalInSec(5);
        config.setHeartbeatTimeoutInSec(heartbeatTimeoutSeconds);
        config.setCheckpointIntervalInMillis(0);
        config.setClientTag(tag);
        return config;
    }

    /**
     * A tunnel client that can be "killed": afterwards every call fails as if the process were
     * gone (no heartbeat and no Shutdown reach the server), until revived.
     */
    static final class KillableClient {
        final AtomicBoolean dead = new AtomicBoolean();
        final TunnelClientInterface proxy;

        KillableClient(TunnelClientInterface delegate) {
            this.proxy =
                    (TunnelClientInterface)
                            Proxy.newProxyInstance(
                                    TunnelClientInterface.class.getClassLoader(),
                                    new Class<?>[] {TunnelClientInterface.class},
                                    (p, method, args) -> {
                                        if (dead.get()) {
                                            throw new ClientException("worker killed by the test");
                                        }
                                        try {
                                            return method.invoke(delegate, args);
                                        } catch (InvocationTargetException e) {
                                            throw e.getCause();
                                        }
                                    });
        }
    }

    static TunnelWorker startWorker(
            String tunnelId, TunnelClientInterface client, TunnelWorkerConfig config)
            throws Exception {
        TunnelWorker worker = new TunnelWorker(tunnelId, client, config);
        worker.connectAndWorking();
        return worker;
    }
}

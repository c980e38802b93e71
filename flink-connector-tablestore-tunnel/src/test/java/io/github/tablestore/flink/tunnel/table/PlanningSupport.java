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

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.Map;

/** Plans a table of the {@code orders} table as the planner would and returns what it made. */
final class PlanningSupport {
    private PlanningSupport() {}

    /** Plans {@code SELECT *} of table t with {@code columns} and these extra options. */
    static TablestoreTunnelTableSource plan(
            TablestoreEmulator emulator, String columns, String tunnel, String extra) {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tEnv.executeSql(
                "CREATE TABLE t (" + columns + ")" + SqlTestSupport.with(emulator, tunnel, extra));
        tEnv.explainSql("SELECT * FROM t");
        return source(tEnv);
    }

    /** The factory's source for table t of {@code tEnv}, as the planner would create it. */
    static TablestoreTunnelTableSource source(TableEnvironment tEnv) {
        ObjectIdentifier id = ObjectIdentifier.of("default_catalog", "default_database", "t");
        ResolvedCatalogTable table =
                ((TableEnvironmentInternal) tEnv)
                        .getCatalogManager()
                        .getTableOrError(id)
                        .getResolvedTable();
        return (TablestoreTunnelTableSource)
                FactoryUtil.createDynamicTableSource(
                        null,
                        id,
                        table,
                        Map.of(),
                        new Configuration(),
                        PlanningSupport.class.getClassLoader(),
                        false);
    }

    /** The DataStream source's configuration the planned table runs with. */
    static TunnelSourceConfig config(
            TablestoreEmulator emulator, String columns, String tunnel, String extra) {
        TablestoreTunnelTableSource source = plan(emulator, columns, tunnel, extra);
        return source.settings()
                .builder(source.facts().tunnelType, TunnelRecordDeserializationSchema.records())
                .build()
                .config();
    }

    static TunnelClient client(TablestoreEmulator emulator) {
        return emulator.client();
    }
}

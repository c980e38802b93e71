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

import io.github.tablestore.flink.tunnel.client.ErrorCodes;
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.TableDescription;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.DefinedColumnSchema;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyColumnSchema;
import io.github.tablestore.flink.tunnel.client.model.TunnelInfo;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.record.ValueType;

import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.types.logical.LogicalType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a table definition against the service at planning time (DescribeTable, ListTunnel): the
 * table exists, a declared primary key is the table's, declared types can hold the key's and the
 * defined columns' values, the stream is on when the tunnel needs it, before-image metadata names
 * a column the stream keeps, and an existing tunnel has the configured type.
 */
final class TableSchemaCheck {
    private TableSchemaCheck() {}

    static TableFacts check(SourceSettings settings, ResolvedSchema schema) {
        String table = settings.tableName;
        String where = "instance '" + settings.instanceName + "' at " + settings.endpoint;
        try (TunnelClient client = settings.clients().createClient()) {
            TableDescription d;
            try {
                d = client.describeTable(table);
            } catch (TablestoreException e) {
                if (ErrorCodes.OBJECT_NOT_EXIST.equals(e.errorCode())) {
                    throw new ValidationException(
                            "Table '"
                                    + table
                                    + "' does not exist in "
                                    + where
                                    + " (option 'table-name')");
                }
                throw new ValidationException(
                        "Could not describe table '"
                                + table
                                + "' in "
                                + where
                                + ": "
                                + e.getMessage(),
                        e);
            }
            List<String> keyNames = new ArrayList<>();
            for (PrimaryKeyColumnSchema k : d.primaryKey()) {
                keyNames.add(k.name());
            }
            checkPrimaryKey(table, schema, keyNames);
            checkColumnTypes(table, schema, d);
            // Without a tunnel name the table can only be a lookup table: no tunnel to check.
            TunnelType type = settings.tunnelName == null ? null : tunnelType(settings, client);
            if (type != null && type != TunnelType.BASE_DATA && !d.streamEnabled()) {
                throw new ValidationException(
                        "Table '"
                                + table
                                + "' has no stream enabled, which a "
                                + type
                                + " tunnel needs; enable the table's stream or use 'tunnel-type' = 'BASE_DATA'");
            }
            checkOriginMetadata(table, schema, d.streamOriginColumns(), keyNames);
            return new TableFacts(keyNames, d.streamOriginColumns(), type);
        }
    }

    private static void checkPrimaryKey(
            String table, ResolvedSchema schema, List<String> keyNames) {
        if (schema.getPrimaryKey().isEmpty()) {
            return;
        }
        UniqueConstraint declared = schema.getPrimaryKey().get();
        if (!declared.getColumns().equals(keyNames)) {
            throw new ValidationException(
                    "The declared PRIMARY KEY "
                            + declared.getColumns()
                            + " does not match the primary key of Tablestore table '"
                            + table
                            + "', which is "
                            + keyNames
                            + " (same columns, same order)");
        }
    }

    private static void checkColumnTypes(String table, ResolvedSchema schema, TableDescription d) {
        for (Column column : schema.getColumns()) {
            if (!column.isPhysical()) {
                continue;
            }
            LogicalType type = column.getDataType().getLogicalType();
            try {
                CellConverters.forType(type, TablestoreTunnelTableOptions.EpochUnit.MILLISECONDS);
            } catch (IllegalArgumentException e) {
                throw new ValidationException(
                        "Column '"
                                + column.getName()
                                + "' of table '"
                                + table
                                + "': "
                                + e.getMessage());
            }
            Set<ValueType> accepted = CellConverters.acceptedTypes(type);
            for (PrimaryKeyColumnSchema k : d.primaryKey()) {
                if (k.name().equals(column.getName())
                        && !accepted.contains(ValueType.valueOf(k.type().name()))) {
                    throw new ValidationException(
                            "Column '"
                                    + column.getName()
                                    + "' is declared "
                                    + type.asSummaryString()
                                    + " but is a primary-key column of type "
                                    + k.type()
                                    + " in Tablestore table '"
                                    + table
                                    + "'; declare it as "
                                    + suggestion(k.type().name()));
                }
            }
            for (DefinedColumnSchema c : d.definedColumns()) {
                if (c.name().equals(column.getName())
                        && !accepted.contains(ValueType.valueOf(c.type().name()))) {
                    throw new ValidationException(
                            "Column '"
                                    + column.getName()
                                    + "' is declared "
                                    + type.asSummaryString()
                                    + " but is a defined column of type "
                                    + c.type()
                                    + " in Tablestore table '"
                                    + table
                                    + "'; declare it as "
                                    + suggestion(c.type().name()));
                }
            }
        }
    }

    private static String suggestion(String tablestoreType) {
        switch (tablestoreType) {
            case "INTEGER":
                return "BIGINT (or INT, SMALLINT, TINYINT, TIMESTAMP_LTZ, TIMESTAMP, DATE)";
            case "DOUBLE":
                return "DOUBLE (or FLOAT, DECIMAL)";
            case "BOOLEAN":
                return "BOOLEAN";
            case "STRING":
                return "STRING (or VARCHAR, CHAR, DECIMAL)";
            default:
                return "BYTES (or VARBINARY, BINARY)";
        }
    }

    private static void checkOriginMetadata(
            String table,
            ResolvedSchema schema,
            List<String> originColumns,
            List<String> keyNames) {
        for (Column column : schema.getColumns()) {
            if (!(column instanceof Column.MetadataColumn)) {
                continue;
            }
            String key = ((Column.MetadataColumn) column).getMetadataKey().orElse(column.getName());
            if (!key.startsWith(TunnelMetadata.ORIGIN_PREFIX)) {
                continue;
            }
            String origin = key.substring(TunnelMetadata.ORIGIN_PREFIX.length());
            if (keyNames.contains(origin)) {
                throw new ValidationException(
                        "Metadata column '"
                                + column.getName()
                                + "' reads '"
                                + key
                                + "', but '"
                                + origin
                                + "' is a primary-key column, which has no before-image");
            }
            if (!originColumns.contains(origin)) {
                throw new ValidationException(
                        "Metadata column '"
                                + column.getName()
                                + "' reads '"
                                + key
                                + "', but the stream of table '"
                                + table
                                + "' does not keep before-images of column '"
                                + origin
                                + "' (it keeps "
                                + originColumns
                                + ")");
            }
        }
    }

    private static TunnelType tunnelType(SourceSettings settings, TunnelClient client) {
        TunnelType existing = null;
        for (TunnelInfo t : client.listTunnels(settings.tableName)) {
            if (t.tunnelName().equals(settings.tunnelName)) {
                existing = t.type();
            }
        }
        TunnelType configured = settings.configuredTunnelType;
        if (existing != null && configured != null && existing != configured) {
            throw new ValidationException(
                    "Tunnel '"
                            + settings.tunnelName
                            + "' of table '"
                            + settings.tableName
                            + "' exists with type "
                            + existing
                            + ", but the table reads a "
                            + configured
                            + " tunnel ("
                            + settings.startup.typeSetting
                            + "); remove that option to use the tunnel as it is, choose another "
                            + "'tunnel-name', or drop the tunnel");
        }
        if (existing != null) {
            return existing;
        }
        return configured != null ? configured : TunnelType.BASE_AND_STREAM;
    }
}

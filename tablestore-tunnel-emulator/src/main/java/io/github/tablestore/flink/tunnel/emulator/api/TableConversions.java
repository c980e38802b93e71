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

package io.github.tablestore.flink.tunnel.emulator.api;

import io.github.tablestore.flink.tunnel.client.model.TableDescription.DefinedColumnSchema;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.DefinedColumnType;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyColumnSchema;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.emulator.store.RowChange;
import io.github.tablestore.flink.tunnel.emulator.store.StreamSpec;
import io.github.tablestore.flink.tunnel.emulator.store.TableOptions;
import io.github.tablestore.flink.tunnel.emulator.store.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Between the data API's protobuf messages and the store's plain types: the store knows no wire
 * format. Each message converts both ways where the API answers with it.
 */
final class TableConversions {
    private TableConversions() {}

    static TableSchema schema(TableProtos.TableMeta meta) {
        List<PrimaryKeyColumnSchema> key = new ArrayList<>();
        for (TableProtos.PrimaryKeySchema pk : meta.getPrimaryKeyList()) {
            key.add(
                    new PrimaryKeyColumnSchema(
                            pk.getName(),
                            PrimaryKeyType.valueOf(pk.getType().name()),
                            pk.hasOption()
                                    && pk.getOption()
                                            == TableProtos.PrimaryKeyOption.AUTO_INCREMENT));
        }
        List<DefinedColumnSchema> defined = new ArrayList<>();
        for (TableProtos.DefinedColumnSchema c : meta.getDefinedColumnList()) {
            defined.add(new DefinedColumnSchema(c.getName(), definedType(c.getType())));
        }
        return new TableSchema(meta.getTableName(), key, defined);
    }

    static TableProtos.TableMeta meta(TableSchema schema) {
        TableProtos.TableMeta.Builder meta =
                TableProtos.TableMeta.newBuilder().setTableName(schema.tableName());
        for (PrimaryKeyColumnSchema k : schema.primaryKey()) {
            TableProtos.PrimaryKeySchema.Builder pk =
                    TableProtos.PrimaryKeySchema.newBuilder()
                            .setName(k.name())
                            .setType(TableProtos.PrimaryKeyType.valueOf(k.type().name()));
            if (k.autoIncrement()) {
                pk.setOption(TableProtos.PrimaryKeyOption.AUTO_INCREMENT);
            }
            meta.addPrimaryKey(pk);
        }
        for (DefinedColumnSchema c : schema.definedColumns()) {
            meta.addDefinedColumn(
                    TableProtos.DefinedColumnSchema.newBuilder()
                            .setName(c.name())
                            .setType(definedType(c.type())));
        }
        return meta.build();
    }

    private static DefinedColumnType definedType(TableProtos.DefinedColumnType type) {
        switch (type) {
            case DCT_INTEGER:
                return DefinedColumnType.INTEGER;
            case DCT_DOUBLE:
                return DefinedColumnType.DOUBLE;
            case DCT_BOOLEAN:
                return DefinedColumnType.BOOLEAN;
            case DCT_STRING:
                return DefinedColumnType.STRING;
            case DCT_BLOB:
                return DefinedColumnType.BINARY;
            default:
                throw Errors.parameterInvalid("Unknown defined column type " + type + ".");
        }
    }

    private static TableProtos.DefinedColumnType definedType(DefinedColumnType type) {
        switch (type) {
            case INTEGER:
                return TableProtos.DefinedColumnType.DCT_INTEGER;
            case DOUBLE:
                return TableProtos.DefinedColumnType.DCT_DOUBLE;
            case BOOLEAN:
                return TableProtos.DefinedColumnType.DCT_BOOLEAN;
            case STRING:
                return TableProtos.DefinedColumnType.DCT_STRING;
            case BINARY:
                return TableProtos.DefinedColumnType.DCT_BLOB;
            default:
                throw new AssertionError(type);
        }
    }

    static TableOptions options(TableProtos.TableOptions o) {
        return new TableOptions(
                o.hasTimeToLive() ? o.getTimeToLive() : null,
                o.hasMaxVersions() ? o.getMaxVersions() : null,
                o.hasDeviationCellVersionInSec() ? o.getDeviationCellVersionInSec() : null,
                o.hasAllowUpdate() ? o.getAllowUpdate() : null,
                o.hasUpdateFullRow() ? o.getUpdateFullRow() : null);
    }

    static TableProtos.TableOptions options(TableOptions o) {
        TableProtos.TableOptions.Builder b = TableProtos.TableOptions.newBuilder();
        o.timeToLive().ifPresent(b::setTimeToLive);
        o.maxVersions().ifPresent(b::setMaxVersions);
        o.deviationCellVersionInSec().ifPresent(b::setDeviationCellVersionInSec);
        o.allowUpdate().ifPresent(b::setAllowUpdate);
        o.updateFullRow().ifPresent(b::setUpdateFullRow);
        return b.build();
    }

    /** The stream part of CreateTable/UpdateTable; absent means off. */
    static StreamSpec streamSpec(TableProtos.StreamSpecification spec) {
        if (spec == null) {
            return StreamSpec.DISABLED;
        }
        return new StreamSpec(
                spec.getEnableStream(),
                spec.hasExpirationTime() ? spec.getExpirationTime() : 0,
                spec.getColumnsToGetList());
    }

    static RowChange.Condition condition(TableProtos.RowExistenceExpectation e) {
        switch (e) {
            case EXPECT_EXIST:
                return RowChange.Condition.EXPECT_EXIST;
            case EXPECT_NOT_EXIST:
                return RowChange.Condition.EXPECT_NOT_EXIST;
            default:
                return RowChange.Condition.IGNORE;
        }
    }

    static RowChange.ReturnType returnType(TableProtos.ReturnType t) {
        switch (t) {
            case RT_PK:
                return RowChange.ReturnType.PRIMARY_KEY;
            case RT_AFTER_MODIFY:
                return RowChange.ReturnType.AFTER_MODIFY;
            default:
                return RowChange.ReturnType.NONE;
        }
    }
}

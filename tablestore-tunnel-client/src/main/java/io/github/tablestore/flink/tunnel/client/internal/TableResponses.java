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

package io.github.tablestore.flink.tunnel.client.internal;

import io.github.tablestore.flink.tunnel.client.model.StreamShard;
import io.github.tablestore.flink.tunnel.client.model.TableDescription;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.DefinedColumnSchema;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.DefinedColumnType;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyColumnSchema;
import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Turns data-plane responses (DescribeTable, DescribeStream) into the client's model. */
final class TableResponses {
    private TableResponses() {}

    static TableDescription describeTable(TableProtos.DescribeTableResponse r) {
        TableProtos.TableMeta meta = r.getTableMeta();
        List<PrimaryKeyColumnSchema> pk = new ArrayList<>(meta.getPrimaryKeyCount());
        for (TableProtos.PrimaryKeySchema s : meta.getPrimaryKeyList()) {
            pk.add(
                    new PrimaryKeyColumnSchema(
                            s.getName(),
                            primaryKeyType(s.getType()),
                            s.hasOption()
                                    && s.getOption()
                                            == TableProtos.PrimaryKeyOption.AUTO_INCREMENT));
        }
        List<DefinedColumnSchema> defined = new ArrayList<>(meta.getDefinedColumnCount());
        for (TableProtos.DefinedColumnSchema c : meta.getDefinedColumnList()) {
            defined.add(new DefinedColumnSchema(c.getName(), definedColumnType(c.getType())));
        }
        boolean streamEnabled = r.hasStreamDetails() && r.getStreamDetails().getEnableStream();
        TableProtos.StreamDetails stream = r.getStreamDetails();
        return new TableDescription(
                meta.getTableName(),
                pk,
                defined,
                streamEnabled,
                streamEnabled && stream.hasStreamId() && !stream.getStreamId().isEmpty()
                        ? stream.getStreamId()
                        : null,
                streamEnabled ? stream.getExpirationTime() : 0,
                streamEnabled ? stream.getColumnToGetList() : Collections.emptyList());
    }

    static List<StreamShard> shards(TableProtos.DescribeStreamResponse r) {
        List<StreamShard> shards = new ArrayList<>(r.getShardsCount());
        for (TableProtos.StreamShard s : r.getShardsList()) {
            shards.add(new StreamShard(s.getShardId(), s.getParentId(), s.getParentSiblingId()));
        }
        return shards;
    }

    private static PrimaryKeyType primaryKeyType(TableProtos.PrimaryKeyType type) {
        switch (type) {
            case INTEGER:
                return PrimaryKeyType.INTEGER;
            case STRING:
                return PrimaryKeyType.STRING;
            case BINARY:
                return PrimaryKeyType.BINARY;
            default:
                throw new IllegalArgumentException("unknown primary key type " + type);
        }
    }

    private static DefinedColumnType definedColumnType(TableProtos.DefinedColumnType type) {
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
                throw new IllegalArgumentException("unknown defined column type " + type);
        }
    }
}

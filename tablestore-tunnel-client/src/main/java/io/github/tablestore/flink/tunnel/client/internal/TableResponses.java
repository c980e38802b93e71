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
            pk.add(new PrimaryKeyColumnSchema(s.getName(), primaryKeyType(s.getType()),
                    s.hasOption() && s.getOption() == TableProtos.PrimaryKeyOption.AUTO_INCREMENT));
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
                streamEnabled && stream.hasStreamId() && !stream.getStreamId().isEmpty() ? stream.getStreamId() : null,
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

package io.github.tablestore.flink.tunnel.e2e.jobs;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/** Records of a table {@code (id INTEGER) -> v STRING} as {@link ChangeLine}s. */
public final class ChangeLineSchema implements TunnelRecordDeserializationSchema<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(String channelId, TunnelRecord record, Collector<String> out) {
        Cell v = record.column("v");
        String value = v == null || v.value() == null ? "" : v.value().asString();
        String phase = record.isBaseData() ? ChangeLine.BASE : ChangeLine.STREAM;
        out.collect(ChangeLine.of(record.primaryKey().value("id").asLong(), phase, record.action().name(), value));
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}

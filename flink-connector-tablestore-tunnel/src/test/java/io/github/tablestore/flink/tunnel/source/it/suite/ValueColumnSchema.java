package io.github.tablestore.flink.tunnel.source.it.suite;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/** Each record as the string in its column {@code v}: the test record that was written. */
final class ValueColumnSchema implements TunnelRecordDeserializationSchema<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(String channelId, TunnelRecord record, Collector<String> out) {
        Cell v = record.column(TunnelSourceExternalContext.VALUE_COLUMN);
        out.collect(v.value().asString());
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}

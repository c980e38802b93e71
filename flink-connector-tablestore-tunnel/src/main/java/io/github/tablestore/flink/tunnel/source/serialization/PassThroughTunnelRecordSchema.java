package io.github.tablestore.flink.tunnel.source.serialization;

import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

/** Emits each {@link TunnelRecord} as it is; its type information uses {@link TunnelRecordSerializer}. */
final class PassThroughTunnelRecordSchema implements TunnelRecordDeserializationSchema<TunnelRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(String channelId, TunnelRecord record, Collector<TunnelRecord> out) {
        out.collect(record);
    }

    @Override
    public TypeInformation<TunnelRecord> getProducedType() {
        return TunnelRecordTypeInfo.INSTANCE;
    }
}

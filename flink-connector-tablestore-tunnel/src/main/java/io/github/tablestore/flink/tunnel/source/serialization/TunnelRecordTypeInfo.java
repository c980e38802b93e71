package io.github.tablestore.flink.tunnel.source.serialization;

import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.compat.SerializerConfigFreeTypeInfo;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information of {@link TunnelRecord}, serialized by {@link TunnelRecordSerializer}. */
public final class TunnelRecordTypeInfo extends SerializerConfigFreeTypeInfo<TunnelRecord> {
    private static final long serialVersionUID = 1L;

    public static final TunnelRecordTypeInfo INSTANCE = new TunnelRecordTypeInfo();

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<TunnelRecord> getTypeClass() {
        return TunnelRecord.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    protected TypeSerializer<TunnelRecord> serializer() {
        return TunnelRecordSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "TunnelRecord";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TunnelRecordTypeInfo;
    }

    @Override
    public int hashCode() {
        return TunnelRecordTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof TunnelRecordTypeInfo;
    }
}

package io.github.tablestore.flink.tunnel.compat;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Base of type information whose serializer does not depend on the job's serializer config, Flink
 * 1.20: {@code createSerializer(ExecutionConfig)} is still the abstract method (callers of 1.20
 * use both it and {@code createSerializer(SerializerConfig)}), so both give the same serializer.
 */
@Internal
public abstract class SerializerConfigFreeTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    /** The serializer, whatever the configuration. */
    protected abstract TypeSerializer<T> serializer();

    @Override
    public final TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer();
    }

    @Override
    @SuppressWarnings("deprecation")
    public final TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return serializer();
    }
}

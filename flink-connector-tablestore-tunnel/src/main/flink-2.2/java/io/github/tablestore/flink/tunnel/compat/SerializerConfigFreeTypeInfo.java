package io.github.tablestore.flink.tunnel.compat;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Base of type information whose serializer does not depend on the job's serializer config, Flink
 * 2.2: Flink asks for it with {@code createSerializer(SerializerConfig)} only (the
 * {@code ExecutionConfig} overload of 1.x is gone).
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
}

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

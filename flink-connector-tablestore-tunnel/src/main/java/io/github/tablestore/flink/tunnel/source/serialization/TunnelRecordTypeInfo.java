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

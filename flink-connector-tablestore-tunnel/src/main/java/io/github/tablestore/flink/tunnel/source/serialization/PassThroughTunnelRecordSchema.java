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

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

/** Emits each {@link TunnelRecord} as it is; its type information uses {@link TunnelRecordSerializer}. */
final class PassThroughTunnelRecordSchema
        implements TunnelRecordDeserializationSchema<TunnelRecord> {
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

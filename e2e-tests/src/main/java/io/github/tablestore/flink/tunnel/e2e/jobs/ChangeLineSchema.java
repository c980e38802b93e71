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
        out.collect(
                ChangeLine.of(
                        record.primaryKey().value("id").asLong(),
                        phase,
                        record.action().name(),
                        value));
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}

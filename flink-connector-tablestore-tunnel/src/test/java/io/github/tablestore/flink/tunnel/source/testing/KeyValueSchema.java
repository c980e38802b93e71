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

package io.github.tablestore.flink.tunnel.source.testing;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/** Records of {@link TestTables} as {@code "<channel>|<id>|<action>|<v>"}. */
public final class KeyValueSchema implements TunnelRecordDeserializationSchema<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(String channelId, TunnelRecord record, Collector<String> out) {
        Cell v = record.column("v");
        out.collect(
                channelId
                        + "|"
                        + record.primaryKey().value("id").asLong()
                        + "|"
                        + record.action()
                        + "|"
                        + (v == null || v.value() == null ? "" : v.value().asString()));
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    public static String channel(String line) {
        return line.split("\\|", -1)[0];
    }

    public static long id(String line) {
        return Long.parseLong(line.split("\\|", -1)[1]);
    }

    public static String value(String line) {
        return line.split("\\|", -1)[3];
    }

    public static String action(String line) {
        return line.split("\\|", -1)[2];
    }
}

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

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.util.Collector;

import java.io.IOException;
import java.io.Serializable;

/**
 * Turns a decoded tunnel record into zero or more values of {@code T}.
 *
 * <p>The record carries the change ({@code PUT_ROW}, {@code UPDATE_ROW}, {@code DELETE_ROW}), the
 * primary key, the columns with their operations and timestamps, the stream position (none for
 * base data) and the before-image columns when the table's stream keeps them. It is called on
 * the task thread, once per record, in channel order.
 *
 * @param <T> what the source produces
 */
public interface TunnelRecordDeserializationSchema<T> extends Serializable, ResultTypeQueryable<T> {

    /** Called once per reader before the first record. */
    default void open(DeserializationSchema.InitializationContext context) throws Exception {}

    /**
     * @param channelId the channel the record came from (a base-data range or a stream shard)
     * @param record the decoded record; immutable, may be kept
     * @param out where to put the results
     */
    void deserialize(String channelId, TunnelRecord record, Collector<T> out) throws IOException;

    /**
     * One JSON object per record, as a string. The shape is documented on {@link
     * JsonTunnelRecordSchema}.
     */
    static TunnelRecordDeserializationSchema<String> json() {
        return new JsonTunnelRecordSchema();
    }

    /** The records themselves, with a dedicated Flink serializer (no Kryo). */
    static TunnelRecordDeserializationSchema<TunnelRecord> records() {
        return new PassThroughTunnelRecordSchema();
    }
}

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

package io.github.tablestore.flink.tunnel.source;

import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.enumerator.TunnelEnumeratorState;
import io.github.tablestore.flink.tunnel.source.enumerator.TunnelEnumeratorStateSerializer;
import io.github.tablestore.flink.tunnel.source.enumerator.TunnelSplitEnumerator;
import io.github.tablestore.flink.tunnel.source.reader.CheckpointingProbe;
import io.github.tablestore.flink.tunnel.source.reader.TunnelSourceReader;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelDeserializationContext;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplitSerializer;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink source over a Tablestore tunnel: a table's full data, its changes, or both in order.
 *
 * <pre>{@code
 * TunnelSource<String> source = TunnelSource.<String>builder()
 *     .setEndpoint("https://my-instance.cn-hangzhou.ots.aliyuncs.com")
 *     .setInstanceName("my-instance")
 *     .setTableName("orders")
 *     .setTunnelName("flink-orders")
 *     .setTunnelType(TunnelType.BASE_AND_STREAM)
 *     .setDeserializer(TunnelRecordDeserializationSchema.json())
 *     .build();
 * env.fromSource(source, WatermarkStrategy.noWatermarks(), "orders-tunnel");
 * }</pre>
 *
 * <p>Each tunnel channel (a base-data range or a stream shard) is a split. With checkpointing the
 * source is exactly-once: Flink's state holds every channel's position, and the tunnel's own
 * checkpoints follow completed Flink checkpoints. See {@code docs/datastream.md}.
 */
public final class TunnelSource<T>
        implements Source<T, TunnelChannelSplit, TunnelEnumeratorState>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    private final TunnelSourceConfig config;
    private final TunnelRecordDeserializationSchema<T> deserializer;

    TunnelSource(TunnelSourceConfig config, TunnelRecordDeserializationSchema<T> deserializer) {
        this.config = config;
        this.deserializer = deserializer;
    }

    public static <T> TunnelSourceBuilder<T> builder() {
        return new TunnelSourceBuilder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return config.boundedness();
    }

    @Override
    public SourceReader<T, TunnelChannelSplit> createReader(SourceReaderContext context)
            throws Exception {
        deserializer.open(new TunnelDeserializationContext(context));
        return TunnelSourceReader.create(
                config, deserializer, context, CheckpointingProbe.progressMode(context));
    }

    @Override
    public SplitEnumerator<TunnelChannelSplit, TunnelEnumeratorState> createEnumerator(
            SplitEnumeratorContext<TunnelChannelSplit> context) {
        return new TunnelSplitEnumerator(context, config, null);
    }

    @Override
    public SplitEnumerator<TunnelChannelSplit, TunnelEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<TunnelChannelSplit> context, TunnelEnumeratorState checkpoint) {
        return new TunnelSplitEnumerator(context, config, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<TunnelChannelSplit> getSplitSerializer() {
        return TunnelChannelSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<TunnelEnumeratorState> getEnumeratorCheckpointSerializer() {
        return TunnelEnumeratorStateSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return deserializer.getProducedType();
    }

    /** The validated configuration (for tests and the table factory). */
    public TunnelSourceConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "TunnelSource{" + config + "}";
    }
}

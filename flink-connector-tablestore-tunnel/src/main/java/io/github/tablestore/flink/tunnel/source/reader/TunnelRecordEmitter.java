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

package io.github.tablestore.flink.tunnel.source.reader;

import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.event.SessionIds;
import io.github.tablestore.flink.tunnel.source.metrics.TunnelReaderMetrics;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplitState;

import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Emits a whole batch in one call — so no checkpoint can fall inside it — then moves the split's
 * position past it.
 *
 * <p>Record timestamps (what watermark strategies see): a stream record's change time (its
 * sequence timestamp, µs, in ms); a base-data record the tunnel's creation time, as the base data
 * is the table as of about then and the stream part continues from there. If the creation time
 * is unknown, base-data records carry no timestamp.
 */
final class TunnelRecordEmitter<T>
        implements RecordEmitter<ChannelBatch, T, TunnelChannelSplitState> {
    private final TunnelRecordDeserializationSchema<T> deserializer;
    private final Counter numRecordsIn;
    private final Counter numBytesIn;
    private final TunnelReaderMetrics metrics;
    private final SessionHolder sessions;
    private final BiConsumer<String, String> positionListener;
    private final OutputCollector<T> collector = new OutputCollector<>();

    /**
     * @param numRecordsIn the operator's records-in counter; the reader base counts one per batch,
     *     this emitter corrects it to one per record
     * @param numBytesIn the operator's bytes-in counter (response bytes of each batch)
     * @param sessions where the tunnel's creation time comes from
     * @param positionListener told (channel, token) after each batch, or null
     */
    TunnelRecordEmitter(
            TunnelRecordDeserializationSchema<T> deserializer,
            Counter numRecordsIn,
            Counter numBytesIn,
            TunnelReaderMetrics metrics,
            SessionHolder sessions,
            BiConsumer<String, String> positionListener) {
        this.deserializer = deserializer;
        this.numRecordsIn = numRecordsIn;
        this.numBytesIn = numBytesIn;
        this.metrics = metrics;
        this.sessions = sessions;
        this.positionListener = positionListener;
    }

    @Override
    public void emitRecord(
            ChannelBatch batch, SourceOutput<T> output, TunnelChannelSplitState state)
            throws Exception {
        collector.output = output;
        SessionIds session = sessions.get();
        long baseTimestamp = session == null ? Long.MIN_VALUE : session.tunnelCreateTimeMillis();
        long lastChangeTime = -1;
        List<TunnelRecord> records = batch.records();
        int last = records.size() - 1;
        for (int i = 0; i <= last; i++) {
            // Flink's per-split output keeps the last value it was given until the split's next
            // record; a decoded record aliases its whole response body, so the batch's last one
            // is detached (copied) lest every idle or unfinished channel pin a body.
            TunnelRecord record = i == last ? records.get(i).detached() : records.get(i);
            SequenceInfo seq = record.sequenceInfo();
            if (seq == null) {
                collector.timestamp = baseTimestamp;
            } else {
                lastChangeTime = seq.timestamp() / 1000;
                collector.timestamp = lastChangeTime;
            }
            deserializer.deserialize(batch.channelId(), record, collector);
        }
        numRecordsIn.inc(batch.records().size() - 1L);
        numBytesIn.inc(batch.responseBytes());
        metrics.channel(batch.channelId())
                .batchEmitted(batch.records().size(), lastChangeTime, batch.reachedEnd());
        state.advanceTo(batch.nextToken());
        if (positionListener != null) {
            positionListener.accept(batch.channelId(), batch.nextToken());
        }
    }

    private static final class OutputCollector<T> implements Collector<T> {
        SourceOutput<T> output;
        long timestamp;

        @Override
        public void collect(T record) {
            if (timestamp == Long.MIN_VALUE) {
                output.collect(record);
            } else {
                output.collect(record, timestamp);
            }
        }

        @Override
        public void close() {}
    }
}

package io.github.tablestore.flink.tunnel.source.reader;

import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplitState;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Emits a whole batch in one call — so no checkpoint can fall inside it — then moves the split's
 * position past it. Record timestamps are the stream log time (ms); base-data records carry none.
 */
final class TunnelRecordEmitter<T> implements RecordEmitter<ChannelBatch, T, TunnelChannelSplitState> {
    private final TunnelRecordDeserializationSchema<T> deserializer;
    private final Counter numRecordsIn;
    private final BiConsumer<String, String> positionListener;
    private final OutputCollector<T> collector = new OutputCollector<>();

    /**
     * @param numRecordsIn the operator's records-in counter; the reader base counts one per batch,
     *     this emitter corrects it to one per record
     * @param positionListener told (channel, token) after each batch, or null
     */
    TunnelRecordEmitter(
            TunnelRecordDeserializationSchema<T> deserializer,
            Counter numRecordsIn,
            BiConsumer<String, String> positionListener) {
        this.deserializer = deserializer;
        this.numRecordsIn = numRecordsIn;
        this.positionListener = positionListener;
    }

    @Override
    public void emitRecord(ChannelBatch batch, SourceOutput<T> output, TunnelChannelSplitState state)
            throws Exception {
        collector.output = output;
        for (TunnelRecord record : batch.records()) {
            SequenceInfo seq = record.sequenceInfo();
            collector.timestamp = seq == null ? Long.MIN_VALUE : seq.timestamp() / 1000;
            deserializer.deserialize(batch.channelId(), record, collector);
        }
        numRecordsIn.inc(batch.records().size() - 1L);
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

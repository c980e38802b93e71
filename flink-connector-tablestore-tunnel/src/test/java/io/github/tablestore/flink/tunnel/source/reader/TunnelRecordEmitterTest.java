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

import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferDecoder;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferEncoder;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.source.metrics.TunnelReaderMetrics;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplitState;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the emitter hands to Flink: the batch in order, its last record detached from the body. */
class TunnelRecordEmitterTest {

    private static TunnelRecord record(String key, long seq) {
        return new TunnelRecord(
                RecordAction.PUT_ROW,
                PrimaryKey.of(new PrimaryKeyColumn("pk", ColumnValue.ofString(key))),
                List.of(Cell.put("v", ColumnValue.ofString("value-" + key), 1)),
                new SequenceInfo(1, seq, 0),
                List.of());
    }

    @Test
    void theLastRecordOfABatchNoLongerAliasesTheResponseBody() throws Exception {
        List<TunnelRecord> originals = List.of(record("a", 1_000), record("b", 2_000));
        byte[] body = new byte[4096]; // one response body holding both records
        List<TunnelRecord> decoded = new ArrayList<>();
        PlainBufferDecoder decoder = new PlainBufferDecoder();
        int at = 0;
        for (TunnelRecord r : originals) {
            byte[] bytes = PlainBufferEncoder.encodeRecord(r);
            System.arraycopy(bytes, 0, body, at, bytes.length);
            decoded.add(
                    decoder.decodeRecord(
                            new RawRecord(
                                    RecordAction.PUT_ROW,
                                    ByteBuffer.wrap(body, at, bytes.length).slice(),
                                    null)));
            at += bytes.length;
        }
        TunnelRecordEmitter<TunnelRecord> emitter =
                new TunnelRecordEmitter<>(
                        TunnelRecordDeserializationSchema.records(),
                        new SimpleCounter(),
                        new SimpleCounter(),
                        new TunnelReaderMetrics(
                                UnregisteredMetricsGroup.createSourceReaderMetricGroup()),
                        new SessionHolder(),
                        null);
        CollectingOutput out = new CollectingOutput();
        emitter.emitRecord(
                new ChannelBatch("shard-0", decoded, "next", false),
                out,
                new TunnelChannelSplitState(
                        new TunnelChannelSplit("shard-0", ChannelType.STREAM, "t", 0, List.of())));

        assertThat(out.values).containsExactlyElementsOf(originals);
        assertThat(out.values.get(0)).isSameAs(decoded.get(0));
        Arrays.fill(body, (byte) 'x'); // the body is gone; only the detached record survives intact
        assertThat(out.values.get(1)).isEqualTo(originals.get(1));
        assertThat(out.values.get(0)).isNotEqualTo(originals.get(0));
    }

    private static final class CollectingOutput implements SourceOutput<TunnelRecord> {
        final List<TunnelRecord> values = new ArrayList<>();

        @Override
        public void collect(TunnelRecord record) {
            values.add(record);
        }

        @Override
        public void collect(TunnelRecord record, long timestamp) {
            values.add(record);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }
}

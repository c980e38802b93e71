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

package io.github.tablestore.flink.tunnel.client.record;

import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferDecoder;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferEncoder;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code detached()}: decoded values stop aliasing the response body they came in. */
class DetachedRecordTest {
    private static final TunnelRecord RECORD =
            new TunnelRecord(
                    RecordAction.PUT_ROW,
                    PrimaryKey.of(
                            new PrimaryKeyColumn("pk", ColumnValue.ofString("key-1")),
                            new PrimaryKeyColumn("n", ColumnValue.ofLong(7))),
                    List.of(
                            Cell.put("s", ColumnValue.ofString("hello"), 5),
                            Cell.put("b", ColumnValue.ofBinary(new byte[] {1, 2, 3}), 5),
                            Cell.put("d", ColumnValue.ofDouble(1.5), 5),
                            Cell.deleteAllVersions("gone")),
                    new SequenceInfo(1, 100, 0),
                    List.of(Cell.put("s", ColumnValue.ofString("before"), 4)));

    /** Decodes RECORD out of a larger, writable body, as a response would carry it. */
    private static TunnelRecord decodeFrom(byte[] body) {
        byte[] row = PlainBufferEncoder.encodeRecord(RECORD);
        byte[] origin = PlainBufferEncoder.encodeImageColumns(RECORD.originColumns());
        System.arraycopy(row, 0, body, 10, row.length);
        System.arraycopy(origin, 0, body, 10 + row.length, origin.length);
        RawRecord raw =
                new RawRecord(
                        RecordAction.PUT_ROW,
                        ByteBuffer.wrap(body, 10, row.length).slice(),
                        ByteBuffer.wrap(body, 10 + row.length, origin.length).slice());
        return new PlainBufferDecoder().decodeRecord(raw);
    }

    @Test
    void aDetachedRecordKeepsItsValuesWhenTheBodyChanges() {
        byte[] body = new byte[1024];
        TunnelRecord decoded = decodeFrom(body);
        TunnelRecord detached = decoded.detached();
        assertThat(detached).isNotSameAs(decoded).isEqualTo(RECORD);

        Arrays.fill(body, (byte) 'x'); // the body is reused or collected: aliasing values change
        assertThat(decoded.primaryKey().value("pk").asString()).isNotEqualTo("key-1");
        assertThat(detached).isEqualTo(RECORD);
        assertThat(detached.column("s").value().asString()).isEqualTo("hello");
        assertThat(detached.column("b").value().asBinary()).containsExactly(1, 2, 3);
        assertThat(detached.originColumns().get(0).value().asString()).isEqualTo("before");
    }

    @Test
    void valuesThatOwnTheirBytesAreNotCopied() {
        assertThat(RECORD.detached()).isSameAs(RECORD);
        ColumnValue s = ColumnValue.ofString("own");
        assertThat(s.detached()).isSameAs(s);
        Cell put = Cell.put("c", ColumnValue.ofLong(1), 1);
        assertThat(put.detached()).isSameAs(put);
        assertThat(Cell.deleteAllVersions("c").detached().value()).isNull();
    }

    @Test
    void detachingAReadOnlySliceCopiesOnlyItsBytes() {
        ByteBuffer body =
                ByteBuffer.wrap("..abc..".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .asReadOnlyBuffer();
        ColumnValue slice = ColumnValue.ofUtf8Slice(body, 2, 3);
        ColumnValue detached = slice.detached();
        assertThat(detached).isNotSameAs(slice).isEqualTo(slice);
        assertThat(detached.asString()).isEqualTo("abc");
        assertThat(detached.detached()).isSameAs(detached);
    }
}

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

package io.github.tablestore.flink.tunnel.client.internal;

import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;

import com.google.protobuf.ByteString;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordsDecoderTest {

    @Test
    void recordBuffersAliasTheBodyInsteadOfCopyingIt() throws Exception {
        byte[] row = {10, 20, 30, 40};
        byte[] body =
                TunnelProtos.ReadRecordsResponse.newBuilder()
                        .addRecords(
                                TunnelProtos.Record.newBuilder()
                                        .setActionType(TunnelProtos.ActionType.PUT_ROW)
                                        .setRecord(ByteString.copyFrom(row))
                                        .setOriginRecord(ByteString.copyFrom(row))
                                        .setLatestRecord(ByteString.copyFrom(row)))
                        .setNextToken("t")
                        .build()
                        .toByteArray();

        ReadRecordsResult<RawRecord> result = RecordsDecoder.decode(body);
        RawRecord record = result.records().get(0);
        ByteBuffer view = record.record();
        assertThat(view.isReadOnly()).isTrue();
        assertThat(view.get(view.position())).isEqualTo((byte) 10);

        // Change the body: a view shows the change, a copy would not.
        for (int i = 0; i + 1 < body.length; i++) {
            if (body[i] == 10 && body[i + 1] == 20) {
                body[i] = 99;
            }
        }
        assertThat(record.record().get(view.position())).isEqualTo((byte) 99);
        assertThat(record.originRecord().get(record.originRecord().position()))
                .isEqualTo((byte) 99);
        assertThat(record.latestRecord().get(record.latestRecord().position()))
                .isEqualTo((byte) 99);
    }

    @Test
    void incompleteBodyIsRejected() {
        byte[] body = TunnelProtos.ReadRecordsResponse.newBuilder().buildPartial().toByteArray();
        assertThatThrownBy(() -> RecordsDecoder.decode(body)).hasMessageContaining("next_token");
        assertThatThrownBy(() -> RecordsDecoder.decode(new byte[] {0x0a, 0x10, 0x08}))
                .isInstanceOf(java.io.IOException.class);
    }

    @Provide
    Arbitrary<TunnelProtos.ReadRecordsResponse> responses() {
        Arbitrary<TunnelProtos.Record> record =
                Arbitraries.of(TunnelProtos.ActionType.values())
                        .flatMap(
                                action ->
                                        Arbitraries.bytes()
                                                .array(byte[].class)
                                                .ofMinSize(1)
                                                .ofMaxSize(64)
                                                .flatMap(
                                                        row ->
                                                                Arbitraries.bytes()
                                                                        .array(byte[].class)
                                                                        .ofMaxSize(16)
                                                                        .map(
                                                                                origin -> {
                                                                                    TunnelProtos
                                                                                                    .Record
                                                                                                    .Builder
                                                                                            r =
                                                                                                    TunnelProtos
                                                                                                            .Record
                                                                                                            .newBuilder()
                                                                                                            .setActionType(
                                                                                                                    action)
                                                                                                            .setRecord(
                                                                                                                    ByteString
                                                                                                                            .copyFrom(
                                                                                                                                    row));
                                                                                    if (origin.length
                                                                                            > 0) {
                                                                                        r
                                                                                                .setOriginRecord(
                                                                                                        ByteString
                                                                                                                .copyFrom(
                                                                                                                        origin));
                                                                                    }
                                                                                    return r
                                                                                            .build();
                                                                                })));
        return record.list()
                .ofMaxSize(20)
                .flatMap(
                        records ->
                                Arbitraries.strings()
                                        .alpha()
                                        .ofMinLength(1)
                                        .map(
                                                token ->
                                                        TunnelProtos.ReadRecordsResponse
                                                                .newBuilder()
                                                                .addAllRecords(records)
                                                                .setNextToken(token)
                                                                .build()));
    }

    @Property(tries = 200)
    void decodesWhatWasEncoded(@ForAll("responses") TunnelProtos.ReadRecordsResponse response)
            throws Exception {
        ReadRecordsResult<RawRecord> result = RecordsDecoder.decode(response.toByteArray());
        assertThat(result.nextToken()).isEqualTo(response.getNextToken());
        List<RawRecord> records = result.records();
        assertThat(records).hasSize(response.getRecordsCount());
        for (int i = 0; i < records.size(); i++) {
            TunnelProtos.Record expected = response.getRecords(i);
            assertThat(records.get(i).action().name()).isEqualTo(expected.getActionType().name());
            assertThat(ByteString.copyFrom(records.get(i).record()))
                    .isEqualTo(expected.getRecord());
            if (expected.hasOriginRecord()) {
                assertThat(ByteString.copyFrom(records.get(i).originRecord()))
                        .isEqualTo(expected.getOriginRecord());
            } else {
                assertThat(records.get(i).originRecord()).isNull();
            }
        }
    }
}

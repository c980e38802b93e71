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
import io.github.tablestore.flink.tunnel.client.record.RecordAction;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnsafeByteOperations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a ReadRecords response without copying record bytes: every {@link RawRecord} buffer is
 * a read-only view into the response body array.
 */
final class RecordsDecoder {
    private RecordsDecoder() {}

    /**
     * Decodes {@code body}. The caller hands the array over: it must not change afterwards, since
     * the records alias it.
     *
     * @throws IOException if the body is not a complete ReadRecordsResponse
     */
    static ReadRecordsResult<RawRecord> decode(byte[] body) throws IOException {
        // Aliasing only takes effect on input protobuf considers immutable; CodedInputStream
        // .newInstance(byte[]) is not, and would copy every bytes field despite enableAliasing.
        CodedInputStream in = UnsafeByteOperations.unsafeWrap(body).newCodedInput();
        in.enableAliasing(true);
        TunnelProtos.ReadRecordsResponse response = TunnelProtos.ReadRecordsResponse.parseFrom(in);

        List<RawRecord> records = new ArrayList<>(response.getRecordsCount());
        for (TunnelProtos.Record r : response.getRecordsList()) {
            ByteString origin = r.getOriginRecord();
            ByteString latest = r.getLatestRecord();
            records.add(
                    new RawRecord(
                            action(r.getActionType()),
                            r.getRecord().asReadOnlyByteBuffer(),
                            origin.isEmpty() ? null : origin.asReadOnlyByteBuffer(),
                            latest.isEmpty() ? null : latest.asReadOnlyByteBuffer()));
        }
        Boolean mayMore = response.hasMayMoreRecord() ? response.getMayMoreRecord() : null;
        return new ReadRecordsResult(records, response.getNextToken(), mayMore, body.length);
    }

    static RecordAction action(TunnelProtos.ActionType type) {
        switch (type) {
            case PUT_ROW:
                return RecordAction.PUT_ROW;
            case UPDATE_ROW:
                return RecordAction.UPDATE_ROW;
            case DELETE_ROW:
                return RecordAction.DELETE_ROW;
            default:
                throw new IllegalArgumentException("unknown record action " + type);
        }
    }
}

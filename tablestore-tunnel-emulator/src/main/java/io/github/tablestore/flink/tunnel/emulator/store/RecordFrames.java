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

package io.github.tablestore.flink.tunnel.emulator.store;

import io.github.tablestore.flink.tunnel.client.record.RecordAction;

/**
 * Builds the protobuf bytes of one {@code ReadRecordsResponse.records} entry by hand: field 1
 * (length-delimited) holding a {@code Record} {action_type = 1 (varint), record = 2 (bytes),
 * origin_record = 3 (bytes, optional)}. Done once per change, at write time.
 */
public final class RecordFrames {
    private RecordFrames() {}

    /** The wire number of an action in the tunnel protocol's ActionType enum. */
    static int actionNumber(RecordAction action) {
        switch (action) {
            case PUT_ROW:
                return 1;
            case UPDATE_ROW:
                return 2;
            case DELETE_ROW:
                return 3;
            default:
                throw new AssertionError(action);
        }
    }

    public static byte[] frame(RecordAction action, byte[] record, byte[] originRecord) {
        int body =
                1
                        + 1 // tag 1 + action varint (1..3 fits one byte)
                        + 1
                        + varintSize(record.length)
                        + record.length
                        + (originRecord == null
                                ? 0
                                : 1 + varintSize(originRecord.length) + originRecord.length);
        byte[] out = new byte[1 + varintSize(body) + body];
        int p = 0;
        out[p++] = 0x0A; // ReadRecordsResponse.records, length-delimited
        p = writeVarint(out, p, body);
        out[p++] = 0x08; // Record.action_type, varint
        out[p++] = (byte) actionNumber(action);
        out[p++] = 0x12; // Record.record, length-delimited
        p = writeVarint(out, p, record.length);
        System.arraycopy(record, 0, out, p, record.length);
        p += record.length;
        if (originRecord != null) {
            out[p++] = 0x1A; // Record.origin_record, length-delimited
            p = writeVarint(out, p, originRecord.length);
            System.arraycopy(originRecord, 0, out, p, originRecord.length);
            p += originRecord.length;
        }
        if (p != out.length) {
            throw new AssertionError("frame size mismatch");
        }
        return out;
    }

    static int varintSize(int v) {
        int n = 1;
        while ((v & ~0x7F) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    static int writeVarint(byte[] out, int p, int v) {
        while ((v & ~0x7F) != 0) {
            out[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[p++] = (byte) v;
        return p;
    }
}

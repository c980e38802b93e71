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

    /**
     * A frame of {@link #frame} with images: the same action and record, then {@code
     * origin_record} ({@code originRecord}, or the frame's own when that is {@code null}) and
     * {@code latest_record} ({@code null} for none).
     */
    static byte[] withImages(byte[] frame, byte[] originRecord, byte[] latestRecord) {
        int p = 1;
        while ((frame[p] & 0x80) != 0) {
            p++;
        }
        int bodyStart = p + 1;
        // action (2 bytes), record tag, record length, record
        p = bodyStart + 3;
        int recordLength = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = frame[p++];
            recordLength |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        int kept = (originRecord != null ? p + recordLength : frame.length) - bodyStart;
        int body =
                kept
                        + (originRecord == null
                                ? 0
                                : 1 + varintSize(originRecord.length) + originRecord.length)
                        + (latestRecord == null
                                ? 0
                                : 1 + varintSize(latestRecord.length) + latestRecord.length);
        byte[] out = new byte[1 + varintSize(body) + body];
        int q = 0;
        out[q++] = 0x0A; // ReadRecordsResponse.records, length-delimited
        q = writeVarint(out, q, body);
        System.arraycopy(frame, bodyStart, out, q, kept);
        q += kept;
        if (originRecord != null) {
            out[q++] = 0x1A; // Record.origin_record, length-delimited
            q = writeVarint(out, q, originRecord.length);
            System.arraycopy(originRecord, 0, out, q, originRecord.length);
            q += originRecord.length;
        }
        if (latestRecord != null) {
            out[q++] = 0x3A; // Record.latest_record (field 7), length-delimited
            q = writeVarint(out, q, latestRecord.length);
            System.arraycopy(latestRecord, 0, out, q, latestRecord.length);
            q += latestRecord.length;
        }
        if (q != out.length) {
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

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

package io.github.tablestore.flink.tunnel.emulator.api;

import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;

import com.google.protobuf.ByteString;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CreateTable's {@code partitions}: consecutive ranges whose bounds are single PlainBuffer values
 * without a length prefix (type byte, then the payload; INF_MIN 0x09 / INF_MAX 0x0A alone), as
 * the SDK's CreateTableEx sends them. Turned into the split points between the ranges.
 */
final class PartitionBoundaries {
    private static final byte VT_INTEGER = 0x00;
    private static final byte VT_STRING = 0x03;
    private static final byte VT_BLOB = 0x07;
    private static final byte VT_INF_MIN = 0x09;
    private static final byte VT_INF_MAX = 0x0A;

    private PartitionBoundaries() {}

    static List<ColumnValue> splitPoints(List<TableProtos.PartitionRange> ranges) {
        List<ColumnValue> points = new ArrayList<>();
        ColumnValue expectedBegin = ColumnValue.INF_MIN;
        for (int i = 0; i < ranges.size(); i++) {
            ColumnValue begin = value(ranges.get(i).getBegin(), "begin of partition " + i);
            ColumnValue end = value(ranges.get(i).getEnd(), "end of partition " + i);
            if (!begin.equals(expectedBegin)) {
                throw Errors.parameterInvalid(
                        "Partition " + i + " must begin where the previous one ends.");
            }
            if (i == ranges.size() - 1) {
                if (!end.equals(ColumnValue.INF_MAX)) {
                    throw Errors.parameterInvalid("The last partition must end at INF_MAX.");
                }
            } else {
                points.add(end);
            }
            expectedBegin = end;
        }
        return points;
    }

    static ColumnValue value(ByteString bytes, String what) {
        ByteBuffer b = bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte type = b.get();
            ColumnValue v;
            switch (type) {
                case VT_INF_MIN:
                    v = ColumnValue.INF_MIN;
                    break;
                case VT_INF_MAX:
                    v = ColumnValue.INF_MAX;
                    break;
                case VT_INTEGER:
                    v = ColumnValue.ofLong(b.getLong());
                    break;
                case VT_STRING:
                case VT_BLOB:
                    {
                        int len = b.getInt();
                        if (len < 0 || len > b.remaining()) {
                            throw Errors.parameterInvalid(
                                    "Invalid " + what + ": bad length " + len + ".");
                        }
                        byte[] raw = new byte[len];
                        b.get(raw);
                        v =
                                type == VT_STRING
                                        ? ColumnValue.ofString(
                                                new String(raw, StandardCharsets.UTF_8))
                                        : ColumnValue.ofBinary(raw);
                        break;
                    }
                default:
                    throw Errors.parameterInvalid("Invalid " + what + ": value type " + type + ".");
            }
            if (b.hasRemaining()) {
                throw Errors.parameterInvalid("Invalid " + what + ": trailing bytes.");
            }
            return v;
        } catch (BufferUnderflowException e) {
            throw Errors.parameterInvalid("Invalid " + what + ": truncated.");
        }
    }
}

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

package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.CellOperation;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;
import io.github.tablestore.flink.tunnel.table.CellConverter.InvalidCellException;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

import java.io.Serializable;

/**
 * The metadata a table can declare with {@code METADATA FROM '<key>'}: the record's change type,
 * time, channel and stream position, and the before-image value of a column ({@code
 * origin.<column>}). Documented in docs/sql.md.
 */
enum TunnelMetadata {
    /** PUT, UPDATE or DELETE (VVR's OtsRecordType values). Base data is PUT. */
    TYPE("type", "The change: PUT, UPDATE or DELETE (base data: PUT)."),
    /**
     * When the change was logged: TIMESTAMP_LTZ (NULL for base data), or, when the column is
     * declared BIGINT, microseconds since the epoch as VVR's OtsRecordTimestamp (0 for base data).
     */
    TIMESTAMP(
            "timestamp",
            "When the change was logged; NULL for base data. Declared BIGINT: "
                    + "microseconds since the epoch, 0 for base data (as VVR)."),
    /** The channel (base-data range or stream shard) the record came from. */
    CHANNEL_ID(
            "channel-id",
            "The tunnel channel (a base-data range or a stream shard) of the record."),
    /** epoch:timestamp:rowIndex in fixed-width hex, sorting like the stream; NULL for base data. */
    SEQUENCE_INFO(
            "sequence-info",
            "The record's stream position, epoch:timestamp:row-index in "
                    + "fixed-width hex (sorts in stream order within a channel); NULL for base data.");

    /** Prefix of the before-image keys: {@code origin.status} is the old value of {@code status}. */
    static final String ORIGIN_PREFIX = "origin.";

    final String key;
    final String description;

    TunnelMetadata(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The metadata called {@code key}, or null (for origin keys too). */
    static TunnelMetadata byKey(String key) {
        for (TunnelMetadata m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The type this metadata has for a table whose column reading it is declared {@code declared}
     * (null: not declared). Only {@link #TIMESTAMP} adapts: BIGINT for VVR's microseconds, else
     * TIMESTAMP_LTZ with the declared precision (3 by default).
     */
    DataType dataType(LogicalType declared) {
        switch (this) {
            case TYPE:
            case CHANNEL_ID:
                return DataTypes.STRING().notNull();
            case SEQUENCE_INFO:
                return DataTypes.STRING();
            case TIMESTAMP:
                if (declared != null && declared.getTypeRoot() == LogicalTypeRoot.BIGINT) {
                    return DataTypes.BIGINT().notNull();
                }
                if (declared instanceof LocalZonedTimestampType) {
                    return DataTypes.TIMESTAMP_LTZ(
                            ((LocalZonedTimestampType) declared).getPrecision());
                }
                return DataTypes.TIMESTAMP_LTZ(3);
            default:
                throw new AssertionError(this);
        }
    }

    /** Reads one metadata value of a record. */
    @FunctionalInterface
    interface Reader extends Serializable {
        Object read(String channelId, TunnelRecord record) throws InvalidCellException;
    }

    /** The reader of this metadata when it is produced as {@code type}. */
    Reader reader(LogicalType type) {
        switch (this) {
            case TYPE:
                return (channel, record) -> TYPE_NAMES[record.action().ordinal()];
            case CHANNEL_ID:
                return new ChannelIdReader();
            case SEQUENCE_INFO:
                return (channel, record) -> {
                    SequenceInfo seq = record.sequenceInfo();
                    return seq == null ? null : StringData.fromString(seq.toString());
                };
            case TIMESTAMP:
                if (type.getTypeRoot() == LogicalTypeRoot.BIGINT) {
                    return (channel, record) -> {
                        SequenceInfo seq = record.sequenceInfo();
                        return seq == null ? 0L : seq.timestamp();
                    };
                }
                return (channel, record) -> {
                    SequenceInfo seq = record.sequenceInfo();
                    if (seq == null) {
                        return null;
                    }
                    long micros = seq.timestamp();
                    return TimestampData.fromEpochMillis(
                            Math.floorDiv(micros, 1000L),
                            (int) Math.floorMod(micros, 1000L) * 1000);
                };
            default:
                throw new AssertionError(this);
        }
    }

    /** Reads the channel id, encoding it once per run of records of one channel. */
    private static final class ChannelIdReader implements Reader {
        private static final long serialVersionUID = 1L;

        private transient LastString last;

        @Override
        public Object read(String channelId, TunnelRecord record) {
            if (last == null) {
                last = new LastString();
            }
            return last.of(channelId);
        }
    }

    /** Reads the before-image value of {@code column}: NULL when the record has none. */
    static Reader originReader(String column, CellConverter converter) {
        return (channel, record) -> {
            Cell found = null;
            for (Cell cell : record.originColumns()) {
                if (cell.name().equals(column)
                        && (found == null || cell.timestamp() > found.timestamp())) {
                    found = cell;
                }
            }
            return found == null || found.operation() != CellOperation.PUT
                    ? null
                    : converter.convert(found.value());
        };
    }

    private static final StringData[] TYPE_NAMES = {
        StringData.fromString("PUT"),
        StringData.fromString("UPDATE"),
        StringData.fromString("DELETE")
    };
}

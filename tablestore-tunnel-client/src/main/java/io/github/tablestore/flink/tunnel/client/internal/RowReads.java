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

import io.github.tablestore.flink.tunnel.client.ErrorCodes;
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.model.RangePage;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferDecoder;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferEncoder;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.Row;

import com.google.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Requests and answers of the point reads (GetRow, BatchGetRow, GetRange): keys PlainBuffer-
 * encoded, newest version only ({@code max_versions} 1), rows decoded with the client's one
 * PlainBuffer codec.
 */
final class RowReads {
    private RowReads() {}

    static TableProtos.GetRowRequest getRow(
            String tableName, PrimaryKey primaryKey, List<String> columns) {
        return TableProtos.GetRowRequest.newBuilder()
                .setTableName(Args.notEmpty(tableName, "tableName"))
                .setPrimaryKey(key(primaryKey, "primaryKey"))
                .addAllColumnsToGet(Args.notNull(columns, "columns"))
                .setMaxVersions(1)
                .build();
    }

    static TableProtos.BatchGetRowRequest batchGetRow(
            String tableName, List<PrimaryKey> primaryKeys, List<String> columns) {
        TableProtos.TableInBatchGetRowRequest.Builder table =
                TableProtos.TableInBatchGetRowRequest.newBuilder()
                        .setTableName(Args.notEmpty(tableName, "tableName"));
        for (PrimaryKey k : primaryKeys) {
            table.addPrimaryKey(key(k, "primaryKeys"));
        }
        // One (empty) paging token per row, as the official SDK sends.
        for (int i = 0; i < primaryKeys.size(); i++) {
            table.addToken(ByteString.EMPTY);
        }
        table.addAllColumnsToGet(Args.notNull(columns, "columns")).setMaxVersions(1);
        return TableProtos.BatchGetRowRequest.newBuilder().addTables(table).build();
    }

    static TableProtos.GetRangeRequest getRange(
            String tableName,
            PrimaryKey inclusiveStart,
            PrimaryKey exclusiveEnd,
            List<String> columns,
            int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        TableProtos.GetRangeRequest.Builder b =
                TableProtos.GetRangeRequest.newBuilder()
                        .setTableName(Args.notEmpty(tableName, "tableName"))
                        .setDirection(TableProtos.Direction.FORWARD)
                        .addAllColumnsToGet(Args.notNull(columns, "columns"))
                        .setMaxVersions(1)
                        .setInclusiveStartPrimaryKey(key(inclusiveStart, "inclusiveStart"))
                        .setExclusiveEndPrimaryKey(key(exclusiveEnd, "exclusiveEnd"));
        if (limit > 0) {
            b.setLimit(limit);
        }
        return b.build();
    }

    private static ByteString key(PrimaryKey key, String name) {
        return ByteString.copyFrom(PlainBufferEncoder.encodePrimaryKey(Args.notNull(key, name)));
    }

    /** A row answer: empty bytes mean no such row. */
    static Row row(ByteString bytes) {
        if (bytes.isEmpty()) {
            return null;
        }
        return PlainBufferDecoder.decodeRow(ByteBuffer.wrap(bytes.toByteArray()));
    }

    static RangePage rangePage(TableProtos.GetRangeResponse r) {
        List<Row> rows = PlainBufferDecoder.decodeRows(ByteBuffer.wrap(r.getRows().toByteArray()));
        PrimaryKey next =
                r.hasNextStartPrimaryKey() && !r.getNextStartPrimaryKey().isEmpty()
                        ? PlainBufferDecoder.decodePrimaryKey(
                                ByteBuffer.wrap(r.getNextStartPrimaryKey().toByteArray()))
                        : null;
        return new RangePage(rows, next);
    }

    /** The error of one row of a BatchGetRow answer, as the service would report it for a call. */
    static TablestoreException rowError(
            TableProtos.Error error, int status, String requestId, int index) {
        String code =
                error.getCode().isEmpty() ? ErrorCodes.INTERNAL_SERVER_ERROR : error.getCode();
        return new TablestoreException(
                code,
                "row " + index + " of BatchGetRow: " + error.getMessage(),
                status,
                requestId,
                RetryableErrors.isRetryable(code, 0),
                null);
    }
}

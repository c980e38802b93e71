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
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.TunnelClientConfig;
import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.RangePage;
import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.model.StreamShard;
import io.github.tablestore.flink.tunnel.client.model.TableDescription;
import io.github.tablestore.flink.tunnel.client.model.TunnelDescription;
import io.github.tablestore.flink.tunnel.client.model.TunnelInfo;
import io.github.tablestore.flink.tunnel.client.plainbuffer.ColumnFilter;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferDecoder;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferException;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link TunnelClient} over OkHttp. Create it through
 * {@link io.github.tablestore.flink.tunnel.client.TunnelClients#create}; this class is not API.
 */
public final class OkHttpTunnelClient implements TunnelClient {
    // A session's last call may come after its caller's class loader was closed: Flink closes a
    // job's user-code class loader while the source coordinator may still be closing, and that
    // is when the enumerator shuts its tunnel session down. Every other call has run by then, so
    // only Shutdown's messages are loaded here, with the client; otherwise the session would be
    // left to expire after the heartbeat timeout.
    static {
        TunnelRequests.shutdown("preload", "preload");
        TunnelProtos.ShutdownResponse.getDefaultInstance();
    }

    private final TunnelClientConfig config;
    private final HttpTransport transport;
    private final Retrier retrier;

    /** One decoder per reading thread: it keeps a cache of column names between batches. */
    private final ThreadLocal<PlainBufferDecoder> decoders =
            ThreadLocal.withInitial(PlainBufferDecoder::new);

    private volatile boolean closed;

    public OkHttpTunnelClient(TunnelClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = new HttpTransport(config, Clock.systemUTC());
        this.retrier =
                new Retrier(
                        config.retryPolicy(),
                        System::nanoTime,
                        Retrier::sleepNanos,
                        () -> ThreadLocalRandom.current().nextDouble());
    }

    @Override
    public String createTunnel(CreateTunnelRequest request) {
        return call(
                Operation.CREATE_TUNNEL,
                TunnelRequests.createTunnel(request),
                body -> TunnelProtos.CreateTunnelResponse.parseFrom(body).getTunnelId());
    }

    @Override
    public TunnelDescription describeTunnel(String tableName, String tunnelName) {
        return call(
                Operation.DESCRIBE_TUNNEL,
                TunnelRequests.describeTunnel(tableName, tunnelName),
                body ->
                        TunnelResponses.describeTunnel(
                                TunnelProtos.DescribeTunnelResponse.parseFrom(body)));
    }

    @Override
    public List<TunnelInfo> listTunnels(String tableName) {
        return call(
                Operation.LIST_TUNNEL,
                TunnelRequests.listTunnel(tableName),
                body ->
                        TunnelResponses.listTunnel(
                                TunnelProtos.ListTunnelResponse.parseFrom(body)));
    }

    @Override
    public void deleteTunnel(String tableName, String tunnelName) {
        call(
                Operation.DELETE_TUNNEL,
                TunnelRequests.deleteTunnel(tableName, tunnelName),
                TunnelProtos.DeleteTunnelResponse::parseFrom);
    }

    @Override
    public String connect(String tunnelId, long heartbeatTimeoutSeconds, String clientTag) {
        return call(
                Operation.CONNECT_TUNNEL,
                TunnelRequests.connect(tunnelId, heartbeatTimeoutSeconds, clientTag),
                body -> TunnelProtos.ConnectResponse.parseFrom(body).getClientId());
    }

    @Override
    public List<ChannelState> heartbeat(
            String tunnelId, String clientId, List<ChannelState> channels) {
        return call(
                Operation.HEARTBEAT,
                TunnelRequests.heartbeat(tunnelId, clientId, channels),
                body -> TunnelResponses.heartbeat(TunnelProtos.HeartbeatResponse.parseFrom(body)));
    }

    @Override
    public void shutdown(String tunnelId, String clientId) {
        call(
                Operation.SHUTDOWN,
                TunnelRequests.shutdown(tunnelId, clientId),
                TunnelProtos.ShutdownResponse::parseFrom);
    }

    @Override
    public ChannelCheckpoint getCheckpoint(String tunnelId, String clientId, String channelId) {
        return call(
                Operation.GET_CHECKPOINT,
                TunnelRequests.getCheckpoint(tunnelId, clientId, channelId),
                body ->
                        TunnelResponses.checkpoint(
                                TunnelProtos.GetCheckpointResponse.parseFrom(body)));
    }

    @Override
    public ReadRecordsResult<RawRecord> readRecords(
            String tunnelId, String clientId, String channelId, String token) {
        return call(
                Operation.READ_RECORDS,
                TunnelRequests.readRecords(tunnelId, clientId, channelId, token),
                RecordsDecoder::decode);
    }

    @Override
    public ReadRecordsResult<TunnelRecord> readBatch(
            String tunnelId,
            String clientId,
            String channelId,
            String token,
            ColumnFilter columns) {
        ReadRecordsResult<RawRecord> result = readRecords(tunnelId, clientId, channelId, token);
        PlainBufferDecoder decoder = decoders.get();
        List<RawRecord> raw = result.records();
        List<TunnelRecord> records = new ArrayList<>(raw.size());
        for (RawRecord r : raw) {
            try {
                records.add(decoder.decodeRecord(r, columns));
            } catch (RuntimeException e) {
                throw corruptRecord(channelId, token, records.size(), e);
            }
        }
        return new ReadRecordsResult<>(
                records, result.nextToken(), result.mayMoreRecord(), result.responseBytes());
    }

    private static TablestoreException corruptRecord(
            String channelId, String token, int index, RuntimeException e) {
        String offset =
                e instanceof PlainBufferException
                        ? " at byte " + ((PlainBufferException) e).offset()
                        : "";
        return new TablestoreException(
                ErrorCodes.CLIENT_CORRUPT_RECORD,
                "Record "
                        + index
                        + " of the batch "
                        + "ReadRecords returned for channel "
                        + channelId
                        + " from token "
                        + token
                        + " cannot be "
                        + "decoded"
                        + offset
                        + ": "
                        + e.getMessage(),
                0,
                null,
                false,
                e);
    }

    @Override
    public void checkpoint(
            String tunnelId, String clientId, String channelId, String token, long sequenceNumber) {
        call(
                Operation.CHECKPOINT,
                TunnelRequests.checkpoint(tunnelId, clientId, channelId, token, sequenceNumber),
                TunnelProtos.CheckpointResponse::parseFrom);
    }

    @Override
    public TableDescription describeTable(String tableName) {
        TableProtos.DescribeTableRequest request =
                TableProtos.DescribeTableRequest.newBuilder()
                        .setTableName(Args.notEmpty(tableName, "tableName"))
                        .build();
        return call(
                Operation.DESCRIBE_TABLE,
                request,
                body ->
                        TableResponses.describeTable(
                                TableProtos.DescribeTableResponse.parseFrom(body)));
    }

    @Override
    public List<StreamShard> describeStreamShards(String streamId) {
        Args.notEmpty(streamId, "streamId");
        Map<String, StreamShard> shards = new LinkedHashMap<>();
        Set<String> pageStarts = new HashSet<>();
        String start = null;
        do {
            TableProtos.DescribeStreamRequest.Builder request =
                    TableProtos.DescribeStreamRequest.newBuilder().setStreamId(streamId);
            if (start != null) {
                request.setInclusiveStartShardId(start);
            }
            Page page =
                    call(
                            Operation.DESCRIBE_STREAM,
                            request.build(),
                            body -> {
                                TableProtos.DescribeStreamResponse r =
                                        TableProtos.DescribeStreamResponse.parseFrom(body);
                                String next =
                                        r.hasNextShardId() && !r.getNextShardId().isEmpty()
                                                ? r.getNextShardId()
                                                : null;
                                return new Page(TableResponses.shards(r), next);
                            });
            for (StreamShard shard : page.shards) {
                shards.putIfAbsent(shard.shardId(), shard);
            }
            start = page.next;
            if (start != null && !pageStarts.add(start)) {
                throw ErrorResponses.badResponse(
                        Operation.DESCRIBE_STREAM,
                        200,
                        null,
                        "paging of stream " + streamId + " returns to shard " + start + " again",
                        null);
            }
        } while (start != null);
        return List.copyOf(shards.values());
    }

    @Override
    public Row getRow(String tableName, PrimaryKey primaryKey, List<String> columns) {
        return call(
                Operation.GET_ROW,
                RowReads.getRow(tableName, primaryKey, columns),
                body -> RowReads.row(TableProtos.GetRowResponse.parseFrom(body).getRow()));
    }

    @Override
    public List<Row> batchGetRow(
            String tableName, List<PrimaryKey> primaryKeys, List<String> columns) {
        Args.notNull(primaryKeys, "primaryKeys");
        if (primaryKeys.size() > MAX_BATCH_GET_ROWS) {
            throw new IllegalArgumentException(
                    "BatchGetRow takes at most "
                            + MAX_BATCH_GET_ROWS
                            + " rows, got "
                            + primaryKeys.size());
        }
        Row[] rows = new Row[primaryKeys.size()];
        if (rows.length == 0) {
            return List.of();
        }
        requireOpen();
        // Rows still to read, by index into primaryKeys; a retry asks only for these.
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            pending.add(i);
        }
        retrier.run(
                Operation.BATCH_GET_ROW,
                attempt -> {
                    List<PrimaryKey> keys = new ArrayList<>(pending.size());
                    for (int i : pending) {
                        keys.add(primaryKeys.get(i));
                    }
                    byte[] body = RowReads.batchGetRow(tableName, keys, columns).toByteArray();
                    requireOpen();
                    WireResponse response = transport.post(Operation.BATCH_GET_ROW, body, attempt);
                    TableProtos.BatchGetRowResponse answer =
                            decode(
                                    Operation.BATCH_GET_ROW,
                                    response,
                                    TableProtos.BatchGetRowResponse::parseFrom);
                    List<TableProtos.RowInBatchGetRowResponse> answered =
                            answer.getTablesCount() == 1
                                    ? answer.getTables(0).getRowsList()
                                    : List.of();
                    if (answered.size() != keys.size()) {
                        throw ErrorResponses.badResponse(
                                Operation.BATCH_GET_ROW,
                                response.status(),
                                response.requestId(),
                                "asked for "
                                        + keys.size()
                                        + " rows of one table, got "
                                        + answer.getTablesCount()
                                        + " tables and "
                                        + answered.size()
                                        + " rows",
                                null);
                    }
                    List<Integer> failed = new ArrayList<>();
                    TablestoreException transientError = null;
                    for (int j = 0; j < answered.size(); j++) {
                        TableProtos.RowInBatchGetRowResponse r = answered.get(j);
                        int index = pending.get(j);
                        if (r.getIsOk()) {
                            rows[index] =
                                    decode(
                                            Operation.BATCH_GET_ROW,
                                            response,
                                            ignored -> RowReads.row(r.getRow()));
                            continue;
                        }
                        TablestoreException e =
                                RowReads.rowError(
                                        r.getError(),
                                        response.status(),
                                        response.requestId(),
                                        index);
                        if (!e.isRetryable()) {
                            throw e;
                        }
                        failed.add(index);
                        transientError = e;
                    }
                    pending.clear();
                    pending.addAll(failed);
                    if (transientError != null) {
                        throw transientError;
                    }
                    return null;
                });
        return Collections.unmodifiableList(Arrays.asList(rows));
    }

    @Override
    public RangePage getRange(
            String tableName,
            PrimaryKey inclusiveStart,
            PrimaryKey exclusiveEnd,
            List<String> columns,
            int limit) {
        return call(
                Operation.GET_RANGE,
                RowReads.getRange(tableName, inclusiveStart, exclusiveEnd, columns, limit),
                body -> RowReads.rangePage(TableProtos.GetRangeResponse.parseFrom(body)));
    }

    @Override
    public void close() {
        closed = true;
        transport.close();
    }

    @Override
    public String toString() {
        return "OkHttpTunnelClient{" + config + "}";
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the tunnel client is closed");
        }
    }

    /** Decodes a successful response body. */
    @FunctionalInterface
    private interface Decoder<T> {
        T decode(byte[] body) throws IOException;
    }

    private <T> T call(Operation op, MessageLite request, Decoder<T> decoder) {
        requireOpen();
        byte[] body = request.toByteArray();
        return retrier.run(op, attempt -> attempt(op, body, attempt, decoder));
    }

    /** One attempt: post, then decode a successful answer. */
    private <T> T attempt(Operation op, byte[] body, int attempt, Decoder<T> decoder) {
        requireOpen(); // no retry of a call that close() cancelled
        return decode(op, transport.post(op, body, attempt), decoder);
    }

    private static <T> T decode(Operation op, WireResponse response, Decoder<T> decoder) {
        try {
            return decoder.decode(response.body());
        } catch (InvalidProtocolBufferException e) {
            throw ErrorResponses.badResponse(
                    op,
                    response.status(),
                    response.requestId(),
                    "malformed response body: " + e.getMessage(),
                    e);
        } catch (IOException | IllegalArgumentException | PlainBufferException e) {
            throw ErrorResponses.badResponse(
                    op,
                    response.status(),
                    response.requestId(),
                    "unexpected response content: " + e.getMessage(),
                    e);
        }
    }

    private static final class Page {
        final List<StreamShard> shards;
        final String next;

        Page(List<StreamShard> shards, String next) {
            this.shards = shards;
            this.next = next;
        }
    }
}

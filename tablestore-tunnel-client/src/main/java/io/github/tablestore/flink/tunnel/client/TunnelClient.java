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

package io.github.tablestore.flink.tunnel.client;

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
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import java.util.List;

/**
 * The Tablestore Tunnel Service API, plus the data-plane calls the connector needs
 * (DescribeTable, DescribeStream, and the point reads GetRow, BatchGetRow and GetRange). Every method is one HTTP call (with
 * retries for transient failures of idempotent calls, per the client's retry policy) and throws
 * {@link TablestoreException} on failure. Implementations are thread-safe.
 *
 * <p>This interface is the single facade through which the Flink connector talks to the service,
 * so tests can wrap it to inject faults.
 */
public interface TunnelClient extends AutoCloseable {

    /** Creates a tunnel and returns its id. Fails with OTSTunnelExist when the name is taken. */
    String createTunnel(CreateTunnelRequest request);

    /** Describes a tunnel with all its channels. A missing tunnel gives OTSParameterInvalid. */
    TunnelDescription describeTunnel(String tableName, String tunnelName);

    /** Lists the tunnels of a table. */
    List<TunnelInfo> listTunnels(String tableName);

    void deleteTunnel(String tableName, String tunnelName);

    /**
     * Connects a client to a tunnel and returns the client id.
     *
     * @param heartbeatTimeoutSeconds the server declares the client dead after this long without
     *     a heartbeat
     * @param clientTag a label for the client, shown by the service
     */
    String connect(String tunnelId, long heartbeatTimeoutSeconds, String clientTag);

    /**
     * Sends the client's view of its channels and returns the channels the server wants it to
     * hold, with their status and server version.
     */
    List<ChannelState> heartbeat(String tunnelId, String clientId, List<ChannelState> channels);

    /** Ends a client session; the server releases its channels at once. */
    void shutdown(String tunnelId, String clientId);

    ChannelCheckpoint getCheckpoint(String tunnelId, String clientId, String channelId);

    /** ReadRecords: a batch of records as the service encoded them (PlainBuffer). */
    ReadRecordsResult<RawRecord> readRecords(
            String tunnelId, String clientId, String channelId, String token);

    /**
     * ReadRecords, decoded: the batch's records with the attribute columns {@code columns}
     * includes (the primary key always; skipped cells are still checksum-verified). A record
     * that cannot be decoded fails the call with {@link ErrorCodes#CLIENT_CORRUPT_RECORD}, naming
     * the channel, the token, the record and the byte offset; it is not retried.
     */
    ReadRecordsResult<TunnelRecord> readBatch(
            String tunnelId, String clientId, String channelId, String token, ColumnFilter columns);

    /**
     * Stores a channel's position. The sequence number must be greater than the stored one, else
     * the server answers OTSSequenceNumberNotMatch.
     */
    void checkpoint(
            String tunnelId, String clientId, String channelId, String token, long sequenceNumber);

    /** Describes a table (primary key, defined columns, stream). */
    TableDescription describeTable(String tableName);

    /**
     * Lists the shards of a table's stream with their parents (DescribeStream, all pages). Stream
     * channels of a tunnel are named after these shards, so this tells which channels must finish
     * before a child may be read.
     */
    List<StreamShard> describeStreamShards(String streamId);

    /** Most rows one BatchGetRow request may ask for (the service's limit). */
    int MAX_BATCH_GET_ROWS = 100;

    /**
     * GetRow: the newest version of the row with {@code primaryKey} (all its primary-key
     * columns), or {@code null} when the table has no such row.
     *
     * @param columns the columns to return (attribute and primary-key names); empty: all. A row
     *     that has none of the listed columns is answered as missing by the service, so list the
     *     primary-key columns too to tell an existing row with empty columns from a missing one.
     */
    Row getRow(String tableName, PrimaryKey primaryKey, List<String> columns);

    /**
     * BatchGetRow of up to {@link #MAX_BATCH_GET_ROWS} rows of one table, newest versions: entry
     * {@code i} of the result is the row of {@code primaryKeys.get(i)}, or {@code null} when the
     * table has none. Rows that fail with a transient error (e.g. throttling) are asked for again
     * with backoff, under the retry policy, keeping the rows already read; a row that fails with
     * another error fails the call with that row's error code (e.g. OTSObjectNotExist for a
     * missing table). {@code columns} as for {@link #getRow}.
     */
    List<Row> batchGetRow(String tableName, List<PrimaryKey> primaryKeys, List<String> columns);

    /**
     * GetRange, forward, one page: newest versions of the rows with keys in {@code
     * [inclusiveStart, exclusiveEnd)} (keys may use INF_MIN / INF_MAX), at most {@code limit}
     * rows ({@code 0}: as many as the service returns in one page). Continue with {@link
     * RangePage#nextStart()} until it is {@code null}. {@code columns} as for {@link #getRow}.
     */
    RangePage getRange(
            String tableName,
            PrimaryKey inclusiveStart,
            PrimaryKey exclusiveEnd,
            List<String> columns,
            int limit);

    /**
     * Cancels the calls in flight (each fails at once, without retries), releases connections and
     * threads. Calls after this throw {@link IllegalStateException}.
     */
    @Override
    void close();
}

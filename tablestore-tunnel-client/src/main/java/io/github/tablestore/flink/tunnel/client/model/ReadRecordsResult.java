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

package io.github.tablestore.flink.tunnel.client.model;

import java.util.List;
import java.util.Objects;

/**
 * ReadRecords' answer: a batch of records and the token to read the next batch with. The records
 * are {@link RawRecord}s as the service encoded them, or decoded {@code TunnelRecord}s ({@code
 * TunnelClient#readBatch}).
 */
public final class ReadRecordsResult<R> {
    private final List<R> records;
    private final String nextToken;
    private final Boolean mayMoreRecord;
    private final int responseBytes;

    public ReadRecordsResult(
            List<R> records, String nextToken, Boolean mayMoreRecord, int responseBytes) {
        this.records = List.copyOf(records);
        this.nextToken = Objects.requireNonNull(nextToken, "nextToken");
        this.mayMoreRecord = mayMoreRecord;
        this.responseBytes = responseBytes;
    }

    public List<R> records() {
        return records;
    }

    /** Token for the next read, and the position to checkpoint once this batch is processed. */
    public String nextToken() {
        return nextToken;
    }

    /** The channel has been read to its end: {@link #nextToken()} is {@code "finished"}. */
    public boolean isFinished() {
        return ChannelCheckpoint.FINISHED_TOKEN.equals(nextToken);
    }

    /** The server's hint that more data is immediately available, or {@code null} if it gave none. */
    public Boolean mayMoreRecord() {
        return mayMoreRecord;
    }

    /** Size of the (uncompressed) response body in bytes. */
    public int responseBytes() {
        return responseBytes;
    }
}

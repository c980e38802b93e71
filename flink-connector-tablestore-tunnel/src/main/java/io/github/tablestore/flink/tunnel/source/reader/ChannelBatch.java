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

package io.github.tablestore.flink.tunnel.source.reader;

import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import java.util.List;

/**
 * One ReadRecords answer of a channel, decoded: its records (possibly none), the token after
 * them and whether the channel ended with it. The emitter emits a batch atomically with respect
 * to checkpoints, so split positions always sit at batch boundaries.
 */
public final class ChannelBatch {
    private final String channelId;
    private final List<TunnelRecord> records;
    private final String nextToken;
    private final boolean finished;
    private final int responseBytes;
    private final boolean reachedEnd;

    public ChannelBatch(
            String channelId, List<TunnelRecord> records, String nextToken, boolean finished) {
        this(channelId, records, nextToken, finished, 0, finished);
    }

    /**
     * @param responseBytes size of the ReadRecords answer (for numBytesIn)
     * @param reachedEnd the read got everything the service had for the channel at that moment
     */
    public ChannelBatch(
            String channelId,
            List<TunnelRecord> records,
            String nextToken,
            boolean finished,
            int responseBytes,
            boolean reachedEnd) {
        this.channelId = channelId;
        this.records = records;
        this.nextToken = nextToken;
        this.finished = finished;
        this.responseBytes = responseBytes;
        this.reachedEnd = reachedEnd;
    }

    public String channelId() {
        return channelId;
    }

    public List<TunnelRecord> records() {
        return records;
    }

    public String nextToken() {
        return nextToken;
    }

    public boolean isFinished() {
        return finished;
    }

    public int responseBytes() {
        return responseBytes;
    }

    public boolean reachedEnd() {
        return reachedEnd;
    }

    @Override
    public String toString() {
        return "ChannelBatch{"
                + channelId
                + ", "
                + records.size()
                + " records"
                + (finished ? ", finished" : "")
                + "}";
    }
}

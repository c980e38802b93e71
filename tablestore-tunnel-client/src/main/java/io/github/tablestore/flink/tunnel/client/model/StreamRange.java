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

import java.util.Objects;

/**
 * Where the stream part of a tunnel starts and ends, as the tunnel was created (the service
 * reports it in TunnelInfo's {@code stream_tunnel_config}). Times in ms since the epoch; the wire
 * carries nanoseconds. Immutable.
 */
public final class StreamRange {
    private final CreateTunnelRequest.StreamStart startFlag;
    private final long startMillis;
    private final long endMillis;

    /**
     * @param startFlag LATEST or EARLIEST; used when {@code startMillis} is 0
     * @param startMillis start time, 0 when the flag decides
     * @param endMillis end time, 0 when the stream has no end
     */
    public StreamRange(
            CreateTunnelRequest.StreamStart startFlag, long startMillis, long endMillis) {
        this.startFlag = Objects.requireNonNull(startFlag, "startFlag");
        this.startMillis = startMillis;
        this.endMillis = endMillis;
    }

    /** Used when {@link #startMillis()} is 0. */
    public CreateTunnelRequest.StreamStart startFlag() {
        return startFlag;
    }

    /** Start time, ms since the epoch; 0 when {@link #startFlag()} decides. */
    public long startMillis() {
        return startMillis;
    }

    /** End time, ms since the epoch; 0 when the stream has no end. */
    public long endMillis() {
        return endMillis;
    }

    /** "EARLIEST", "LATEST" or "timestamp 1700000000000 ms", then the end if any; for messages. */
    public String describeStart() {
        return startMillis > 0 ? "timestamp " + startMillis + " ms" : startFlag.name();
    }

    /** "no end" or "end 1700000000000 ms"; for messages. */
    public String describeEnd() {
        return endMillis > 0 ? "end " + endMillis + " ms" : "no end";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StreamRange)) {
            return false;
        }
        StreamRange r = (StreamRange) o;
        return startMillis == r.startMillis
                && endMillis == r.endMillis
                && (startMillis > 0 || startFlag == r.startFlag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startMillis > 0 ? null : startFlag, startMillis, endMillis);
    }

    @Override
    public String toString() {
        return "StreamRange{start=" + describeStart() + ", " + describeEnd() + "}";
    }
}

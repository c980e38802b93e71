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

/** A tunnel as ListTunnel and DescribeTunnel report it. Immutable. */
public final class TunnelInfo {
    private final String tunnelId;
    private final String tunnelName;
    private final String tableName;
    private final String instanceName;
    private final TunnelType type;
    private final String stage;
    private final String streamId;
    private final boolean expired;
    private final long createTimeMillis;
    private final StreamRange streamRange;
    private final StreamRecordOptions streamRecordOptions;

    /**
     * @param streamRange the stream start and end the tunnel was created with, {@code null} when
     *     the service does not report them
     * @param streamRecordOptions the images the tunnel's stream records carry, {@code null} when
     *     none were set (or the service does not report them)
     */
    public TunnelInfo(
            String tunnelId,
            String tunnelName,
            String tableName,
            String instanceName,
            TunnelType type,
            String stage,
            String streamId,
            boolean expired,
            long createTimeMillis,
            StreamRange streamRange,
            StreamRecordOptions streamRecordOptions) {
        this.tunnelId = Objects.requireNonNull(tunnelId, "tunnelId");
        this.tunnelName = tunnelName;
        this.tableName = tableName;
        this.instanceName = instanceName;
        this.type = type;
        this.stage = stage;
        this.streamId = streamId;
        this.expired = expired;
        this.createTimeMillis = createTimeMillis;
        this.streamRange = streamRange;
        this.streamRecordOptions = streamRecordOptions;
    }

    public String tunnelId() {
        return tunnelId;
    }

    public String tunnelName() {
        return tunnelName;
    }

    public String tableName() {
        return tableName;
    }

    public String instanceName() {
        return instanceName;
    }

    public TunnelType type() {
        return type;
    }

    /** InitBaseDataAndStreamShard, ProcessBaseData or ProcessStream. */
    public String stage() {
        return stage;
    }

    public String streamId() {
        return streamId;
    }

    /** The stream log this tunnel needs is gone; reads fail with OTSTunnelExpired. */
    public boolean expired() {
        return expired;
    }

    public long createTimeMillis() {
        return createTimeMillis;
    }

    /**
     * The stream start and end the tunnel was created with; {@code null} when the service did not
     * report them (BaseData tunnels, or services that do not).
     */
    public StreamRange streamRange() {
        return streamRange;
    }

    /** The images the tunnel's stream records carry, or {@code null} when none were set. */
    public StreamRecordOptions streamRecordOptions() {
        return streamRecordOptions;
    }

    @Override
    public String toString() {
        return "TunnelInfo{id="
                + tunnelId
                + ", name="
                + tunnelName
                + ", table="
                + tableName
                + ", type="
                + type
                + ", stage="
                + stage
                + (streamRange != null ? ", " + streamRange : "")
                + (streamRecordOptions != null ? ", " + streamRecordOptions : "")
                + (expired ? ", expired" : "")
                + "}";
    }
}

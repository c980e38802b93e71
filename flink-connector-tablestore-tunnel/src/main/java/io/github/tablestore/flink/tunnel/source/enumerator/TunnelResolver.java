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

package io.github.tablestore.flink.tunnel.source.enumerator;

import io.github.tablestore.flink.tunnel.client.ErrorCodes;
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelInfo;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;
import io.github.tablestore.flink.tunnel.client.model.StreamShard;
import io.github.tablestore.flink.tunnel.client.model.TunnelDescription;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.source.config.StreamRangeCheck;
import io.github.tablestore.flink.tunnel.source.config.StreamRowImagesCheck;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.util.TunnelErrors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tunnel the source reads, as the service describes it: resolves it by name (creating it when
 * missing), checks that it has the configured type, has not expired and is the one the job's
 * state belongs to, and knows the parents of its stream shards. Used by {@link TunnelSession} on
 * the enumerator's worker thread.
 */
final class TunnelResolver {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelResolver.class);

    static final String STAGE_INIT = "InitBaseDataAndStreamShard";
    static final String STAGE_PROCESS_STREAM = "ProcessStream";

    private final TunnelSourceConfig config;
    private final TunnelClient client;

    /** The tunnel id in the restored state, or null. */
    private final String restoredTunnelId;

    /** Stream shard → its parents, from DescribeStream. */
    private final Map<String, List<String>> shardParents = new HashMap<>();

    private String tunnelId;
    private long createTimeMillis;
    private String streamId;

    TunnelResolver(TunnelSourceConfig config, TunnelClient client, String restoredTunnelId) {
        this.config = config;
        this.client = client;
        this.restoredTunnelId = restoredTunnelId;
    }

    /** When the resolved tunnel was created (ms). */
    long createTimeMillis() {
        return createTimeMillis;
    }

    /** Finds the tunnel, creating it when missing; checks it fits the source and the state. */
    String resolve() {
        TunnelDescription d;
        try {
            d = client.describeTunnel(config.tableName(), config.tunnelName());
        } catch (TablestoreException e) {
            if (!e.hasCode(ErrorCodes.PARAMETER_INVALID)
                    && !e.hasCode(ErrorCodes.OBJECT_NOT_EXIST)) {
                throw e;
            }
            if (restoredTunnelId != null) {
                throw new TunnelSourceException(
                        "The "
                                + config.describeTunnel()
                                + " (id "
                                + restoredTunnelId
                                + " in the job's state) no longer exists: it was deleted "
                                + "while the job was not running. The positions in the state belong to it "
                                + "and cannot be used with a new tunnel; start the job without state to "
                                + "create a new tunnel. ["
                                + e.getMessage()
                                + "]",
                        e);
            }
            createTunnel();
            d = client.describeTunnel(config.tableName(), config.tunnelName());
        }
        TunnelType actual = d.tunnel().type();
        if (actual != config.tunnelType()) {
            throw new TunnelSourceException(
                    "The "
                            + config.describeTunnel()
                            + " exists with type "
                            + actual
                            + " but the source is configured for "
                            + config.tunnelType()
                            + ". Use a different tunnel name, set the tunnel type to "
                            + actual
                            + ", or delete the tunnel.");
        }
        String rangeMismatch = StreamRangeCheck.mismatch(config, d.tunnel());
        if (rangeMismatch != null) {
            throw new TunnelSourceException(
                    rangeMismatch
                            + " Use a different tunnel name, delete the tunnel (the source then "
                            + "creates it with the configured start and end), or configure the "
                            + "source with the tunnel's start and end.");
        }
        String imagesMismatch = StreamRowImagesCheck.mismatch(config, d.tunnel());
        if (imagesMismatch != null) {
            throw new TunnelSourceException(
                    imagesMismatch
                            + " Use a different tunnel name, or delete the tunnel (the source then "
                            + "creates it with the row images).");
        }
        checkNotExpired(d);
        String id = d.tunnel().tunnelId();
        if (restoredTunnelId != null && !restoredTunnelId.equals(id)) {
            throw new TunnelSourceException(
                    "The "
                            + config.describeTunnel()
                            + " was recreated: the "
                            + "job's state belongs to tunnel id "
                            + restoredTunnelId
                            + " but the tunnel now "
                            + "has id "
                            + id
                            + ". The positions in the state do not apply to the new tunnel; "
                            + "start the job without state.");
        }
        tunnelId = id;
        createTimeMillis = d.tunnel().createTimeMillis();
        streamId = emptyToNull(d.tunnel().streamId());
        LOG.info(
                "Using {} (id {}, type {}, stage {})",
                config.describeTunnel(),
                tunnelId,
                actual,
                d.tunnel().stage());
        return id;
    }

    private void createTunnel() {
        try {
            String id = client.createTunnel(config.createTunnelRequest());
            LOG.info(
                    "Created {} with id {}: {}",
                    config.describeTunnel(),
                    id,
                    config.createTunnelRequest());
        } catch (TablestoreException e) {
            if (e.hasCode(ErrorCodes.TUNNEL_EXIST)) {
                return; // created concurrently: fine
            }
            if (e.hasCode(ErrorCodes.PARAMETER_INVALID) || e.hasCode(ErrorCodes.OBJECT_NOT_EXIST)) {
                throw new TunnelSourceException(
                        "Cannot create the "
                                + config.describeTunnel()
                                + ": the service refused it ("
                                + e.getMessage()
                                + "). Check that the table "
                                + "exists, and for Stream and BaseAndStream tunnels that its stream is enabled.",
                        e);
            }
            throw e;
        }
    }

    /** DescribeTunnel of the resolved tunnel; fails if it was recreated meanwhile or has expired. */
    TunnelDescription describe() {
        TunnelDescription d = client.describeTunnel(config.tableName(), config.tunnelName());
        if (!tunnelId.equals(d.tunnel().tunnelId())) {
            throw new TunnelSourceException(
                    "The "
                            + config.describeTunnel()
                            + " was deleted and "
                            + "recreated while the job ran (id "
                            + tunnelId
                            + " became "
                            + d.tunnel().tunnelId()
                            + "). Restart the job without state to read the new tunnel.");
        }
        checkNotExpired(d);
        return d;
    }

    private void checkNotExpired(TunnelDescription d) {
        if (d.tunnel().expired()) {
            throw TunnelErrors.fatal(
                    new TablestoreException(
                            ErrorCodes.TUNNEL_EXPIRED,
                            "DescribeTunnel reports the " + "tunnel as expired",
                            400,
                            null,
                            false,
                            null),
                    config.describeTunnel(),
                    "describing the tunnel",
                    TunnelErrors.Side.JOB_MANAGER);
        }
    }

    /** A stream shard's parents (from DescribeStream, cached); none if the stream does not list it. */
    List<String> parentsOf(String shardId) {
        if (!shardParents.containsKey(shardId)) {
            String stream = streamId();
            if (stream != null) {
                for (StreamShard shard : client.describeStreamShards(stream)) {
                    shardParents.put(shard.shardId(), shard.parents());
                }
            }
        }
        List<String> parents = shardParents.get(shardId);
        if (parents == null) {
            LOG.warn(
                    "Stream channel {} is not a shard of stream {}; reading it without parent order",
                    shardId,
                    streamId);
            return List.of();
        }
        return parents;
    }

    private String streamId() {
        if (streamId == null) {
            streamId = emptyToNull(client.describeTable(config.tableName()).streamId());
        }
        return streamId;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * A bounded tunnel is complete when each of its channels is TERMINATED or finished in Flink
     * (in batch mode finished base-data channels are not reported), and none will follow.
     */
    static boolean isComplete(TunnelDescription d, Set<String> finishedInFlink) {
        if (d.channels().isEmpty() || STAGE_INIT.equals(d.tunnel().stage())) {
            return false;
        }
        boolean anyStream = false;
        for (ChannelInfo c : d.channels()) {
            if (c.status() != ChannelStatus.TERMINATED
                    && !finishedInFlink.contains(c.channelId())) {
                return false;
            }
            anyStream |= c.type() == ChannelType.STREAM;
        }
        if (d.tunnel().type() == TunnelType.BASE_DATA) {
            return true;
        }
        return anyStream && STAGE_PROCESS_STREAM.equals(d.tunnel().stage());
    }
}

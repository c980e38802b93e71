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

import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.source.util.CheckpointWriter;
import io.github.tablestore.flink.tunnel.source.util.TunnelErrors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the session stores in the tunnel before it reports a channel: the {@code finished}
 * checkpoint before TERMINATED, the handed-back position before CLOSE. Transient failures return
 * false (the report waits for the next round); fatal ones and a lost session are thrown.
 */
final class ProgressStore {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressStore.class);

    private final CheckpointWriter checkpoints;

    ProgressStore(TunnelClient client) {
        this.checkpoints = new CheckpointWriter(client);
    }

    /**
     * Stores the position a reader handed back, so the channel's next holder starts there, before
     * the channel is acknowledged with CLOSE. Returns false (try again next round) when the service
     * could not be reached; true once stored, or when storing is impossible (then the next holder
     * starts from the tunnel's older checkpoint and re-reads a little; this job is not affected).
     */
    boolean storeReleased(String tunnelId, String clientId, String channelId, String token) {
        try {
            if (checkpoints.store(tunnelId, clientId, channelId, token, -1).outcome()
                    == CheckpointWriter.Outcome.CONTENDED) {
                LOG.warn(
                        "Could not store the handed-back position of channel {} (the service keeps "
                                + "refusing the sequence number); acknowledging it anyway: its next holder starts "
                                + "from the tunnel's older checkpoint",
                        channelId);
            }
            return true;
        } catch (TablestoreException e) {
            if (TunnelErrors.isFatal(e) || TunnelErrors.isSessionLost(e)) {
                throw e;
            }
            LOG.warn(
                    "Could not store the handed-back position of channel {} ({}); retrying next "
                            + "heartbeat",
                    channelId,
                    e.getMessage());
            return false;
        }
    }

    /**
     * Stores the {@code finished} checkpoint of a channel before it is reported TERMINATED.
     * Returns false (try again next round) when the service could not be reached.
     */
    boolean storeFinished(String tunnelId, String clientId, String channelId) {
        try {
            CheckpointWriter.Result r =
                    checkpoints.store(
                            tunnelId, clientId, channelId, ChannelCheckpoint.FINISHED_TOKEN, -1);
            if (r.outcome() == CheckpointWriter.Outcome.CONTENDED) {
                LOG.warn(
                        "Could not store the finished checkpoint of channel {}: sequence numbers keep "
                                + "changing; retrying next heartbeat",
                        channelId);
                return false;
            }
            return true;
        } catch (TablestoreException e) {
            if (TunnelErrors.isFatal(e) || TunnelErrors.isSessionLost(e)) {
                throw e;
            }
            LOG.warn(
                    "Could not store the finished checkpoint of channel {} ({}); retrying next heartbeat",
                    channelId,
                    e.getMessage());
            return false;
        }
    }
}

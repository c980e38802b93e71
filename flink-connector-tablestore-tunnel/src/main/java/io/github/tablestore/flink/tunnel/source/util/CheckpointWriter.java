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

package io.github.tablestore.flink.tunnel.source.util;

import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;

import org.apache.flink.annotation.Internal;

/**
 * The one way the source stores a position in the tunnel (the Checkpoint API), used by readers
 * for positions and finished channels and by the enumerator for hand-backs and finished channels.
 *
 * <p>Each Checkpoint carries a sequence number that must be greater than the stored one. The
 * writer uses the number the caller last knew (or reads it first); when the service answers
 * {@code OTSSequenceNumberNotMatch} (another writer came first, or the caller's number is old) it
 * reads the stored checkpoint and tries again with that number + 1, up to {@value #ATTEMPTS}
 * attempts. A {@code finished} checkpoint is never overwritten, and a position already stored is
 * not written again. Other errors are thrown to the caller, who knows whether to retry.
 */
@Internal
public final class CheckpointWriter {
    public static final int ATTEMPTS = 3;

    /** What {@link #store} did. */
    public enum Outcome {
        /** The token is the stored checkpoint now (written, or it already was). */
        STORED,
        /** The channel is finished in the tunnel; nothing was written. */
        ALREADY_FINISHED,
        /** The sequence number kept changing under every attempt; nothing was written. */
        CONTENDED
    }

    /** The outcome and the sequence number stored in the tunnel as far as the writer saw. */
    public static final class Result {
        private final Outcome outcome;
        private final long sequenceNumber;

        Result(Outcome outcome, long sequenceNumber) {
            this.outcome = outcome;
            this.sequenceNumber = sequenceNumber;
        }

        public Outcome outcome() {
            return outcome;
        }

        public long sequenceNumber() {
            return sequenceNumber;
        }
    }

    private final TunnelClient client;

    public CheckpointWriter(TunnelClient client) {
        this.client = client;
    }

    /**
     * Stores {@code token} as the channel's checkpoint.
     *
     * @param knownSequence the sequence number last known to be stored, or -1 to read it first
     *     (then a token that is already stored is not written again)
     * @throws TablestoreException for any failure other than a sequence-number mismatch
     */
    public Result store(
            String tunnelId, String clientId, String channelId, String token, long knownSequence) {
        long seq = knownSequence;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (seq < 0) {
                ChannelCheckpoint stored = client.getCheckpoint(tunnelId, clientId, channelId);
                if (stored.isFinished()) {
                    return new Result(Outcome.ALREADY_FINISHED, stored.sequenceNumber());
                }
                if (stored.token().equals(token)) {
                    return new Result(Outcome.STORED, stored.sequenceNumber());
                }
                seq = stored.sequenceNumber();
            }
            try {
                client.checkpoint(tunnelId, clientId, channelId, token, seq + 1);
                return new Result(Outcome.STORED, seq + 1);
            } catch (TablestoreException e) {
                if (!TunnelErrors.isSequenceMismatch(e)) {
                    throw e;
                }
                seq = -1; // read what is stored and try again
            }
        }
        return new Result(Outcome.CONTENDED, Math.max(seq, knownSequence));
    }
}

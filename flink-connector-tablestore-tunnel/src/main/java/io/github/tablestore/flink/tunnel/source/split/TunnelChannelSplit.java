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

package io.github.tablestore.flink.tunnel.source.split;

import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.ChannelType;

import org.apache.flink.api.connector.source.SourceSplit;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One tunnel channel as a Flink split: a base-data range or a stream shard, and where to read it
 * from. Immutable.
 *
 * <p>The position is the tunnel token of the next batch to read. It always sits at a batch
 * boundary: a batch's records are emitted atomically with respect to checkpoints, so a restore
 * re-reads from this token and never has to skip records. {@link #sequenceNumber()} is the last
 * checkpoint sequence number known for the channel on the server — only a hint to start the
 * next commit from, resynchronised when the server disagrees.
 *
 * <p>A finished split ({@link #isFinished()}) has been read to its end. Readers keep finished
 * splits in their state until the checkpoint that contains the finish has completed (so the
 * finish survives a failover and is reported to the enumerator exactly then), and never read
 * them again.
 *
 * <p>A released split ({@link #isReleased()}) is one a reader stopped reading because the service
 * moved the channel away (CLOSING); its position is where the reader stopped. Like a finished
 * split it stays in the reader's state until it is safely handed back to the enumerator, and is
 * never read from that state again.
 *
 * <p>{@link #assignment()} numbers the enumerator's hand-out of the channel to a reader (0: not
 * known, e.g. a split from the service or from state written before assignments were numbered).
 * A hand-back or a returned split carries the number of the assignment it ends, so the
 * enumerator can tell a stale one (re-sent by a reader restored from an older checkpoint, after
 * the channel went to another reader) from the current one.
 */
public final class TunnelChannelSplit implements SourceSplit, Serializable {
    private static final long serialVersionUID = 1L;

    private final String channelId;
    private final ChannelType channelType;
    private final String token;
    private final long sequenceNumber;
    private final List<String> parentChannelIds;
    private final boolean released;
    private final long assignment;

    public TunnelChannelSplit(
            String channelId,
            ChannelType channelType,
            String token,
            long sequenceNumber,
            List<String> parentChannelIds) {
        this(channelId, channelType, token, sequenceNumber, parentChannelIds, false);
    }

    public TunnelChannelSplit(
            String channelId,
            ChannelType channelType,
            String token,
            long sequenceNumber,
            List<String> parentChannelIds,
            boolean released) {
        this(channelId, channelType, token, sequenceNumber, parentChannelIds, released, 0);
    }

    public TunnelChannelSplit(
            String channelId,
            ChannelType channelType,
            String token,
            long sequenceNumber,
            List<String> parentChannelIds,
            boolean released,
            long assignment) {
        if (assignment < 0) {
            throw new IllegalArgumentException(
                    "Negative assignment " + assignment + " of channel " + channelId);
        }
        this.channelId = requireNonEmpty(channelId, "channelId");
        this.channelType = Objects.requireNonNull(channelType, "channelType");
        this.token = requireNonEmpty(token, "token");
        this.sequenceNumber = sequenceNumber;
        this.parentChannelIds = List.copyOf(parentChannelIds);
        if (released && ChannelCheckpoint.FINISHED_TOKEN.equals(token)) {
            throw new IllegalArgumentException(
                    "Channel " + channelId + " cannot be both finished and released");
        }
        this.released = released;
        this.assignment = assignment;
    }

    private static String requireNonEmpty(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    @Override
    public String splitId() {
        return channelId;
    }

    public String channelId() {
        return channelId;
    }

    public ChannelType channelType() {
        return channelType;
    }

    public boolean isStream() {
        return channelType == ChannelType.STREAM;
    }

    /** The token of the next ReadRecords, or {@code "finished"} when the channel is done. */
    public String token() {
        return token;
    }

    /** The channel's last known checkpoint sequence number on the server. */
    public long sequenceNumber() {
        return sequenceNumber;
    }

    /** Channels that must be finished before this one may be read (stream shard parents). */
    public List<String> parentChannelIds() {
        return parentChannelIds;
    }

    public boolean isFinished() {
        return ChannelCheckpoint.FINISHED_TOKEN.equals(token);
    }

    /** Whether a reader stopped reading this channel to hand it back (the service moved it away). */
    public boolean isReleased() {
        return released;
    }

    /** The number of the assignment that handed this split to a reader; 0 if not known. */
    public long assignment() {
        return assignment;
    }

    /** This split at another position (not released). */
    public TunnelChannelSplit withPosition(String newToken, long newSequenceNumber) {
        return new TunnelChannelSplit(
                channelId,
                channelType,
                newToken,
                newSequenceNumber,
                parentChannelIds,
                false,
                assignment);
    }

    /** This split, handed back at its current position. */
    public TunnelChannelSplit asReleased() {
        return new TunnelChannelSplit(
                channelId, channelType, token, sequenceNumber, parentChannelIds, true, assignment);
    }

    /** This split as handed to a reader by the given assignment. */
    public TunnelChannelSplit withAssignment(long newAssignment) {
        return new TunnelChannelSplit(
                channelId,
                channelType,
                token,
                sequenceNumber,
                parentChannelIds,
                released,
                newAssignment);
    }

    /** This split to be read again from its position (no longer flagged released). */
    public TunnelChannelSplit asReadable() {
        return released ? withPosition(token, sequenceNumber) : this;
    }

    /** This split, read to its end. */
    public TunnelChannelSplit asFinished(long newSequenceNumber) {
        return withPosition(ChannelCheckpoint.FINISHED_TOKEN, newSequenceNumber);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TunnelChannelSplit)) {
            return false;
        }
        TunnelChannelSplit that = (TunnelChannelSplit) o;
        return sequenceNumber == that.sequenceNumber
                && released == that.released
                && assignment == that.assignment
                && channelId.equals(that.channelId)
                && channelType == that.channelType
                && token.equals(that.token)
                && parentChannelIds.equals(that.parentChannelIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                channelId,
                channelType,
                token,
                sequenceNumber,
                parentChannelIds,
                released,
                assignment);
    }

    @Override
    public String toString() {
        return "TunnelChannelSplit{"
                + channelId
                + ", "
                + channelType
                + (isFinished() ? ", finished" : "")
                + (released ? ", released" : "")
                + ", seq="
                + sequenceNumber
                + (assignment == 0 ? "" : ", assignment=" + assignment)
                + (parentChannelIds.isEmpty() ? "" : ", parents=" + parentChannelIds)
                + "}";
    }
}

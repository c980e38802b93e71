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

/** A channel's checkpoint on the server: the token to read from and its sequence number. */
public final class ChannelCheckpoint {
    /** The token of a channel that has been read to its end. */
    public static final String FINISHED_TOKEN = "finished";

    private final String token;
    private final long sequenceNumber;

    public ChannelCheckpoint(String token, long sequenceNumber) {
        this.token = Objects.requireNonNull(token, "token");
        this.sequenceNumber = sequenceNumber;
    }

    public String token() {
        return token;
    }

    public long sequenceNumber() {
        return sequenceNumber;
    }

    public boolean isFinished() {
        return FINISHED_TOKEN.equals(token);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ChannelCheckpoint)) {
            return false;
        }
        ChannelCheckpoint that = (ChannelCheckpoint) o;
        return sequenceNumber == that.sequenceNumber && token.equals(that.token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(token, sequenceNumber);
    }

    @Override
    public String toString() {
        return "ChannelCheckpoint{seq=" + sequenceNumber + ", token=" + token + "}";
    }
}

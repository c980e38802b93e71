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

/**
 * The mutable read position of a split inside a reader: advanced by the record emitter after a
 * whole batch has been emitted, so it is always at a batch boundary. Touched only by the task
 * thread.
 */
public final class TunnelChannelSplitState {
    private final TunnelChannelSplit split;
    private String token;

    public TunnelChannelSplitState(TunnelChannelSplit split) {
        this.split = split;
        this.token = split.token();
    }

    public String channelId() {
        return split.channelId();
    }

    public String token() {
        return token;
    }

    /** Moves the position past a fully emitted batch. */
    public void advanceTo(String nextToken) {
        this.token = nextToken;
    }

    /** The split at the current position, with the given sequence number hint. */
    public TunnelChannelSplit toSplit(long sequenceNumber) {
        return split.withPosition(token, sequenceNumber);
    }

    public TunnelChannelSplit initialSplit() {
        return split;
    }
}

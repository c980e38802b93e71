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

/** DescribeTunnel's answer: the tunnel and all its channels. Immutable. */
public final class TunnelDescription {
    private final TunnelInfo tunnel;
    private final List<ChannelInfo> channels;
    private final long tunnelRpoMillis;

    public TunnelDescription(TunnelInfo tunnel, List<ChannelInfo> channels, long tunnelRpoMillis) {
        this.tunnel = Objects.requireNonNull(tunnel, "tunnel");
        this.channels = List.copyOf(channels);
        this.tunnelRpoMillis = tunnelRpoMillis;
    }

    public TunnelInfo tunnel() {
        return tunnel;
    }

    public List<ChannelInfo> channels() {
        return channels;
    }

    /** The tunnel's recovery point as the service reports it, ms since the epoch (0 when unknown). */
    public long tunnelRpoMillis() {
        return tunnelRpoMillis;
    }

    @Override
    public String toString() {
        return "TunnelDescription{" + tunnel + ", channels=" + channels + "}";
    }
}

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

package io.github.tablestore.flink.tunnel.source.config;

import io.github.tablestore.flink.tunnel.client.model.StreamRange;
import io.github.tablestore.flink.tunnel.client.model.TunnelInfo;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;

import org.apache.flink.annotation.Internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an existing Stream tunnel was created with the stream start and end the source is
 * configured for. A tunnel keeps the start and end of its CreateTunnel for good, so a source that
 * asks for others would silently read something else; the table factory (at planning) and the
 * enumerator (when it resolves the tunnel) fail instead.
 */
@Internal
public final class StreamRangeCheck {
    private static final Logger LOG = LoggerFactory.getLogger(StreamRangeCheck.class);

    private StreamRangeCheck() {}

    /**
     * What differs, or null when the tunnel fits (or there is nothing to compare: not a Stream
     * tunnel, a start and end left at their defaults, or a service that does not report them,
     * which is logged).
     */
    public static String mismatch(TunnelSourceConfig config, TunnelInfo existing) {
        if (existing.type() != TunnelType.STREAM
                || config.tunnelType() != TunnelType.STREAM
                || !config.streamRangeConfigured()) {
            return null;
        }
        StreamRange actual = existing.streamRange();
        StreamRange wanted = config.streamRange();
        if (actual == null) {
            LOG.warn(
                    "DescribeTunnel does not report the stream start and end of the {}; cannot "
                            + "check that it was created with the configured start {} and {}",
                    config.describeTunnel(),
                    wanted.describeStart(),
                    wanted.describeEnd());
            return null;
        }
        if (actual.equals(wanted)) {
            return null;
        }
        return "The "
                + config.describeTunnel()
                + " exists with stream start "
                + actual.describeStart()
                + " and "
                + actual.describeEnd()
                + ", but the source is configured for start "
                + wanted.describeStart()
                + " and "
                + wanted.describeEnd()
                + "; a tunnel keeps the start and end it was created with.";
    }
}

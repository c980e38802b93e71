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

package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.source.StreamStartMode;

import org.apache.flink.configuration.DescribedEnum;
import org.apache.flink.configuration.description.InlineElement;

import static org.apache.flink.configuration.description.TextElement.text;

/**
 * Values of {@code scan.startup.mode}, Flink's usual names, and the tunnel each one reads: the
 * tunnel type and, for stream-only reads, where the stream starts.
 */
public enum StartupMode implements DescribedEnum {
    INITIAL("initial", TunnelType.BASE_AND_STREAM, null, "The table's rows, then its changes."),
    SNAPSHOT("snapshot", TunnelType.BASE_DATA, null, "The table's rows only; bounded."),
    EARLIEST_OFFSET(
            "earliest-offset",
            TunnelType.STREAM,
            StreamStartMode.EARLIEST,
            "Changes from the oldest one the stream still retains."),
    LATEST_OFFSET(
            "latest-offset",
            TunnelType.STREAM,
            StreamStartMode.LATEST,
            "Changes made after the tunnel is created."),
    TIMESTAMP(
            "timestamp",
            TunnelType.STREAM,
            StreamStartMode.TIMESTAMP,
            "Changes from 'scan.startup.timestamp-millis' on.");

    private final String value;
    private final TunnelType tunnelType;
    private final StreamStartMode streamStart;
    private final String description;

    StartupMode(
            String value, TunnelType tunnelType, StreamStartMode streamStart, String description) {
        this.value = value;
        this.tunnelType = tunnelType;
        this.streamStart = streamStart;
        this.description = description;
    }

    /** The tunnel type this mode reads. */
    TunnelType tunnelType() {
        return tunnelType;
    }

    /** Where the stream of a STREAM tunnel starts; null for the other types. */
    StreamStartMode streamStart() {
        return streamStart;
    }

    /** The mode of a tunnel type alone ({@code tunnel-type}); a STREAM tunnel starts at latest. */
    static StartupMode of(TunnelType type) {
        switch (type) {
            case BASE_DATA:
                return SNAPSHOT;
            case STREAM:
                return LATEST_OFFSET;
            case BASE_AND_STREAM:
            default:
                return INITIAL;
        }
    }

    /** The mode of a stream start ({@code tunnel.stream.start}). */
    static StartupMode of(StreamStartMode start) {
        switch (start) {
            case EARLIEST:
                return EARLIEST_OFFSET;
            case TIMESTAMP:
                return TIMESTAMP;
            case LATEST:
            default:
                return LATEST_OFFSET;
        }
    }

    /** The option value, e.g. {@code earliest-offset} (Flink parses enum options by toString). */
    @Override
    public String toString() {
        return value;
    }

    @Override
    public InlineElement getDescription() {
        return text(description);
    }
}

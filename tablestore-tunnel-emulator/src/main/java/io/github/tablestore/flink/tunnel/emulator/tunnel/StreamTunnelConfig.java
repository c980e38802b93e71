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

package io.github.tablestore.flink.tunnel.emulator.tunnel;

import java.util.Optional;

/**
 * Where a Stream tunnel's change log starts and ends, as CreateTunnel gave it; each part is absent
 * until set, so that DescribeTunnel answers exactly what was set. Offsets are nanoseconds since the
 * epoch. Immutable.
 */
public final class StreamTunnelConfig {
    /** The start when no start offset is given. */
    public enum StartFrom {
        LATEST,
        EARLIEST
    }

    private final StartFrom startFrom;
    private final Long startOffsetNanos;
    private final Long endOffsetNanos;

    public StreamTunnelConfig(StartFrom startFrom, Long startOffsetNanos, Long endOffsetNanos) {
        this.startFrom = startFrom;
        this.startOffsetNanos = startOffsetNanos;
        this.endOffsetNanos = endOffsetNanos;
    }

    public Optional<StartFrom> startFrom() {
        return Optional.ofNullable(startFrom);
    }

    public Optional<Long> startOffsetNanos() {
        return Optional.ofNullable(startOffsetNanos);
    }

    public Optional<Long> endOffsetNanos() {
        return Optional.ofNullable(endOffsetNanos);
    }
}

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

package io.github.tablestore.flink.tunnel.source.event;

import io.github.tablestore.flink.tunnel.source.config.ProgressMode;

import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Reader → enumerator, once at start-up: how this job lets the tunnel's progress follow Flink's
 * (the job configuration is visible to readers, not to the enumerator). In batch mode the
 * enumerator assigns channels to the readers that are running instead of waiting for all, and
 * reads a failed reader's channels again.
 */
public final class ReaderStartedEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final ProgressMode mode;

    public ReaderStartedEvent(ProgressMode mode) {
        this.mode = mode;
    }

    public ProgressMode mode() {
        return mode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReaderStartedEvent && mode == ((ReaderStartedEvent) o).mode;
    }

    @Override
    public int hashCode() {
        return mode.hashCode();
    }

    @Override
    public String toString() {
        return "ReaderStartedEvent{" + mode + "}";
    }
}

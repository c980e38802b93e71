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

package io.github.tablestore.flink.tunnel.emulator.fault;

import java.util.Objects;

/** A registered fault: its spec, id, and how often it has fired. Snapshot, immutable. */
public final class FaultRule {
    private final String id;
    private final FaultSpec spec;
    private final int remaining;
    private final long fired;

    FaultRule(String id, FaultSpec spec, int remaining, long fired) {
        this.id = Objects.requireNonNull(id, "id");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.remaining = remaining;
        this.fired = fired;
    }

    public String id() {
        return id;
    }

    public FaultSpec spec() {
        return spec;
    }

    /** Firings left, or {@link FaultSpec#UNLIMITED}. */
    public int remaining() {
        return remaining;
    }

    /** How many calls this rule has hit so far. */
    public long fired() {
        return fired;
    }

    @Override
    public String toString() {
        return id + ":" + spec + " fired=" + fired;
    }
}

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

/**
 * What the fault injector decided for one call: a delay before answering, and optionally a fault
 * that replaces the normal answer ({@code null} when the call proceeds).
 */
public final class FaultDecision {
    static final FaultDecision NONE = new FaultDecision(0, null);

    private final long delayMillis;
    private final FaultSpec fault;

    FaultDecision(long delayMillis, FaultSpec fault) {
        this.delayMillis = delayMillis;
        this.fault = fault;
    }

    public long delayMillis() {
        return delayMillis;
    }

    /** The fault replacing the answer (error or dropped connection), or {@code null}. */
    public FaultSpec fault() {
        return fault;
    }

    public boolean isNone() {
        return delayMillis == 0 && fault == null;
    }
}

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

/** What an injected fault does to a call. */
public enum FaultKind {
    /** 503 {@code OTSTunnelServerUnavailable}. */
    TUNNEL_SERVER_UNAVAILABLE,
    /** 503 {@code OTSServerBusy}. */
    SERVER_BUSY,
    /** 400 {@code OTSTunnelExpired}. */
    TUNNEL_EXPIRED,
    /** An error with a status and code of the test's choosing. */
    ERROR,
    /** The connection is closed without a response. */
    DROP_CONNECTION,
    /** The call is answered normally, after a delay. */
    LATENCY,
    /**
     * A ReadRecords answer whose records each have one byte flipped, so their PlainBuffer
     * checksums fail: what a client must report as corrupt data. Other calls answer normally.
     */
    CORRUPT_RECORDS
}

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

package io.github.tablestore.flink.tunnel.client.internal;

/** A successful HTTP response: its (decompressed) body and the service's request id. */
final class WireResponse {
    private final byte[] body;
    private final String requestId;
    private final int status;

    WireResponse(byte[] body, String requestId, int status) {
        this.body = body;
        this.requestId = requestId;
        this.status = status;
    }

    int status() {
        return status;
    }

    /** The body bytes; owned by the caller, nobody else holds them. */
    byte[] body() {
        return body;
    }

    /** The {@code x-ots-requestid} header, or {@code null} if the response had none. */
    String requestId() {
        return requestId;
    }
}

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

/**
 * The service calls this client makes: the HTTP path of each and whether repeating it is safe
 * (only idempotent calls are retried).
 */
enum Operation {
    CREATE_TUNNEL("/tunnel/create", false),
    DELETE_TUNNEL("/tunnel/delete", false),
    LIST_TUNNEL("/tunnel/list", true),
    DESCRIBE_TUNNEL("/tunnel/describe", true),
    CONNECT_TUNNEL("/tunnel/connect", false),
    HEARTBEAT("/tunnel/heartbeat", false),
    SHUTDOWN("/tunnel/shutdown", false),
    GET_CHECKPOINT("/tunnel/getcheckpoint", true),
    READ_RECORDS("/tunnel/readrecords", true),
    CHECKPOINT("/tunnel/checkpoint", false),
    DESCRIBE_TABLE("/DescribeTable", true),
    DESCRIBE_STREAM("/DescribeStream", true),
    GET_ROW("/GetRow", true),
    BATCH_GET_ROW("/BatchGetRow", true),
    GET_RANGE("/GetRange", true);

    private final String path;
    private final boolean idempotent;

    Operation(String path, boolean idempotent) {
        this.path = path;
        this.idempotent = idempotent;
    }

    /** The request path, also what the request signature covers. */
    String path() {
        return path;
    }

    boolean idempotent() {
        return idempotent;
    }
}

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

import io.github.tablestore.flink.tunnel.client.ErrorCodes;

import java.util.Set;

/** Which service errors are transient, i.e. may succeed when the same call is repeated. */
final class RetryableErrors {
    private static final Set<String> CODES =
            Set.of(
                    ErrorCodes.TUNNEL_SERVER_UNAVAILABLE,
                    ErrorCodes.SERVER_BUSY,
                    ErrorCodes.PARTITION_UNAVAILABLE,
                    ErrorCodes.SERVER_UNAVAILABLE,
                    ErrorCodes.TIMEOUT,
                    ErrorCodes.INTERNAL_SERVER_ERROR,
                    ErrorCodes.ROW_OPERATION_CONFLICT,
                    ErrorCodes.NOT_ENOUGH_CAPACITY_UNIT,
                    ErrorCodes.TABLE_NOT_READY,
                    ErrorCodes.QUOTA_EXHAUSTED);

    private RetryableErrors() {}

    /** A service error is retryable when its code is one of the transient ones or its status is 5xx. */
    static boolean isRetryable(String errorCode, int httpStatus) {
        return httpStatus >= 500 || CODES.contains(errorCode);
    }
}

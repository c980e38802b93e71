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

package io.github.tablestore.flink.tunnel.client;

/**
 * A failed Tablestore call: the service's error code, the HTTP status, the request id the service
 * assigned, and whether retrying the same call may succeed.
 *
 * <p>Network failures (no HTTP response at all) carry {@link #httpStatus()} {@code 0} and the code
 * {@link ErrorCodes#CLIENT_NETWORK_ERROR}. Messages never contain credentials.
 */
public class TablestoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final int httpStatus;
    private final String requestId;
    private final boolean retryable;

    public TablestoreException(
            String errorCode,
            String message,
            int httpStatus,
            String requestId,
            boolean retryable,
            Throwable cause) {
        super(describe(errorCode, message, httpStatus, requestId), cause);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
        this.retryable = retryable;
    }

    private static String describe(String code, String message, int status, String requestId) {
        StringBuilder sb = new StringBuilder(code);
        if (message != null && !message.isEmpty()) {
            sb.append(": ").append(message);
        }
        sb.append(" (http status ").append(status);
        if (requestId != null) {
            sb.append(", request id ").append(requestId);
        }
        return sb.append(')').toString();
    }

    /** The Tablestore error code, e.g. {@code OTSTunnelServerUnavailable}. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status of the response, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code x-ots-requestid} of the response, or {@code null} when there was none. */
    public String requestId() {
        return requestId;
    }

    /** Whether the same call may succeed when retried (transient server or network trouble). */
    public boolean isRetryable() {
        return retryable;
    }

    public boolean hasCode(String code) {
        return errorCode.equals(code);
    }
}

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
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;

import com.google.protobuf.InvalidProtocolBufferException;

import java.io.IOException;
import java.io.InterruptedIOException;

/** Turns failed HTTP exchanges into {@link TablestoreException}s. */
final class ErrorResponses {
    private ErrorResponses() {}

    /**
     * A non-2xx response. The body is parsed as the service's {@code Error} message (field 3 read
     * as bytes, so tunnel and data-plane bodies both parse). A body that does not parse becomes
     * {@link ErrorCodes#TUNNEL_SERVER_UNAVAILABLE} (retryable) for 5xx, else
     * {@link ErrorCodes#CLIENT_BAD_RESPONSE}.
     */
    static TablestoreException fromErrorResponse(int status, byte[] body, String requestId) {
        TableProtos.Error error = null;
        try {
            error = TableProtos.Error.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            // handled below, like a missing code
        }
        if (error != null && !error.getCode().isEmpty()) {
            String code = error.getCode();
            return new TablestoreException(
                    code,
                    error.getMessage(),
                    status,
                    requestId,
                    RetryableErrors.isRetryable(code, status),
                    null);
        }
        String what =
                "HTTP " + status + " with an unreadable error body (" + body.length + " bytes)";
        if (status >= 500) {
            return new TablestoreException(
                    ErrorCodes.TUNNEL_SERVER_UNAVAILABLE, what, status, requestId, true, null);
        }
        return new TablestoreException(
                ErrorCodes.CLIENT_BAD_RESPONSE, what, status, requestId, false, null);
    }

    static TablestoreException endpointMoved(int status, String location, String requestId) {
        return new TablestoreException(
                ErrorCodes.CLIENT_ENDPOINT_MOVED,
                "endpoint moved: the service answered HTTP "
                        + status
                        + (location != null ? " pointing to " + location : "")
                        + "; configure the instance's current endpoint",
                status,
                requestId,
                false,
                null);
    }

    static TablestoreException network(Operation op, IOException e) {
        return new TablestoreException(
                ErrorCodes.CLIENT_NETWORK_ERROR, op.path() + ": " + describe(e), 0, null, true, e);
    }

    /** The body of a response could not be read to its end. */
    static TablestoreException networkWhileReading(
            Operation op, int status, String requestId, IOException e) {
        return new TablestoreException(
                ErrorCodes.CLIENT_NETWORK_ERROR,
                op.path() + ": reading the response failed: " + describe(e),
                status,
                requestId,
                true,
                e);
    }

    static TablestoreException badResponse(
            Operation op, int status, String requestId, String what, Throwable cause) {
        return new TablestoreException(
                ErrorCodes.CLIENT_BAD_RESPONSE,
                op.path() + ": " + what,
                status,
                requestId,
                false,
                cause);
    }

    static TablestoreException interrupted(Operation op, String when, Throwable cause) {
        return new TablestoreException(
                ErrorCodes.CLIENT_INTERRUPTED,
                op.path() + ": interrupted " + when,
                0,
                null,
                false,
                cause);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String what = e.getClass().getSimpleName() + (message != null ? " " + message : "");
        // Connect, read and call timeouts all surface as InterruptedIOException subclasses, worded
        // differently by the JDK and OkHttp; name them plainly.
        return e instanceof InterruptedIOException ? "timed out (" + what + ")" : what;
    }
}

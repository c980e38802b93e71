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

package io.github.tablestore.flink.tunnel.emulator.api;

import io.github.tablestore.flink.tunnel.client.ErrorCodes;

/** Factories for the errors the emulator answers with, with the service's HTTP statuses. */
public final class Errors {
    private Errors() {}

    public static ApiException parameterInvalid(String message) {
        return new ApiException(400, ErrorCodes.PARAMETER_INVALID, message);
    }

    public static ApiException tunnelExpired(String message) {
        return new ApiException(400, ErrorCodes.TUNNEL_EXPIRED, message);
    }

    public static ApiException sequenceNumberNotMatch(String message) {
        return new ApiException(400, ErrorCodes.SEQUENCE_NUMBER_NOT_MATCH, message);
    }

    public static ApiException resourceGone(String message) {
        return new ApiException(410, ErrorCodes.RESOURCE_GONE, message);
    }

    public static ApiException tunnelExist(String message) {
        return new ApiException(409, ErrorCodes.TUNNEL_EXIST, message);
    }

    public static ApiException tunnelServerUnavailable(String message) {
        return new ApiException(503, ErrorCodes.TUNNEL_SERVER_UNAVAILABLE, message);
    }

    public static ApiException serverBusy(String message) {
        return new ApiException(503, ErrorCodes.SERVER_BUSY, message);
    }

    public static ApiException authFailed(String message) {
        return new ApiException(403, ErrorCodes.AUTH_FAILED, message);
    }

    public static ApiException methodNotAllowed(String message) {
        return new ApiException(405, ErrorCodes.METHOD_NOT_ALLOWED, message);
    }

    public static ApiException bodyTooLarge(String message) {
        return new ApiException(413, ErrorCodes.REQUEST_BODY_TOO_LARGE, message);
    }

    public static ApiException objectNotExist(String message) {
        return new ApiException(404, ErrorCodes.OBJECT_NOT_EXIST, message);
    }

    public static ApiException objectAlreadyExist(String message) {
        return new ApiException(409, ErrorCodes.OBJECT_ALREADY_EXIST, message);
    }

    public static ApiException conditionCheckFail(String message) {
        return new ApiException(403, ErrorCodes.CONDITION_CHECK_FAIL, message);
    }

    public static ApiException invalidPk(String message) {
        return new ApiException(400, ErrorCodes.INVALID_PK, message);
    }

    public static ApiException unsupportedOperation(String message) {
        return new ApiException(400, "OTSUnsupportOperation", message);
    }

    public static ApiException internalError(String message) {
        return new ApiException(500, ErrorCodes.INTERNAL_SERVER_ERROR, message);
    }
}

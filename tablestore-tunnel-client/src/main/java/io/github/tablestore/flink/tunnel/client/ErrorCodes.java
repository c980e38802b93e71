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

/** Error codes of Tablestore and its Tunnel Service that callers act on. */
public final class ErrorCodes {
    private ErrorCodes() {}

    // Tunnel service
    public static final String PARAMETER_INVALID = "OTSParameterInvalid";
    public static final String TUNNEL_EXPIRED = "OTSTunnelExpired";
    public static final String PERMISSION_DENIED = "OTSPermissionDenied";
    public static final String TUNNEL_EXIST = "OTSTunnelExist";
    public static final String SEQUENCE_NUMBER_NOT_MATCH = "OTSSequenceNumberNotMatch";
    public static final String RESOURCE_GONE = "OTSResourceGone";
    public static final String TUNNEL_SERVER_UNAVAILABLE = "OTSTunnelServerUnavailable";

    // Generic
    public static final String AUTH_FAILED = "OTSAuthFailed";
    public static final String NO_PERMISSION_ACCESS = "OTSNoPermissionAccess";
    public static final String METHOD_NOT_ALLOWED = "OTSMethodNotAllowed";
    public static final String REQUEST_BODY_TOO_LARGE = "OTSRequestBodyTooLarge";
    public static final String REQUEST_TIMEOUT = "OTSRequestTimeout";
    public static final String OBJECT_NOT_EXIST = "OTSObjectNotExist";
    public static final String OBJECT_ALREADY_EXIST = "OTSObjectAlreadyExist";
    public static final String CONDITION_CHECK_FAIL = "OTSConditionCheckFail";
    public static final String ROW_OPERATION_CONFLICT = "OTSRowOperationConflict";
    public static final String SERVER_BUSY = "OTSServerBusy";
    public static final String PARTITION_UNAVAILABLE = "OTSPartitionUnavailable";
    public static final String SERVER_UNAVAILABLE = "OTSServerUnavailable";
    public static final String TIMEOUT = "OTSTimeout";
    public static final String INTERNAL_SERVER_ERROR = "OTSInternalServerError";
    public static final String INVALID_PK = "OTSInvalidPK";
    public static final String TABLE_NOT_READY = "OTSTableNotReady";
    public static final String NOT_ENOUGH_CAPACITY_UNIT = "OTSNotEnoughCapacityUnit";
    public static final String QUOTA_EXHAUSTED = "OTSQuotaExhausted";

    // Client side (never sent by the service)
    /** No HTTP response: connection refused or reset, timeout, malformed response. */
    public static final String CLIENT_NETWORK_ERROR = "ClientNetworkError";

    /** A response arrived but could not be understood (bad body, missing required header). */
    public static final String CLIENT_BAD_RESPONSE = "ClientBadResponse";

    /** The service answered a redirect (HTTP 3xx): the instance lives at another endpoint. */
    public static final String CLIENT_ENDPOINT_MOVED = "ClientEndpointMoved";

    /** The thread was interrupted before or between attempts; its interrupt flag is set again. */
    public static final String CLIENT_INTERRUPTED = "ClientInterrupted";

    /**
     * A record of a ReadRecords answer cannot be decoded (corrupt bytes, or a format this client
     * does not know). Not retried: the same bytes would come again.
     */
    public static final String CLIENT_CORRUPT_RECORD = "ClientCorruptRecord";

    /** No usable credentials; thrown as {@link CredentialsException}. */
    public static final String CLIENT_CREDENTIALS_ERROR = "ClientCredentialsError";
}

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

package io.github.tablestore.flink.tunnel.client.auth;

/**
 * Names of the HTTP headers Tablestore requests and responses carry. All {@code x-ots-*} names are
 * lowercase on the wire; every {@code x-ots-*} request header except the signature itself is
 * covered by the request signature.
 */
public final class OtsHeaders {
    private OtsHeaders() {}

    /** Prefix of the headers that take part in request and response signatures. */
    public static final String PREFIX = "x-ots-";

    public static final String DATE = "x-ots-date";
    public static final String API_VERSION = "x-ots-apiversion";
    public static final String ACCESS_KEY_ID = "x-ots-accesskeyid";
    public static final String INSTANCE_NAME = "x-ots-instancename";
    public static final String CONTENT_MD5 = "x-ots-contentmd5";
    public static final String STS_TOKEN = "x-ots-ststoken";

    /** V2 request signature (HMAC-SHA1). */
    public static final String SIGNATURE = "x-ots-signature";

    /** V4 request signature (HMAC-SHA256 with a date- and region-scoped key). */
    public static final String SIGNATURE_V4 = "x-ots-signaturev4";

    /** V4 signing date, {@code yyyyMMdd} in UTC. */
    public static final String SIGN_DATE = "x-ots-signdate";

    /** V4 signing region, e.g. {@code cn-hangzhou}. */
    public static final String SIGN_REGION = "x-ots-signregion";

    /** Set when the request body is a zlib stream; then {@link #REQUEST_COMPRESS_SIZE} too. */
    public static final String REQUEST_COMPRESS_TYPE = "x-ots-request-compress-type";

    /** The uncompressed length of a compressed request body. */
    public static final String REQUEST_COMPRESS_SIZE = "x-ots-request-compress-size";

    public static final String RESPONSE_COMPRESS_TYPE = "x-ots-response-compress-type";
    public static final String RESPONSE_COMPRESS_SIZE = "x-ots-response-compress-size";

    public static final String REQUEST_ID = "x-ots-requestid";
    public static final String CONTENT_TYPE = "x-ots-contenttype";

    /** Response signature: {@code OTS <accessKeyId>:<signature>}. Not an x-ots header. */
    public static final String AUTHORIZATION = "authorization";

    /** The API version this client speaks, for the tunnel and the data plane alike. */
    public static final String API_VERSION_VALUE = "2015-12-31";

    /** The only compression Tablestore knows: a zlib stream (RFC 1950). */
    public static final String COMPRESS_DEFLATE = "deflate";

    /** Value of {@link #CONTENT_TYPE} in service responses. */
    public static final String CONTENT_TYPE_PROTOBUF = "protocol buffer";
}

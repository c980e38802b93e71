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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Tablestore's request and response signatures as pure functions over a header map, a request
 * path and a secret. The client signs with them; a server (such as the emulator) verifies
 * requests and signs its responses with the same functions.
 *
 * <p>Conventions shared by every method:
 *
 * <ul>
 *   <li>{@code path} is the request path with its leading slash, e.g. {@code /tunnel/connect} or
 *       {@code /PutRow}.
 *   <li>{@code headers} maps header names to values. Names are compared case-insensitively (they
 *       are lowercased before sorting); only names starting with {@code x-ots-} are signed. Two
 *       names that differ only in case are rejected.
 *   <li>Results are standard Base64 with padding.
 * </ul>
 */
public final class TablestoreSignatures {
    private static final String HMAC_SHA1 = "HmacSHA1";
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final String V4_KEY_PREFIX = "aliyun_v4";
    private static final String V4_PRODUCT = "ots";
    private static final String V4_KEY_SUFFIX = "aliyun_v4_request";

    /** Appended to the V2 string-to-sign to form the V4 one. */
    private static final String V4_SALT = "ots";

    private TablestoreSignatures() {}

    /**
     * The string a V2 or V4 request signature covers: {@code path + "\nPOST\n\n"} followed by one
     * line {@code name:trimmed-value\n} per signed header, sorted by lowercase name. The signature
     * headers {@code x-ots-signature} and {@code x-ots-signaturev4} are never part of it, so a
     * server may pass all received headers.
     */
    public static String requestStringToSign(String path, Map<String, String> headers) {
        checkPath(path);
        StringBuilder sb = new StringBuilder(256).append(path).append("\nPOST\n\n");
        for (Map.Entry<String, String> e : otsHeaders(headers).entrySet()) {
            String name = e.getKey();
            if (name.equals(OtsHeaders.SIGNATURE) || name.equals(OtsHeaders.SIGNATURE_V4)) {
                continue;
            }
            sb.append(name).append(':').append(e.getValue().trim()).append('\n');
        }
        return sb.toString();
    }

    /**
     * V2 request signature, the value of {@code x-ots-signature}:
     * Base64(HMAC-SHA1(accessKeySecret, {@link #requestStringToSign})).
     */
    public static String signV2(String path, Map<String, String> headers, String accessKeySecret) {
        checkSecret(accessKeySecret);
        return base64(hmac(HMAC_SHA1, utf8(accessKeySecret), requestStringToSign(path, headers)));
    }

    /**
     * The V4 signing key for a day and region: four chained HMAC-SHA256 steps starting from
     * {@code "aliyun_v4" + secret} over {@code signDate}, {@code region}, {@code "ots"} and
     * {@code "aliyun_v4_request"}, Base64-encoded.
     *
     * @param signDate the UTC day, {@code yyyyMMdd} (the request's {@code x-ots-signdate})
     * @param region the region (the request's {@code x-ots-signregion})
     */
    public static String v4SigningKey(String accessKeySecret, String signDate, String region) {
        checkSecret(accessKeySecret);
        requireNonEmpty(signDate, "signDate");
        requireNonEmpty(region, "region");
        byte[] key = hmac(HMAC_SHA256, utf8(V4_KEY_PREFIX + accessKeySecret), signDate);
        key = hmac(HMAC_SHA256, key, region);
        key = hmac(HMAC_SHA256, key, V4_PRODUCT);
        key = hmac(HMAC_SHA256, key, V4_KEY_SUFFIX);
        return base64(key);
    }

    /**
     * V4 request signature, the value of {@code x-ots-signaturev4}: Base64(HMAC-SHA256(key =
     * UTF-8 of the Base64 signing key, {@link #requestStringToSign} + {@code "ots"})). The headers
     * must include {@code x-ots-signdate} and {@code x-ots-signregion} with the same values as the
     * arguments for a server to accept the request.
     */
    public static String signV4(
            String path,
            Map<String, String> headers,
            String accessKeySecret,
            String signDate,
            String region) {
        return signV4WithKey(path, headers, v4SigningKey(accessKeySecret, signDate, region));
    }

    /** {@link #signV4} with a signing key from {@link #v4SigningKey}, for callers that cache it. */
    public static String signV4WithKey(
            String path, Map<String, String> headers, String signingKey) {
        requireNonEmpty(signingKey, "signingKey");
        String toSign = requestStringToSign(path, headers) + V4_SALT;
        return base64(hmac(HMAC_SHA256, utf8(signingKey), toSign));
    }

    /**
     * The response signature a server puts into the {@code authorization} header and the official
     * SDK's data-plane client checks: Base64(HMAC-SHA1(accessKeySecret, S)) where S is one line
     * {@code name:value\n} per {@code x-ots-*} response header (sorted by lowercase name, values
     * <em>not</em> trimmed) followed by {@code path} (no trailing newline).
     *
     * <p>The SDK checks with the secret it signed the request with: the AccessKey secret for a V2
     * request, but the derived {@link #v4SigningKey signing key} for a V4 request.
     *
     * @param responseHeaders every header of the response as sent; must include
     *     {@code x-ots-contentmd5} and {@code x-ots-contenttype}, which the SDK requires
     */
    public static String responseSignature(
            String path, Map<String, String> responseHeaders, String accessKeySecret) {
        checkPath(path);
        checkSecret(accessKeySecret);
        StringBuilder sb = new StringBuilder(256);
        for (Map.Entry<String, String> e : otsHeaders(responseHeaders).entrySet()) {
            sb.append(e.getKey()).append(':').append(e.getValue()).append('\n');
        }
        sb.append(path);
        return base64(hmac(HMAC_SHA1, utf8(accessKeySecret), sb.toString()));
    }

    /** The full {@code authorization} response header value: {@code OTS <accessKeyId>:<signature>}. */
    public static String responseAuthorization(
            String accessKeyId,
            String path,
            Map<String, String> responseHeaders,
            String accessKeySecret) {
        requireNonEmpty(accessKeyId, "accessKeyId");
        return "OTS "
                + accessKeyId
                + ":"
                + responseSignature(path, responseHeaders, accessKeySecret);
    }

    /** The value of {@code x-ots-contentmd5}: Base64 of the MD5 digest of the body as sent. */
    public static String contentMd5(byte[] body) {
        Objects.requireNonNull(body, "body");
        try {
            return base64(MessageDigest.getInstance("MD5").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }

    /**
     * Compares two signatures in time independent of where they differ, so a server does not
     * leak how much of a forged signature was right. {@code null} never matches.
     */
    public static boolean signaturesMatch(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(utf8(expected), utf8(actual));
    }

    private static TreeMap<String, String> otsHeaders(Map<String, String> headers) {
        Objects.requireNonNull(headers, "headers");
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : headers.entrySet()) {
            String name =
                    Objects.requireNonNull(e.getKey(), "header name").toLowerCase(Locale.ROOT);
            if (!name.startsWith(OtsHeaders.PREFIX)) {
                continue;
            }
            String value = Objects.requireNonNull(e.getValue(), () -> "value of header " + name);
            if (sorted.put(name, value) != null) {
                throw new IllegalArgumentException(
                        "header " + name + " appears twice (names differ only in case)");
            }
        }
        return sorted;
    }

    private static byte[] hmac(String algorithm, byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(utf8(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    private static void checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }

    private static void checkSecret(String secret) {
        // The message names the argument, never its value.
        requireNonEmpty(secret, "accessKeySecret");
    }

    private static void requireNonEmpty(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be null or empty");
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

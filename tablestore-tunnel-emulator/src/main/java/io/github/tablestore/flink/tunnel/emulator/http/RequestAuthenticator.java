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

package io.github.tablestore.flink.tunnel.emulator.http;

import io.github.tablestore.flink.tunnel.client.auth.Credentials;
import io.github.tablestore.flink.tunnel.client.auth.OtsHeaders;
import io.github.tablestore.flink.tunnel.client.auth.TablestoreSignatures;
import io.github.tablestore.flink.tunnel.emulator.EmulatorClock;
import io.github.tablestore.flink.tunnel.emulator.api.Errors;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies a request as the service does: required headers, instance, access key (and STS token),
 * {@code x-ots-date} within the allowed skew, body MD5, and the V2 or V4 signature. Failures are
 * the documented errors (400 OTSParameterInvalid for a missing header, 403 OTSAuthFailed for the
 * rest). Messages never contain secrets.
 */
final class RequestAuthenticator {
    private static final List<String> REQUIRED =
            List.of(
                    OtsHeaders.DATE,
                    OtsHeaders.API_VERSION,
                    OtsHeaders.ACCESS_KEY_ID,
                    OtsHeaders.INSTANCE_NAME,
                    OtsHeaders.CONTENT_MD5);

    private final String instanceName;
    private final Map<String, Credentials> credentials;
    private final Set<String> revokedKeys;
    private final EmulatorClock clock;
    private final Duration maxSkew;

    RequestAuthenticator(
            String instanceName,
            Map<String, Credentials> credentials,
            Set<String> revokedKeys,
            EmulatorClock clock,
            Duration maxSkew) {
        this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
        this.credentials = Map.copyOf(credentials);
        this.revokedKeys = Objects.requireNonNull(revokedKeys, "revokedKeys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
    }

    /** The credentials a response to this request is signed with (before authentication). */
    Credentials credentialsFor(Map<String, String> headers) {
        String akid = headers.get(OtsHeaders.ACCESS_KEY_ID);
        return akid == null ? null : credentials.get(akid);
    }

    /**
     * Verifies the request and returns the caller's credentials.
     *
     * @param path the request path, e.g. {@code /tunnel/connect}
     * @param headers request headers, names lowercase
     * @param body the body as received
     */
    Credentials authenticate(String path, Map<String, String> headers, byte[] body) {
        for (String h : REQUIRED) {
            String v = headers.get(h);
            if (v == null || v.isEmpty()) {
                throw Errors.parameterInvalid("Missing header: " + h + ".");
            }
        }
        String signatureV2 = headers.get(OtsHeaders.SIGNATURE);
        String signatureV4 = headers.get(OtsHeaders.SIGNATURE_V4);
        if (signatureV2 == null && signatureV4 == null) {
            throw Errors.parameterInvalid("Missing header: " + OtsHeaders.SIGNATURE + ".");
        }
        if (!instanceName.equals(headers.get(OtsHeaders.INSTANCE_NAME))) {
            throw Errors.parameterInvalid(
                    "The instance "
                            + headers.get(OtsHeaders.INSTANCE_NAME)
                            + " does not exist (this emulator serves instance "
                            + instanceName
                            + ").");
        }
        Credentials c = credentials.get(headers.get(OtsHeaders.ACCESS_KEY_ID));
        if (c == null) {
            throw Errors.authFailed("The AccessKeyID does not exist.");
        }
        if (revokedKeys.contains(c.accessKeyId())) {
            throw Errors.authFailed("The AccessKeyID is disabled.");
        }
        String sts = headers.get(OtsHeaders.STS_TOKEN);
        if (c.hasSecurityToken()
                ? !TablestoreSignatures.signaturesMatch(c.securityToken(), sts)
                : sts != null) {
            throw Errors.authFailed("The security token is invalid.");
        }
        checkDate(headers.get(OtsHeaders.DATE));
        if (!TablestoreSignatures.signaturesMatch(
                TablestoreSignatures.contentMd5(body), headers.get(OtsHeaders.CONTENT_MD5))) {
            throw Errors.authFailed(
                    "Mismatch between MD5 value of request body and x-ots-contentmd5 in header.");
        }
        String expected;
        String given;
        if (signatureV4 != null) {
            String signDate = headers.get(OtsHeaders.SIGN_DATE);
            String region = headers.get(OtsHeaders.SIGN_REGION);
            if (signDate == null || signDate.isEmpty() || region == null || region.isEmpty()) {
                throw Errors.parameterInvalid(
                        "Missing header: "
                                + (signDate == null || signDate.isEmpty()
                                        ? OtsHeaders.SIGN_DATE
                                        : OtsHeaders.SIGN_REGION)
                                + ".");
            }
            expected =
                    TablestoreSignatures.signV4(
                            path, headers, c.accessKeySecret(), signDate, region);
            given = signatureV4;
        } else {
            expected = TablestoreSignatures.signV2(path, headers, c.accessKeySecret());
            given = signatureV2;
        }
        if (!TablestoreSignatures.signaturesMatch(expected, given)) {
            throw Errors.authFailed("Signature mismatch.");
        }
        return c;
    }

    private void checkDate(String date) {
        Instant when;
        try {
            when = Instant.parse(date);
        } catch (DateTimeParseException e) {
            throw Errors.parameterInvalid("Invalid date format: " + date + ".");
        }
        long skew = Math.abs(when.toEpochMilli() - clock.sourceMillis());
        if (skew > maxSkew.toMillis()) {
            throw Errors.authFailed("Mismatch between system time and x-ots-date: " + date + ".");
        }
    }
}

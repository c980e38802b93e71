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

import com.alicloud.openservices.tablestore.ClientException;
import com.alicloud.openservices.tablestore.core.auth.CalculateV4SigningKeyUtil;
import com.alicloud.openservices.tablestore.core.auth.DefaultCredentials;
import com.alicloud.openservices.tablestore.core.auth.V2SignatureMaker;
import com.alicloud.openservices.tablestore.core.auth.V4SignatureMaker;
import com.alicloud.openservices.tablestore.core.http.OTSUri;
import com.alicloud.openservices.tablestore.core.http.OTSValidationResponseHandler;
import com.alicloud.openservices.tablestore.core.http.ResponseMessage;
import com.aliyun.ots.thirdparty.org.apache.http.Header;
import com.aliyun.ots.thirdparty.org.apache.http.HttpVersion;
import com.aliyun.ots.thirdparty.org.apache.http.message.BasicHeader;
import com.aliyun.ots.thirdparty.org.apache.http.message.BasicHttpResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official SDK (5.17.10, test scope) as oracle: for random headers, paths and secrets our
 * signatures equal what the SDK's own signer classes compute, and the SDK's response validator
 * accepts our response signatures.
 */
class SdkSignatureOracleProperties {

    /** A request as the SDK signs it: action without the leading slash, then the headers. */
    static final class Case {
        final String action;
        final Map<String, String> headers;
        final String secret;

        Case(String action, Map<String, String> headers, String secret) {
            this.action = action;
            this.headers = headers;
            this.secret = secret;
        }

        String path() {
            return "/" + action;
        }

        Header[] sdkHeaders() {
            return headers.entrySet().stream()
                    .map(e -> new BasicHeader(e.getKey(), e.getValue()))
                    .toArray(Header[]::new);
        }

        @Override
        public String toString() {
            return action + " " + headers;
        }
    }

    @Provide
    Arbitrary<Case> requests() {
        Arbitrary<String> action =
                Arbitraries.of(
                        "tunnel/connect",
                        "tunnel/readrecords",
                        "tunnel/heartbeat",
                        "PutRow",
                        "DescribeTable",
                        "ListTable");
        Arbitrary<String> otsName =
                Arbitraries.strings()
                        .withChars("abcdefghijklmnopqrstuvwxyz-")
                        .ofMinLength(1)
                        .ofMaxLength(16)
                        .map(s -> "x-ots-" + s)
                        .filter(
                                n ->
                                        !n.equals(OtsHeaders.SIGNATURE)
                                                && !n.equals(OtsHeaders.SIGNATURE_V4));
        Arbitrary<String> otherName =
                Arbitraries.of("user-agent", "content-length", "host", "accept-encoding");
        Arbitrary<String> value = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40);
        Arbitrary<Map<String, String>> ots =
                Arbitraries.maps(otsName, value).ofMinSize(1).ofMaxSize(10);
        Arbitrary<Map<String, String>> others = Arbitraries.maps(otherName, value).ofMaxSize(3);
        Arbitrary<String> secret =
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40);
        return Combinators.combine(action, ots, others, secret)
                .as(
                        (a, o, x, s) -> {
                            Map<String, String> headers = new LinkedHashMap<>(o);
                            headers.putAll(x);
                            return new Case(a, headers, s);
                        });
    }

    @Property(tries = 300)
    void v2EqualsSdk(@ForAll("requests") Case c) throws Exception {
        String sdk =
                new V2SignatureMaker(new DefaultCredentials("id", c.secret))
                        .getSignature(
                                c.secret.getBytes(StandardCharsets.UTF_8),
                                c.action,
                                "POST",
                                c.sdkHeaders());
        assertThat(TablestoreSignatures.signV2(c.path(), c.headers, c.secret)).isEqualTo(sdk);
    }

    @Property(tries = 200)
    void v4EqualsSdk(
            @ForAll("requests") Case c,
            @ForAll("days") String signDate,
            @ForAll("regions") String region)
            throws Exception {
        String sdkKey =
                CalculateV4SigningKeyUtil.finalSigningKeyString(
                        c.secret, signDate, region, "ots", "HmacSHA256");
        assertThat(TablestoreSignatures.v4SigningKey(c.secret, signDate, region)).isEqualTo(sdkKey);

        // The SDK's V4 maker is keyed with the UTF-8 bytes of the Base64 signing key.
        String sdk =
                new V4SignatureMaker(null)
                        .getSignature(
                                sdkKey.getBytes(StandardCharsets.UTF_8),
                                c.action,
                                "POST",
                                c.sdkHeaders());
        assertThat(TablestoreSignatures.signV4(c.path(), c.headers, c.secret, signDate, region))
                .isEqualTo(sdk);
    }

    @Provide
    Arbitrary<String> days() {
        return Arbitraries.integers()
                .between(0, 3650)
                .map(
                        d ->
                                java.time.LocalDate.of(2020, 1, 1)
                                        .plusDays(d)
                                        .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of(
                "cn-hangzhou", "cn-shanghai", "ap-southeast-1", "eu-central-1", "us-west-1");
    }

    @Property(tries = 200)
    void sdkAcceptsOurResponseSignature(
            @ForAll("requests") Case c, @ForAll("paddedValues") String padded) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(c.headers);
        headers.put(OtsHeaders.CONTENT_MD5, "1B2M2Y8AsgTpgAmY7PhCfg==");
        headers.put(OtsHeaders.CONTENT_TYPE, OtsHeaders.CONTENT_TYPE_PROTOBUF);
        headers.put(OtsHeaders.REQUEST_ID, padded); // values are signed untrimmed
        headers.put(
                OtsHeaders.AUTHORIZATION,
                TablestoreSignatures.responseAuthorization(
                        "LTAIexample", c.path(), headers, c.secret));

        assertThatCode(() -> sdkValidator(c).handle(sdkResponse(headers)))
                .doesNotThrowAnyException();

        headers.put(OtsHeaders.REQUEST_ID, padded + "x");
        assertThatThrownBy(() -> sdkValidator(c).handle(sdkResponse(headers)))
                .isInstanceOf(ClientException.class);
    }

    @Provide
    Arbitrary<String> paddedValues() {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .ofMaxLength(20)
                .map(s -> " " + s + " ");
    }

    private static OTSValidationResponseHandler sdkValidator(Case c) {
        return new OTSValidationResponseHandler(
                new DefaultCredentials("LTAIexample", c.secret),
                new OTSUri("http://localhost:1", c.action));
    }

    private static ResponseMessage sdkResponse(Map<String, String> headers) {
        BasicHttpResponse response = new BasicHttpResponse(HttpVersion.HTTP_1_1, 200, "OK");
        headers.forEach(response::addHeader);
        return new ResponseMessage(response);
    }
}

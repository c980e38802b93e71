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

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference's test vectors and the signature conventions, without the SDK. */
class TablestoreSignaturesTest {

    /** Headers of the reference's V2 vector (tunnel-protocol.md §1.3.1). */
    private static Map<String, String> vectorHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-ots-date", "2024-01-01T00:00:00.000Z");
        h.put("x-ots-apiversion", "2015-12-31");
        h.put("x-ots-accesskeyid", "AKID");
        h.put("x-ots-instancename", "inst");
        h.put("x-ots-contentmd5", "1B2M2Y8AsgTpgAmY7PhCfg==");
        h.put("User-Agent", "ots-java-sdk 5.17.10");
        return h;
    }

    @Test
    void v2VectorReproduces() {
        assertThat(TablestoreSignatures.signV2("/tunnel/connect", vectorHeaders(), "secret"))
                .isEqualTo("1ytbo0ighyBFajy9KjIhmpoUWa4=");
    }

    @Test
    void v4SigningKeyVectorReproduces() {
        assertThat(TablestoreSignatures.v4SigningKey("secret", "20240101", "cn-hangzhou"))
                .isEqualTo("NLQTKs7HvTNNJy/TbrNleX8qnQtKsPte7Q08wSyAFL8=");
    }

    @Test
    void emptyBodyMd5IsTheKnownValue() {
        assertThat(TablestoreSignatures.contentMd5(new byte[0]))
                .isEqualTo("1B2M2Y8AsgTpgAmY7PhCfg==");
    }

    @Test
    void stringToSignSortsTrimsAndSkipsSignatureAndForeignHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-OTS-Date", "  d  ");
        h.put("x-ots-apiversion", "v");
        h.put("x-ots-signature", "ignored");
        h.put("x-ots-signaturev4", "ignored");
        h.put("content-length", "0");
        assertThat(TablestoreSignatures.requestStringToSign("/tunnel/list", h))
                .isEqualTo("/tunnel/list\nPOST\n\nx-ots-apiversion:v\nx-ots-date:d\n");
    }

    @Test
    void signatureIgnoresPresentSignatureHeaders() {
        Map<String, String> withSignature = vectorHeaders();
        withSignature.put("x-ots-signature", "whatever");
        assertThat(TablestoreSignatures.signV2("/tunnel/connect", withSignature, "secret"))
                .isEqualTo("1ytbo0ighyBFajy9KjIhmpoUWa4=");
    }

    @Test
    void v4SignatureDiffersFromV2AndDependsOnRegionAndDate() {
        Map<String, String> h = vectorHeaders();
        String a =
                TablestoreSignatures.signV4(
                        "/tunnel/connect", h, "secret", "20240101", "cn-hangzhou");
        String b =
                TablestoreSignatures.signV4(
                        "/tunnel/connect", h, "secret", "20240102", "cn-hangzhou");
        String c =
                TablestoreSignatures.signV4(
                        "/tunnel/connect", h, "secret", "20240101", "cn-shanghai");
        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
        assertThat(a)
                .isEqualTo(
                        TablestoreSignatures.signV4WithKey(
                                "/tunnel/connect",
                                h,
                                TablestoreSignatures.v4SigningKey(
                                        "secret", "20240101", "cn-hangzhou")));
    }

    @Test
    void responseAuthorizationHasTheOtsPrefixAndAccessKeyId() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-ots-contentmd5", "1B2M2Y8AsgTpgAmY7PhCfg==");
        h.put("x-ots-contenttype", "protocol buffer");
        String auth = TablestoreSignatures.responseAuthorization("AKID", "/ListTable", h, "secret");
        assertThat(auth)
                .isEqualTo(
                        "OTS AKID:"
                                + TablestoreSignatures.responseSignature(
                                        "/ListTable", h, "secret"));
    }

    @Test
    void responseSignatureDoesNotTrimValues() {
        Map<String, String> trimmed = Map.of("x-ots-contenttype", "protocol buffer");
        Map<String, String> padded = Map.of("x-ots-contenttype", " protocol buffer");
        assertThat(TablestoreSignatures.responseSignature("/PutRow", trimmed, "secret"))
                .isNotEqualTo(TablestoreSignatures.responseSignature("/PutRow", padded, "secret"));
    }

    @Test
    void rejectsBadArgumentsNamingThemButNotTheSecret() {
        assertThatThrownBy(
                        () ->
                                TablestoreSignatures.signV2(
                                        "tunnel/connect", vectorHeaders(), "secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path");
        assertThatThrownBy(
                        () -> TablestoreSignatures.signV2("/tunnel/connect", vectorHeaders(), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessKeySecret");
        Map<String, String> dup = new LinkedHashMap<>();
        dup.put("x-ots-date", "a");
        dup.put("X-OTS-DATE", "b");
        assertThatThrownBy(() -> TablestoreSignatures.signV2("/x", dup, "top-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x-ots-date")
                .hasMessageNotContaining("top-secret");
        assertThatThrownBy(() -> TablestoreSignatures.v4SigningKey("secret", "", "cn-hangzhou"))
                .hasMessageContaining("signDate");
        assertThatThrownBy(() -> TablestoreSignatures.v4SigningKey("secret", "20240101", null))
                .hasMessageContaining("region");
    }

    @Test
    void signaturesMatchComparesExactly() {
        assertThat(TablestoreSignatures.signaturesMatch("abc=", "abc=")).isTrue();
        assertThat(TablestoreSignatures.signaturesMatch("abc=", "abd=")).isFalse();
        assertThat(TablestoreSignatures.signaturesMatch("abc=", "abc")).isFalse();
        assertThat(TablestoreSignatures.signaturesMatch(null, "abc")).isFalse();
    }

    @Test
    void nonAsciiValuesAreSignedAsUtf8() {
        Map<String, String> h = Map.of("x-ots-instancename", "инстанс");
        String toSign = TablestoreSignatures.requestStringToSign("/p", h);
        assertThat(toSign.getBytes(StandardCharsets.UTF_8))
                .contains("инстанс".getBytes(StandardCharsets.UTF_8));
    }
}

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

import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TunnelClientConfigTest {
    private static final String SECRET = "config-secret-XYZ";
    private static final String TOKEN = "config-token-ABC";

    private static TunnelClientConfig.Builder valid() {
        return TunnelClientConfig.builder()
                .endpoint("https://inst.cn-hangzhou.ots.aliyuncs.com")
                .instanceName("inst")
                .credentialsProvider(CredentialsProvider.of("AKID", SECRET, TOKEN));
    }

    @Test
    void defaults() {
        TunnelClientConfig c = valid().build();
        assertThat(c.endpoint()).isEqualTo("https://inst.cn-hangzhou.ots.aliyuncs.com");
        assertThat(c.signatureVersion()).isEqualTo(SignatureVersion.V2);
        assertThat(c.region()).isNull();
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(c.responseCompression()).isFalse();
        assertThat(c.userAgent()).isEqualTo(TunnelClientConfig.DEFAULT_USER_AGENT);
        assertThat(c.maxIdleConnections()).isEqualTo(5);
        assertThat(c.keepAlive()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void endpointIsNormalised() {
        assertThat(valid().endpoint("HTTP://localhost:8080/").build().endpoint())
                .isEqualTo("http://localhost:8080");
        assertThat(valid().endpoint(" https://host ").build().endpoint()).isEqualTo("https://host");
    }

    @Test
    void v4NeedsARegion() {
        assertThatThrownBy(() -> valid().signatureVersion(SignatureVersion.V4).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region");
        TunnelClientConfig c = valid().signatureV4("cn-hangzhou").build();
        assertThat(c.signatureVersion()).isEqualTo(SignatureVersion.V4);
        assertThat(c.region()).isEqualTo("cn-hangzhou");
    }

    @Test
    void everyBadSettingIsNamed() {
        assertBad(b -> b.endpoint(null), "endpoint");
        assertBad(b -> b.endpoint("ftp://host"), "endpoint");
        assertBad(b -> b.endpoint("host:80"), "endpoint");
        assertBad(b -> b.endpoint("http://host/path"), "endpoint");
        assertBad(b -> b.endpoint("http://host?x=1"), "endpoint");
        assertBad(b -> b.endpoint("http://user:pw@host"), "endpoint");
        assertBad(b -> b.instanceName(" "), "instanceName");
        assertBad(b -> b.instanceName("in\nst"), "instanceName");
        assertBad(b -> b.credentialsProvider(null), "credentialsProvider");
        assertBad(b -> b.signatureVersion(null), "signatureVersion");
        assertBad(b -> b.connectTimeout(Duration.ZERO), "connectTimeout");
        assertBad(b -> b.readTimeout(null), "readTimeout");
        assertBad(b -> b.callTimeout(Duration.ofSeconds(-1)), "callTimeout");
        assertBad(b -> b.retryPolicy(null), "retryPolicy");
        assertBad(b -> b.userAgent("agent\u00e9"), "userAgent");
        assertBad(b -> b.maxIdleConnections(-1), "maxIdleConnections");
        assertBad(b -> b.keepAlive(Duration.ZERO), "keepAlive");
    }

    private static void assertBad(
            UnaryOperator<TunnelClientConfig.Builder> change, String setting) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(setting)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void toStringShowsSettingsButNoSecrets() {
        TunnelClientConfig c = valid().signatureV4("cn-hangzhou").build();
        assertThat(c.toString())
                .contains("inst.cn-hangzhou.ots.aliyuncs.com", "AKID", "V4", "cn-hangzhou")
                .doesNotContain(SECRET)
                .doesNotContain(TOKEN);
    }

    @Test
    void toBuilderCopiesEverything() {
        TunnelClientConfig c =
                valid().signatureV4("r")
                        .responseCompression(true)
                        .userAgent("ua")
                        .connectTimeout(Duration.ofSeconds(1))
                        .readTimeout(Duration.ofSeconds(2))
                        .callTimeout(Duration.ofSeconds(3))
                        .maxIdleConnections(7)
                        .keepAlive(Duration.ofSeconds(4))
                        .retryPolicy(RetryPolicy.none())
                        .build();
        assertThat(c.toBuilder().build().toString()).isEqualTo(c.toString());
    }
}

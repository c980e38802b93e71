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

import io.github.tablestore.flink.tunnel.client.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsProvidersTest {
    private static final String SECRET = "s3cr3t-VALUE";
    private static final String TOKEN = "sts-TOKEN-value";

    @Test
    void staticProviderAnswersItsCredentialsAndHidesSecrets() {
        CredentialsProvider p = CredentialsProvider.of("AKID", SECRET, TOKEN);
        assertThat(p.credentials().accessKeyId()).isEqualTo("AKID");
        assertThat(p.credentials().accessKeySecret()).isEqualTo(SECRET);
        assertThat(p.credentials().securityToken()).isEqualTo(TOKEN);
        assertThat(p.toString()).contains("AKID").doesNotContain(SECRET).doesNotContain(TOKEN);
        assertThat(p.credentials().toString())
                .contains("AKID")
                .doesNotContain(SECRET)
                .doesNotContain(TOKEN);
    }

    @Test
    void emptyTokenMeansLongTermCredentials() {
        assertThat(Credentials.of("AKID", SECRET, "").hasSecurityToken()).isFalse();
        assertThat(Credentials.of("AKID", SECRET).securityToken()).isNull();
    }

    @Test
    void invalidCredentialsNameTheFieldNotTheValue() {
        assertThatThrownBy(() -> Credentials.of(" ", SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessKeyId");
        assertThatThrownBy(() -> Credentials.of("AKID", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessKeySecret");
    }

    @Test
    void environmentProviderReadsTheTablestoreVariables() {
        CredentialsProvider p =
                CredentialsProvider.fromEnvironment(
                        Map.of(
                                EnvironmentCredentials.ACCESS_KEY_ID, "AKID",
                                EnvironmentCredentials.ACCESS_KEY_SECRET, SECRET,
                                EnvironmentCredentials.SESSION_TOKEN, TOKEN));
        assertThat(p.credentials()).isEqualTo(Credentials.of("AKID", SECRET, TOKEN));
        assertThat(p.toString())
                .startsWith("EnvironmentCredentialsProvider")
                .doesNotContain(SECRET, TOKEN);

        CredentialsProvider noToken =
                CredentialsProvider.fromEnvironment(
                        Map.of(
                                EnvironmentCredentials.ACCESS_KEY_ID,
                                "AKID",
                                EnvironmentCredentials.ACCESS_KEY_SECRET,
                                SECRET));
        assertThat(noToken.credentials().hasSecurityToken()).isFalse();
    }

    @Test
    void environmentProviderNamesTheMissingVariable() {
        assertThatThrownBy(
                        () ->
                                CredentialsProvider.fromEnvironment(
                                        Map.of(EnvironmentCredentials.ACCESS_KEY_ID, "AKID")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(EnvironmentCredentials.ACCESS_KEY_SECRET);
        assertThatThrownBy(
                        () ->
                                CredentialsProvider.fromEnvironment(
                                        Map.of(EnvironmentCredentials.ACCESS_KEY_SECRET, SECRET)))
                .hasMessageContaining(EnvironmentCredentials.ACCESS_KEY_ID)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void refreshingProviderFetchesOnFirstUseAndAfterEachInterval() {
        ManualClock clock = new ManualClock();
        AtomicInteger fetches = new AtomicInteger();
        RefreshingCredentialsProvider p =
                RefreshingCredentialsProvider.builder(
                                () ->
                                        Credentials.of(
                                                "STS.id" + fetches.incrementAndGet(),
                                                SECRET,
                                                TOKEN + fetches.get()))
                        .refreshInterval(Duration.ofMinutes(30))
                        .clock(clock)
                        .build();
        assertThat(fetches).hasValue(0);

        assertThat(p.credentials().accessKeyId()).isEqualTo("STS.id1");
        clock.advance(Duration.ofMinutes(29));
        assertThat(p.credentials().accessKeyId()).isEqualTo("STS.id1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(p.credentials().accessKeyId()).isEqualTo("STS.id2");
        assertThat(p.credentials().securityToken()).isEqualTo(TOKEN + 2);
        assertThat(p.fetchCount()).isEqualTo(2);
        assertThat(p.toString()).contains("STS.id2").doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    @Test
    void refreshingProviderKeepsOldCredentialsWhenARefreshFailsAndRetriesLater() {
        ManualClock clock = new ManualClock();
        AtomicInteger calls = new AtomicInteger();
        RefreshingCredentialsProvider p =
                RefreshingCredentialsProvider.builder(
                                () -> {
                                    int n = calls.incrementAndGet();
                                    if (n == 2) {
                                        throw new IllegalStateException("STS down");
                                    }
                                    return Credentials.of("STS.id" + n, SECRET, TOKEN);
                                })
                        .refreshInterval(Duration.ofMinutes(30))
                        .retryDelay(Duration.ofSeconds(10))
                        .clock(clock)
                        .build();
        assertThat(p.credentials().accessKeyId()).isEqualTo("STS.id1");
        clock.advance(Duration.ofMinutes(30));
        assertThat(p.credentials().accessKeyId()).isEqualTo("STS.id1"); // fetch 2 failed
        clock.advance(Duration.ofSeconds(5));
        assertThat(p.credentials().accessKeyId())
                .isEqualTo("STS.id1"); // within retry delay: no fetch
        assertThat(calls).hasValue(2);
        clock.advance(Duration.ofSeconds(5));
        assertThat(p.credentials().accessKeyId()).isEqualTo("STS.id3");
    }

    @Test
    void refreshingProviderThrowsWhenTheFirstFetchFails() {
        RefreshingCredentialsProvider p =
                RefreshingCredentialsProvider.builder(
                                () -> {
                                    throw new java.io.IOException("no route to STS");
                                })
                        .build();
        assertThatThrownBy(p::credentials)
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void environmentProviderReadsOnUseAndNamesTheMissingVariable() {
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put(EnvironmentCredentials.ACCESS_KEY_SECRET, SECRET);
        CredentialsProvider p =
                EnvironmentCredentials.provider(environment::get); // nothing read yet
        assertThatThrownBy(p::credentials)
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessage(
                        "environment variable "
                                + EnvironmentCredentials.ACCESS_KEY_ID
                                + " is not set");
        environment.put(EnvironmentCredentials.ACCESS_KEY_ID, "AKID");
        assertThat(p.credentials()).isEqualTo(Credentials.of("AKID", SECRET));
        assertThat(p.toString()).doesNotContain(SECRET, "AKID");
    }

    @Test
    void refreshingProviderPassesMissingCredentialsThroughAsSuch() {
        RefreshingCredentialsProvider p =
                RefreshingCredentialsProvider.builder(() -> EnvironmentCredentials.read(Map.of()))
                        .build();
        assertThatThrownBy(p::credentials)
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageContaining(EnvironmentCredentials.ACCESS_KEY_ID);
    }

    @Test
    void refreshingProviderRejectsNonPositiveIntervals() {
        assertThatThrownBy(
                        () ->
                                RefreshingCredentialsProvider.builder(() -> null)
                                        .refreshInterval(Duration.ZERO))
                .hasMessageContaining("refreshInterval");
        assertThatThrownBy(
                        () ->
                                RefreshingCredentialsProvider.builder(() -> null)
                                        .retryDelay(Duration.ofSeconds(-1)))
                .hasMessageContaining("retryDelay");
    }
}

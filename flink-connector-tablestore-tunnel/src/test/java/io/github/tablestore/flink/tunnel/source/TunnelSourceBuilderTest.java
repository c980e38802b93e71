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

package io.github.tablestore.flink.tunnel.source;

import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.auth.RefreshingCredentialsProvider;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.source.config.ClientSettings;
import io.github.tablestore.flink.tunnel.source.config.TunnelConnectionConfig;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.util.InstantiationUtil;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TunnelSourceBuilderTest {

    private static TunnelSourceBuilder<String> valid() {
        return TunnelSource.<String>builder()
                .setEndpoint("https://my-instance.cn-hangzhou.ots.aliyuncs.com")
                .setInstanceName("my-instance")
                .setTableName("orders")
                .setTunnelName("flink-orders")
                .setCredentials(CredentialsProvider.of("AKID", "s3cr3t-value"))
                .setDeserializer(TunnelRecordDeserializationSchema.json());
    }

    @Test
    void defaultsMatchTheDocumentation() {
        TunnelSourceConfig c = valid().build().config();
        assertThat(c.tunnelType()).isEqualTo(TunnelType.BASE_AND_STREAM);
        assertThat(c.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.commitInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.readMaxBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.maxParallelChannels()).isEqualTo(8);
        assertThat(c.clientTag()).isEqualTo("flink-tunnel-source");
        assertThat(c.boundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    }

    @Test
    void boundednessFollowsTheTunnel() {
        assertThat(valid().setTunnelType(TunnelType.BASE_DATA).build().getBoundedness())
                .isEqualTo(Boundedness.BOUNDED);
        assertThat(valid().setTunnelType(TunnelType.STREAM).build().getBoundedness())
                .isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(
                        valid().setTunnelType(TunnelType.STREAM)
                                .setStreamEndTimestamp(2_000_000_000_000L)
                                .build()
                                .getBoundedness())
                .isEqualTo(Boundedness.BOUNDED);
    }

    @Test
    void createsStreamTunnelsWithTheConfiguredRange() {
        CreateTunnelRequest r =
                valid().setTunnelType(TunnelType.STREAM)
                        .setStreamStartTimestamp(1_000L)
                        .setStreamEndTimestamp(2_000L)
                        .build()
                        .config()
                        .createTunnelRequest();
        assertThat(r.streamStartMillis()).isEqualTo(1_000L);
        assertThat(r.streamEndMillis()).isEqualTo(2_000L);
        assertThat(
                        valid().setTunnelType(TunnelType.STREAM)
                                .setStreamStartEarliest()
                                .build()
                                .config()
                                .createTunnelRequest()
                                .streamStart())
                .isEqualTo(CreateTunnelRequest.StreamStart.EARLIEST);
    }

    @Test
    void aStreamRangeCountsAsConfiguredOnlyWhenSet() {
        assertThat(
                        valid().setTunnelType(TunnelType.STREAM)
                                .build()
                                .config()
                                .streamRangeConfigured())
                .isFalse();
        assertThat(
                        valid().setTunnelType(TunnelType.STREAM)
                                .setStreamStartLatest()
                                .build()
                                .config()
                                .streamRangeConfigured())
                .isTrue();
        TunnelSourceConfig ended =
                valid().setTunnelType(TunnelType.STREAM)
                        .setStreamEndTimestamp(2_000L)
                        .build()
                        .config();
        assertThat(ended.streamRangeConfigured()).isTrue();
        assertThat(ended.streamRange().startFlag())
                .isEqualTo(CreateTunnelRequest.StreamStart.LATEST);
        assertThat(ended.streamRange().endMillis()).isEqualTo(2_000L);
    }

    @Test
    void clientOptionsReachTheClientSettings() {
        ClientSettings defaults =
                ((TunnelConnectionConfig) valid().build().config().clientFactory()).settings();
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.socketTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.retryMaxAttempts()).isEqualTo(10);
        assertThat(defaults.retryTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.requestCompression()).isFalse();
        ClientSettings set =
                ((TunnelConnectionConfig)
                                valid().setProperty("tunnel.client.connect-timeout", "2 s")
                                        .setProperty("tunnel.client.socket-timeout", "90 s")
                                        .setProperty("tunnel.client.retry.max-attempts", "3")
                                        .setProperty("tunnel.client.retry.timeout", "10 s")
                                        .setProperty("tunnel.client.request-compression", "true")
                                        .build()
                                        .config()
                                        .clientFactory())
                        .settings();
        assertThat(set.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(set.socketTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(set.retryMaxAttempts()).isEqualTo(3);
        assertThat(set.retryTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(set.requestCompression()).isTrue();
        assertThatThrownBy(
                        () -> valid().setProperty("tunnel.client.retry.max-attempts", "0").build())
                .hasMessageContaining("'tunnel.client.retry.max-attempts': must be at least 1");
        assertThatThrownBy(() -> valid().setProperty("tunnel.client.socket-timeout", "0 s").build())
                .hasMessageContaining("'tunnel.client.socket-timeout': must be positive");
    }

    @Test
    void missingSettingsAreNamed() {
        assertThatThrownBy(() -> valid().setEndpoint(null).build())
                .hasMessageContaining("endpoint");
        assertThatThrownBy(() -> valid().setInstanceName(" ").build())
                .hasMessageContaining("instance name");
        assertThatThrownBy(() -> valid().setTableName(null).build())
                .hasMessageContaining("table name");
        assertThatThrownBy(() -> valid().setTunnelName("").build())
                .hasMessageContaining("tunnel name");
        assertThatThrownBy(() -> valid().setDeserializer(null).build())
                .hasMessageContaining("deserializer");
        assertThatThrownBy(() -> valid().setEndpoint("ftp://x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint");
    }

    @Test
    void invalidOptionsFailNamingTheOption() {
        assertThatThrownBy(() -> valid().setHeartbeatInterval(Duration.ofSeconds(4)).build())
                .hasMessageContaining("tunnel.heartbeat.interval")
                .hasMessageContaining("at least");
        assertThatThrownBy(() -> valid().setHeartbeatTimeout(Duration.ofSeconds(30)).build())
                .hasMessageContaining("tunnel.heartbeat.timeout");
        assertThatThrownBy(() -> valid().setReadMaxBackoff(Duration.ofMillis(199)).build())
                .hasMessageContaining("tunnel.read.max-backoff");
        assertThatThrownBy(() -> valid().setMaxParallelChannels(0).build())
                .hasMessageContaining("tunnel.read.max-parallel-channels");
        assertThatThrownBy(() -> valid().setCommitInterval(Duration.ZERO).build())
                .hasMessageContaining("tunnel.commit.interval");
        assertThatThrownBy(() -> valid().setClientTag(" ").build())
                .hasMessageContaining("tunnel.client.tag");
        assertThatThrownBy(
                        () ->
                                valid().setProperty("tunnel.stream.start", "TIMESTAMP")
                                        .setTunnelType(TunnelType.STREAM)
                                        .build())
                .hasMessageContaining("tunnel.stream.start-timestamp");
        assertThatThrownBy(
                        () ->
                                valid().setTunnelType(TunnelType.STREAM)
                                        .setStreamStartTimestamp(5_000L)
                                        .setStreamEndTimestamp(4_000L)
                                        .build())
                .hasMessageContaining("tunnel.stream.end-timestamp");
        assertThatThrownBy(() -> valid().setStreamEndTimestamp(4_000L).build())
                .hasMessageContaining("tunnel.stream.end-timestamp")
                .hasMessageContaining("STREAM tunnels only");
        assertThatThrownBy(
                        () ->
                                valid().setTunnelType(TunnelType.BASE_DATA)
                                        .setStreamStartEarliest()
                                        .build())
                .hasMessageContaining("tunnel.stream.start");
        assertThatThrownBy(() -> valid().setProperty("tunnel.heartbeat.intervall", "10 s").build())
                .hasMessageContaining("Unknown option 'tunnel.heartbeat.intervall'");
        assertThatThrownBy(() -> valid().setProperty("tunnel.heartbeat.interval", "soon").build())
                .hasMessageContaining("tunnel.heartbeat.interval");
    }

    @Test
    void propertiesAreAcceptedByKey() {
        TunnelSourceConfig c =
                valid().setProperty("tunnel.heartbeat.interval", "10 s")
                        .setProperty("tunnel.read.max-parallel-channels", "3")
                        .build()
                        .config();
        assertThat(c.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.maxParallelChannels()).isEqualTo(3);
    }

    @Test
    void theHeartbeatMinimumIsLoweredOnlyThroughTheTestHook() {
        assertThat(
                        valid().forTesting(f -> f, Duration.ofMillis(50))
                                .setHeartbeatInterval(Duration.ofMillis(100))
                                .build()
                                .config()
                                .heartbeatInterval())
                .isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void secretsNeverShowAndTheSourceIsSerializable() throws Exception {
        TunnelSource<String> source = valid().build();
        assertThat(source.toString())
                .contains("orders")
                .contains("my-instance")
                .doesNotContain("s3cr3t");
        assertThat(source.config().clientFactory().toString()).doesNotContain("s3cr3t");
        TunnelSource<String> copy = InstantiationUtil.clone(source);
        assertThat(copy.config().tunnelName()).isEqualTo("flink-orders");
    }

    @Test
    void refreshingProvidersMustComeThroughAFactory() {
        RefreshingCredentialsProvider refreshing =
                RefreshingCredentialsProvider.builder(
                                () ->
                                        io.github.tablestore.flink.tunnel.client.auth.Credentials
                                                .of("a", "b", "c"))
                        .build();
        assertThatThrownBy(() -> valid().setCredentials(refreshing))
                .hasMessageContaining("setCredentialsFactory");
    }
}

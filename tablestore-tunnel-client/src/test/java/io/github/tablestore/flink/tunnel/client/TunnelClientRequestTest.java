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

import io.github.tablestore.flink.tunnel.client.auth.Credentials;
import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.auth.OtsHeaders;
import io.github.tablestore.flink.tunnel.client.auth.RefreshingCredentialsProvider;
import io.github.tablestore.flink.tunnel.client.auth.TablestoreSignatures;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.StreamRecordOptions;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.proto.TableProtos;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes over the wire: headers, signatures and the request protobufs of every call. */
class TunnelClientRequestTest {
    private final MockService service;

    TunnelClientRequestTest() throws Exception {
        service = new MockService();
    }

    @AfterEach
    void close() {
        service.close();
    }

    private static TunnelProtos.ConnectResponse connected() {
        return TunnelProtos.ConnectResponse.newBuilder().setClientId("client-1").build();
    }

    @Test
    void everyRequiredHeaderIsPresentAndTheV2SignatureVerifies() throws Exception {
        service.ok(connected());
        try (TunnelClient client = service.client()) {
            client.connect("tunnel-1", 300, "host-a");
        }
        RecordedRequest r = service.take();
        Map<String, String> h = MockService.headers(r);
        byte[] body = MockService.body(r);

        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/tunnel/connect");
        assertThat(h.get(OtsHeaders.DATE))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(h)
                .containsEntry(OtsHeaders.API_VERSION, "2015-12-31")
                .containsEntry(OtsHeaders.ACCESS_KEY_ID, MockService.AKID)
                .containsEntry(OtsHeaders.INSTANCE_NAME, MockService.INSTANCE)
                .containsEntry(OtsHeaders.CONTENT_MD5, TablestoreSignatures.contentMd5(body))
                .containsEntry("User-Agent", TunnelClientConfig.DEFAULT_USER_AGENT)
                .doesNotContainKeys(
                        OtsHeaders.STS_TOKEN,
                        OtsHeaders.RESPONSE_COMPRESS_TYPE,
                        OtsHeaders.SIGNATURE_V4,
                        OtsHeaders.SIGN_DATE,
                        OtsHeaders.SIGN_REGION);
        assertThat(h.get(OtsHeaders.SIGNATURE))
                .isEqualTo(TablestoreSignatures.signV2("/tunnel/connect", h, MockService.SECRET));
        assertThat(TunnelProtos.ConnectRequest.parseFrom(body))
                .isEqualTo(
                        TunnelProtos.ConnectRequest.newBuilder()
                                .setTunnelId("tunnel-1")
                                .setClientConfig(
                                        TunnelProtos.ClientConfig.newBuilder()
                                                .setTimeout(300)
                                                .setClientTag("host-a"))
                                .build());
    }

    @Test
    void requestCompressionSendsASignedZlibBodyWithItsRawSize() throws Exception {
        service.ok(connected());
        try (TunnelClient client =
                TunnelClients.create(service.config().requestCompression(true).build())) {
            client.connect("tunnel-1", 300, "host-a");
        }
        RecordedRequest r = service.take();
        Map<String, String> h = MockService.headers(r);
        byte[] sent = MockService.body(r);
        byte[] raw =
                TunnelProtos.ConnectRequest.newBuilder()
                        .setTunnelId("tunnel-1")
                        .setClientConfig(
                                TunnelProtos.ClientConfig.newBuilder()
                                        .setTimeout(300)
                                        .setClientTag("host-a"))
                        .build()
                        .toByteArray();
        assertThat(h)
                .containsEntry(OtsHeaders.REQUEST_COMPRESS_TYPE, "deflate")
                .containsEntry(OtsHeaders.REQUEST_COMPRESS_SIZE, Integer.toString(raw.length))
                .containsEntry(OtsHeaders.CONTENT_MD5, TablestoreSignatures.contentMd5(sent));
        assertThat(h.get(OtsHeaders.SIGNATURE))
                .isEqualTo(TablestoreSignatures.signV2("/tunnel/connect", h, MockService.SECRET));
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        inflater.setInput(sent);
        byte[] inflated = new byte[raw.length];
        assertThat(inflater.inflate(inflated)).isEqualTo(raw.length);
        assertThat(inflater.finished()).isTrue();
        inflater.end();
        assertThat(inflated).isEqualTo(raw);
    }

    @Test
    void v4SignatureIsScopedToTheRequestDayAndRegion() throws Exception {
        service.ok(connected());
        try (TunnelClient client =
                TunnelClients.create(service.config().signatureV4("cn-hangzhou").build())) {
            client.connect("tunnel-1", 60, null);
        }
        RecordedRequest r = service.take();
        Map<String, String> h = MockService.headers(r);
        String day = h.get(OtsHeaders.DATE).substring(0, 10).replace("-", "");
        assertThat(h)
                .containsEntry(OtsHeaders.SIGN_DATE, day)
                .containsEntry(OtsHeaders.SIGN_REGION, "cn-hangzhou")
                .doesNotContainKey(OtsHeaders.SIGNATURE);
        assertThat(h.get(OtsHeaders.SIGNATURE_V4))
                .isEqualTo(
                        TablestoreSignatures.signV4(
                                "/tunnel/connect", h, MockService.SECRET, day, "cn-hangzhou"));
    }

    @Test
    void stsTokenIsSentAndSigned() throws Exception {
        service.ok(connected());
        TunnelClientConfig config =
                service.config()
                        .credentialsProvider(
                                CredentialsProvider.of("STS.id", MockService.SECRET, "token-123"))
                        .build();
        try (TunnelClient client = TunnelClients.create(config)) {
            client.connect("tunnel-1", 60, null);
        }
        Map<String, String> h = MockService.headers(service.take());
        assertThat(h)
                .containsEntry(OtsHeaders.STS_TOKEN, "token-123")
                .containsEntry(OtsHeaders.ACCESS_KEY_ID, "STS.id");
        assertThat(h.get(OtsHeaders.SIGNATURE))
                .isEqualTo(TablestoreSignatures.signV2("/tunnel/connect", h, MockService.SECRET));
        h.remove(OtsHeaders.STS_TOKEN);
        assertThat(h.get(OtsHeaders.SIGNATURE))
                .as("the token is covered by the signature")
                .isNotEqualTo(
                        TablestoreSignatures.signV2("/tunnel/connect", h, MockService.SECRET));
    }

    @Test
    void refreshingProviderRotatesCredentialsBetweenCalls() throws Exception {
        ManualClock clock = new ManualClock();
        AtomicInteger fetches = new AtomicInteger();
        RefreshingCredentialsProvider provider =
                RefreshingCredentialsProvider.builder(
                                () -> {
                                    int n = fetches.incrementAndGet();
                                    return Credentials.of(
                                            "STS.id" + n, "secret-" + n, "token-" + n);
                                })
                        .refreshInterval(Duration.ofMinutes(30))
                        .clock(clock)
                        .build();
        for (int i = 0; i < 3; i++) {
            service.ok(connected());
        }
        try (TunnelClient client =
                TunnelClients.create(service.config().credentialsProvider(provider).build())) {
            client.connect("t", 60, null);
            client.connect("t", 60, null);
            clock.advance(Duration.ofMinutes(31));
            client.connect("t", 60, null);
        }
        Map<String, String> first = MockService.headers(service.take());
        Map<String, String> second = MockService.headers(service.take());
        Map<String, String> third = MockService.headers(service.take());
        assertThat(first).containsEntry(OtsHeaders.STS_TOKEN, "token-1");
        assertThat(second).containsEntry(OtsHeaders.STS_TOKEN, "token-1");
        assertThat(third)
                .containsEntry(OtsHeaders.STS_TOKEN, "token-2")
                .containsEntry(OtsHeaders.ACCESS_KEY_ID, "STS.id2");
        assertThat(third.get(OtsHeaders.SIGNATURE))
                .isEqualTo(TablestoreSignatures.signV2("/tunnel/connect", third, "secret-2"));
        assertThat(fetches).hasValue(2);
    }

    @Test
    void responseCompressionIsRequestedWhenEnabledAndUserAgentIsConfigurable() throws Exception {
        service.ok(connected());
        try (TunnelClient client =
                TunnelClients.create(
                        service.config()
                                .responseCompression(true)
                                .userAgent("my-agent/1.0")
                                .build())) {
            client.connect("tunnel-1", 60, null);
        }
        Map<String, String> h = MockService.headers(service.take());
        assertThat(h)
                .containsEntry(OtsHeaders.RESPONSE_COMPRESS_TYPE, "deflate")
                .containsEntry("User-Agent", "my-agent/1.0");
        assertThat(h.get(OtsHeaders.SIGNATURE))
                .isEqualTo(TablestoreSignatures.signV2("/tunnel/connect", h, MockService.SECRET));
    }

    @Test
    void createTunnelSendsStreamSettingsInNanoseconds() throws Exception {
        for (int i = 0; i < 4; i++) {
            service.ok(
                    TunnelProtos.CreateTunnelResponse.newBuilder().setTunnelId("id-" + i).build());
        }
        try (TunnelClient client = service.client()) {
            assertThat(
                            client.createTunnel(
                                    CreateTunnelRequest.builder("t", "base", TunnelType.BASE_DATA)
                                            .build()))
                    .isEqualTo("id-0");
            client.createTunnel(
                    CreateTunnelRequest.builder("t", "s1", TunnelType.STREAM)
                            .streamStartMillis(1_700_000_000_123L)
                            .streamEndMillis(1_700_000_360_000L)
                            .build());
            client.createTunnel(
                    CreateTunnelRequest.builder("t", "s2", TunnelType.STREAM)
                            .streamStart(CreateTunnelRequest.StreamStart.EARLIEST)
                            .build());
            client.createTunnel(
                    CreateTunnelRequest.builder("t", "bs", TunnelType.BASE_AND_STREAM).build());
        }
        assertThat(tunnelOf(service.take()))
                .isEqualTo(
                        TunnelProtos.Tunnel.newBuilder()
                                .setTableName("t")
                                .setTunnelName("base")
                                .setTunnelType(TunnelProtos.TunnelType.BaseData)
                                .build());
        assertThat(tunnelOf(service.take()).getStreamTunnelConfig())
                .isEqualTo(
                        TunnelProtos.StreamTunnelConfig.newBuilder()
                                .setStartOffset(1_700_000_000_123_000_000L)
                                .setEndOffset(1_700_000_360_000_000_000L)
                                .build());
        assertThat(tunnelOf(service.take()).getStreamTunnelConfig())
                .isEqualTo(
                        TunnelProtos.StreamTunnelConfig.newBuilder()
                                .setFlag(TunnelProtos.StartOffsetFlag.EARLIEST)
                                .build());
        TunnelProtos.Tunnel bs = tunnelOf(service.take());
        assertThat(bs.getTunnelType()).isEqualTo(TunnelProtos.TunnelType.BaseAndStream);
        assertThat(bs.getStreamTunnelConfig())
                .isEqualTo(
                        TunnelProtos.StreamTunnelConfig.newBuilder()
                                .setFlag(TunnelProtos.StartOffsetFlag.LATEST)
                                .build());
        assertThat(bs.getStreamTunnelConfig().hasEndOffset()).isFalse();
    }

    @Test
    void createTunnelSendsStreamRecordOptionsAsField7() throws Exception {
        service.ok(TunnelProtos.CreateTunnelResponse.newBuilder().setTunnelId("id").build());
        service.ok(TunnelProtos.CreateTunnelResponse.newBuilder().setTunnelId("id").build());
        service.ok(TunnelProtos.CreateTunnelResponse.newBuilder().setTunnelId("id").build());
        try (TunnelClient client = service.client()) {
            client.createTunnel(
                    CreateTunnelRequest.builder("t", "s", TunnelType.STREAM)
                            .streamRecordOptions(StreamRecordOptions.fullRowImagesWithBefore())
                            .build());
            client.createTunnel(
                    CreateTunnelRequest.builder("t", "n", TunnelType.BASE_AND_STREAM)
                            .streamRecordOptions(
                                    new StreamRecordOptions(
                                            StreamRecordOptions.Columns.input(),
                                            StreamRecordOptions.Columns.specified(
                                                    List.of("a", "b"))))
                            .build());
            client.createTunnel(
                    CreateTunnelRequest.builder("t", "b", TunnelType.BASE_DATA)
                            .streamRecordOptions(StreamRecordOptions.fullRowImages())
                            .build());
        }
        // Bytes from the field numbers alone: Tunnel.stream_record_options = 7 (0x3A) holding
        // old_columns_to_get = 4 (0x22) and new_columns_to_get = 5 (0x2A), each a StreamColumn
        // {type = 1 (0x08): SPECIFIED_COLUMN 1, INPUT_COLUMNS 2, ALL_COLUMNS 3; column_name = 2}.
        byte[] all = MockService.body(service.take());
        assertThat(hex(all)).endsWith("3a08" + "22020803" + "2a020803");
        byte[] named = MockService.body(service.take());
        assertThat(hex(named))
                .endsWith("3a0e" + "22020802" + "2a08" + "0801" + "1201" + "61" + "1201" + "62");
        assertThat(tunnelOf(service.take()).hasStreamRecordOptions()).isFalse();
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }

    private static TunnelProtos.Tunnel tunnelOf(RecordedRequest r) throws Exception {
        assertThat(r.getUrl().encodedPath()).isEqualTo("/tunnel/create");
        return TunnelProtos.CreateTunnelRequest.parseFrom(MockService.body(r)).getTunnel();
    }

    @Test
    void everyOtherCallSendsItsPathAndRequestMessage() throws Exception {
        TunnelProtos.TunnelInfo info = TunnelClientRoundTripTest.tunnelInfo();
        service.ok(TunnelProtos.DeleteTunnelResponse.getDefaultInstance());
        service.ok(TunnelProtos.ListTunnelResponse.getDefaultInstance());
        service.ok(TunnelProtos.DescribeTunnelResponse.newBuilder().setTunnel(info).build());
        service.ok(TunnelProtos.HeartbeatResponse.getDefaultInstance());
        service.ok(TunnelProtos.ShutdownResponse.getDefaultInstance());
        service.ok(
                TunnelProtos.GetCheckpointResponse.newBuilder()
                        .setCheckpoint("tok")
                        .setSequenceNumber(3)
                        .build());
        service.ok(TunnelProtos.ReadRecordsResponse.newBuilder().setNextToken("next").build());
        service.ok(TunnelProtos.CheckpointResponse.getDefaultInstance());
        service.ok(TunnelClientRoundTripTest.describeTableResponse());
        service.ok(
                TableProtos.DescribeStreamResponse.newBuilder()
                        .setStreamId("s")
                        .setExpirationTime(24)
                        .setTableName("t")
                        .setCreationTime(1)
                        .setStreamStatus(TableProtos.StreamStatus.STREAM_ACTIVE)
                        .build());

        try (TunnelClient client = service.client()) {
            client.deleteTunnel("t", "n");
            client.listTunnels("t");
            client.describeTunnel("t", "n");
            client.heartbeat(
                    "tid",
                    "cid",
                    List.of(
                            new ChannelState("ch1", 4, ChannelStatus.OPEN),
                            new ChannelState("ch2", 7, ChannelStatus.TERMINATED)));
            client.shutdown("tid", "cid");
            client.getCheckpoint("tid", "cid", "ch1");
            client.readRecords("tid", "cid", "ch1", "tok");
            client.checkpoint("tid", "cid", "ch1", "next", 4);
            client.describeTable("t");
            client.describeStreamShards("s");
        }

        expect(
                "/tunnel/delete",
                TunnelProtos.DeleteTunnelRequest.newBuilder()
                        .setTableName("t")
                        .setTunnelName("n")
                        .build());
        expect(
                "/tunnel/list",
                TunnelProtos.ListTunnelRequest.newBuilder().setTableName("t").build());
        expect(
                "/tunnel/describe",
                TunnelProtos.DescribeTunnelRequest.newBuilder()
                        .setTableName("t")
                        .setTunnelName("n")
                        .build());
        expect(
                "/tunnel/heartbeat",
                TunnelProtos.HeartbeatRequest.newBuilder()
                        .setTunnelId("tid")
                        .setClientId("cid")
                        .addChannels(
                                TunnelProtos.Channel.newBuilder()
                                        .setChannelId("ch1")
                                        .setVersion(4)
                                        .setStatus(TunnelProtos.ChannelStatus.OPEN))
                        .addChannels(
                                TunnelProtos.Channel.newBuilder()
                                        .setChannelId("ch2")
                                        .setVersion(7)
                                        .setStatus(TunnelProtos.ChannelStatus.TERMINATED))
                        .build());
        expect(
                "/tunnel/shutdown",
                TunnelProtos.ShutdownRequest.newBuilder()
                        .setTunnelId("tid")
                        .setClientId("cid")
                        .build());
        expect(
                "/tunnel/getcheckpoint",
                TunnelProtos.GetCheckpointRequest.newBuilder()
                        .setTunnelId("tid")
                        .setClientId("cid")
                        .setChannelId("ch1")
                        .build());
        expect(
                "/tunnel/readrecords",
                TunnelProtos.ReadRecordsRequest.newBuilder()
                        .setTunnelId("tid")
                        .setClientId("cid")
                        .setChannelId("ch1")
                        .setToken("tok")
                        .build());
        expect(
                "/tunnel/checkpoint",
                TunnelProtos.CheckpointRequest.newBuilder()
                        .setTunnelId("tid")
                        .setClientId("cid")
                        .setChannelId("ch1")
                        .setCheckpoint("next")
                        .setSequenceNumber(4)
                        .build());
        expect(
                "/DescribeTable",
                TableProtos.DescribeTableRequest.newBuilder().setTableName("t").build());
        expect(
                "/DescribeStream",
                TableProtos.DescribeStreamRequest.newBuilder().setStreamId("s").build());
    }

    private void expect(String path, com.google.protobuf.Message expected) throws Exception {
        RecordedRequest r = service.take();
        assertThat(r.getUrl().encodedPath()).isEqualTo(path);
        byte[] body = MockService.body(r);
        assertThat(expected.getParserForType().parseFrom(body)).isEqualTo(expected);
        Map<String, String> h = MockService.headers(r);
        assertThat(h.get(OtsHeaders.CONTENT_MD5)).isEqualTo(TablestoreSignatures.contentMd5(body));
        assertThat(h.get(OtsHeaders.SIGNATURE))
                .isEqualTo(TablestoreSignatures.signV2(path, h, MockService.SECRET));
    }
}

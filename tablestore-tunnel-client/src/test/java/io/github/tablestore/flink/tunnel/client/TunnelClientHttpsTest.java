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

import io.github.tablestore.flink.tunnel.client.auth.OtsHeaders;
import io.github.tablestore.flink.tunnel.client.auth.TablestoreSignatures;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;

import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client over TLS, trusting a test CA through the config's trust manager. */
class TunnelClientHttpsTest {
    private final MockService service;
    private final HeldCertificate certificate;

    TunnelClientHttpsTest() throws Exception {
        service = new MockService();
        certificate =
                new HeldCertificate.Builder()
                        .addSubjectAlternativeName(service.server.getHostName())
                        .build();
        service.server.useHttps(
                new HandshakeCertificates.Builder()
                        .heldCertificate(certificate)
                        .build()
                        .sslSocketFactory());
    }

    @AfterEach
    void close() {
        service.close();
    }

    private String httpsEndpoint() {
        return service.endpoint().replace("http://", "https://");
    }

    @Test
    void callsGoOverTlsWhenTheServerIsTrusted() throws Exception {
        HandshakeCertificates trust =
                new HandshakeCertificates.Builder()
                        .addTrustedCertificate(certificate.certificate())
                        .build();
        service.ok(TunnelProtos.ConnectResponse.newBuilder().setClientId("cid").build());
        TunnelClientConfig config =
                service.config()
                        .endpoint(httpsEndpoint())
                        .trustManager(trust.trustManager())
                        .build();
        assertThat(config.toString()).contains("customTrust");
        try (TunnelClient client = TunnelClients.create(config)) {
            assertThat(client.connect("tid", 60, null)).isEqualTo("cid");
        }
        RecordedRequest r = service.take();
        assertThat(r.getHandshake()).isNotNull();
        Map<String, String> h = MockService.headers(r);
        assertThat(h.get(OtsHeaders.SIGNATURE))
                .isEqualTo(TablestoreSignatures.signV2("/tunnel/connect", h, MockService.SECRET));
    }

    @Test
    void untrustedServerIsANetworkError() {
        TunnelClientConfig config = service.config().endpoint(httpsEndpoint()).build();
        try (TunnelClient client = TunnelClients.create(config)) {
            TablestoreException e =
                    catchThrowableOfType(
                            TablestoreException.class, () -> client.connect("tid", 60, null));
            assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_NETWORK_ERROR);
            assertThat(e.getCause()).isInstanceOf(javax.net.ssl.SSLException.class);
        }
    }
}

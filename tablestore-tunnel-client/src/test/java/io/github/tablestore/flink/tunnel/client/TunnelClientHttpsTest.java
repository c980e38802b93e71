package io.github.tablestore.flink.tunnel.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.tablestore.flink.tunnel.client.auth.OtsHeaders;
import io.github.tablestore.flink.tunnel.client.auth.TablestoreSignatures;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client over TLS, trusting a test CA through the config's trust manager. */
class TunnelClientHttpsTest {
    private final MockService service;
    private final HeldCertificate certificate;

    TunnelClientHttpsTest() throws Exception {
        service = new MockService();
        certificate = new HeldCertificate.Builder().addSubjectAlternativeName(service.server.getHostName()).build();
        service.server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
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
        HandshakeCertificates trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(certificate.certificate()).build();
        service.ok(TunnelProtos.ConnectResponse.newBuilder().setClientId("cid").build());
        TunnelClientConfig config = service.config().endpoint(httpsEndpoint()).trustManager(trust.trustManager()).build();
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
            TablestoreException e = catchThrowableOfType(TablestoreException.class, () -> client.connect("tid", 60, null));
            assertThat(e.errorCode()).isEqualTo(ErrorCodes.CLIENT_NETWORK_ERROR);
            assertThat(e.getCause()).isInstanceOf(javax.net.ssl.SSLException.class);
        }
    }
}

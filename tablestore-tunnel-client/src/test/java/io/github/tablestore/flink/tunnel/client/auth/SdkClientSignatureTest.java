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

import io.github.tablestore.flink.tunnel.client.proto.TableProtos;

import com.alicloud.openservices.tablestore.ClientConfiguration;
import com.alicloud.openservices.tablestore.ClientException;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.core.auth.DefaultCredentialProvider;
import com.alicloud.openservices.tablestore.core.auth.DefaultCredentials;
import com.alicloud.openservices.tablestore.core.auth.V4Credentials;
import com.alicloud.openservices.tablestore.model.NoRetryStrategy;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The unmodified official {@code SyncClient} against a local server that uses only our
 * signature functions: they verify the SDK's real request signatures (V2 and V4) and produce
 * response signatures the SDK's default response validation accepts. This is how the emulator
 * will use them.
 */
class SdkClientSignatureTest {
    private static final String AKID = "LTAI5tExampleKeyId";
    private static final String SECRET = "example-secret-0123456789";
    private static final String INSTANCE = "inst";

    private final MockWebServer server = new MockWebServer();
    private final List<String> verdicts = new CopyOnWriteArrayList<>();
    private volatile boolean corruptResponseSignature;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(
                new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return answer(request);
                    }
                });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MockResponse answer(RecordedRequest request) {
        Map<String, String> received = new LinkedHashMap<>();
        request.getHeaders().forEach(p -> received.put(p.getFirst(), p.getSecond()));
        String path = request.getUrl().encodedPath();
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();

        boolean md5Ok =
                TablestoreSignatures.contentMd5(body).equals(received.get(OtsHeaders.CONTENT_MD5));
        boolean signatureOk;
        // The SDK checks a response with the secret it signed the request with: for V4 that is
        // the derived signing key, not the AccessKey secret.
        String responseSecret = SECRET;
        if (received.containsKey(OtsHeaders.SIGNATURE_V4)) {
            String signingKey =
                    TablestoreSignatures.v4SigningKey(
                            SECRET,
                            received.get(OtsHeaders.SIGN_DATE),
                            received.get(OtsHeaders.SIGN_REGION));
            String expected = TablestoreSignatures.signV4WithKey(path, received, signingKey);
            signatureOk =
                    TablestoreSignatures.signaturesMatch(
                            expected, received.get(OtsHeaders.SIGNATURE_V4));
            verdicts.add("v4:" + signatureOk + ":" + md5Ok);
            responseSecret = signingKey;
        } else {
            String expected = TablestoreSignatures.signV2(path, received, SECRET);
            signatureOk =
                    TablestoreSignatures.signaturesMatch(
                            expected, received.get(OtsHeaders.SIGNATURE));
            verdicts.add("v2:" + signatureOk + ":" + md5Ok);
        }

        byte[] responseBody =
                TableProtos.ListTableResponse.newBuilder()
                        .addTableNames("t1")
                        .addTableNames("t2")
                        .build()
                        .toByteArray();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(OtsHeaders.CONTENT_MD5, TablestoreSignatures.contentMd5(responseBody));
        headers.put(OtsHeaders.CONTENT_TYPE, OtsHeaders.CONTENT_TYPE_PROTOBUF);
        headers.put(OtsHeaders.DATE, "2024-01-01T00:00:00.000000Z");
        headers.put(OtsHeaders.REQUEST_ID, "req-1");
        String authorization =
                TablestoreSignatures.responseAuthorization(AKID, path, headers, responseSecret);
        if (corruptResponseSignature) {
            authorization = authorization.substring(0, authorization.length() - 2) + "xx";
        }
        MockResponse.Builder response =
                new MockResponse.Builder()
                        .code(200)
                        .body(new Buffer().write(responseBody))
                        .addHeader(OtsHeaders.AUTHORIZATION, authorization);
        headers.forEach(response::addHeader);
        return response.build();
    }

    private SyncClient v2Client() {
        ClientConfiguration conf = new ClientConfiguration();
        conf.setRetryStrategy(new NoRetryStrategy());
        return new SyncClient(server.url("/").toString(), AKID, SECRET, INSTANCE, conf);
    }

    @Test
    void sdkV2RequestVerifiesAndOurResponseSignatureIsAccepted() {
        SyncClient client = v2Client();
        try {
            assertThat(client.listTable().getTableNames()).containsExactly("t1", "t2");
        } finally {
            client.shutdown();
        }
        assertThat(verdicts).containsExactly("v2:true:true");
    }

    @Test
    void sdkV4RequestVerifiesAndResponseSignedWithTheV4KeyIsAccepted() {
        ClientConfiguration conf = new ClientConfiguration();
        conf.setRetryStrategy(new NoRetryStrategy());
        V4Credentials v4 =
                V4Credentials.createByServiceCredentials(
                        new DefaultCredentials(AKID, SECRET), "cn-hangzhou");
        SyncClient client =
                new SyncClient(
                        server.url("/").toString(),
                        new DefaultCredentialProvider(v4),
                        INSTANCE,
                        conf,
                        null);
        try {
            assertThat(client.listTable().getTableNames()).containsExactly("t1", "t2");
        } finally {
            client.shutdown();
        }
        assertThat(verdicts).containsExactly("v4:true:true");
    }

    @Test
    void sdkRejectsAWrongResponseSignature() {
        corruptResponseSignature = true;
        SyncClient client = v2Client();
        try {
            assertThatThrownBy(client::listTable)
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("Validate response authorization failed");
        } finally {
            client.shutdown();
        }
    }
}

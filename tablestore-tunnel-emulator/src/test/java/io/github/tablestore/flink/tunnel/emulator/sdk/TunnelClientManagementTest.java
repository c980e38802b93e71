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

package io.github.tablestore.flink.tunnel.emulator.sdk;

import io.github.tablestore.flink.tunnel.client.model.StreamRange;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;

import com.alicloud.openservices.tablestore.ClientConfiguration;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.TunnelClient;
import com.alicloud.openservices.tablestore.model.tunnel.ChannelInfo;
import com.alicloud.openservices.tablestore.model.tunnel.CreateTunnelRequest;
import com.alicloud.openservices.tablestore.model.tunnel.DeleteTunnelRequest;
import com.alicloud.openservices.tablestore.model.tunnel.DescribeTunnelRequest;
import com.alicloud.openservices.tablestore.model.tunnel.DescribeTunnelResponse;
import com.alicloud.openservices.tablestore.model.tunnel.ListTunnelRequest;
import com.alicloud.openservices.tablestore.model.tunnel.StartOffsetFlag;
import com.alicloud.openservices.tablestore.model.tunnel.StreamTunnelConfig;
import com.alicloud.openservices.tablestore.model.tunnel.TunnelInfo;
import com.alicloud.openservices.tablestore.model.tunnel.TunnelType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official SDK's TunnelClient managing tunnels on the emulator, and its error codes. */
class TunnelClientManagementTest {
    private static TablestoreEmulator emulator;
    private static SyncClient sync;
    private static TunnelClient tunnels;

    @BeforeAll
    static void start() {
        emulator = TablestoreEmulator.builder().partitions(3).start();
        sync = SdkFixtures.syncClient(emulator);
        tunnels = SdkFixtures.tunnelClient(emulator);
        SdkFixtures.createTable(sync, "managed");
    }

    @AfterAll
    static void stop() {
        tunnels.shutdown();
        sync.shutdown();
        emulator.close();
    }

    @Test
    void createsListsDescribesAndDeletesTunnels() {
        String id =
                tunnels.createTunnel(
                                new CreateTunnelRequest(
                                        "managed", "full", TunnelType.BaseAndStream))
                        .getTunnelId();
        tunnels.createTunnel(new CreateTunnelRequest("managed", "changes", TunnelType.Stream));

        List<TunnelInfo> listed =
                tunnels.listTunnel(new ListTunnelRequest("managed")).getTunnelInfos();
        assertThat(listed).extracting(TunnelInfo::getTunnelName).containsExactly("full", "changes");

        DescribeTunnelResponse described =
                tunnels.describeTunnel(new DescribeTunnelRequest("managed", "full"));
        TunnelInfo info = described.getTunnelInfo();
        assertThat(info.getTunnelId()).isEqualTo(id);
        assertThat(info.getTunnelType()).isEqualTo(TunnelType.BaseAndStream);
        assertThat(info.getInstanceName()).isEqualTo(emulator.instanceName());
        assertThat(info.getStage().name()).isEqualTo("ProcessBaseData");
        assertThat(described.getChannelInfos()).hasSize(6);
        assertThat(described.getChannelInfos())
                .filteredOn(c -> c.getChannelId().startsWith("BaseData_"))
                .hasSize(3);
        assertThat(described.getChannelInfos())
                .extracting(ChannelInfo::getChannelStatus)
                .allSatisfy(s -> assertThat(s.name()).isEqualTo("WAIT"));

        tunnels.deleteTunnel(new DeleteTunnelRequest("managed", "full"));
        assertThat(tunnels.listTunnel(new ListTunnelRequest("managed")).getTunnelInfos())
                .extracting(TunnelInfo::getTunnelName)
                .containsExactly("changes");
    }

    @Test
    void theStreamRangeTheSdkCreatesIsWhatBothClientsDescribe() {
        ClientConfiguration compressing = new ClientConfiguration();
        compressing.setEnableRequestCompression(true);
        TunnelClient sdk =
                new TunnelClient(
                        emulator.endpoint(),
                        emulator.accessKeyId(),
                        emulator.accessKeySecret(),
                        emulator.instanceName(),
                        compressing);
        long start = emulator.clock().millis() - 60_000;
        try (io.github.tablestore.flink.tunnel.client.TunnelClient own = emulator.client()) {
            CreateTunnelRequest window =
                    new CreateTunnelRequest("managed", "window", TunnelType.Stream);
            window.setStreamTunnelConfig(new StreamTunnelConfig(start, start + 30_000));
            sdk.createTunnel(window);
            CreateTunnelRequest earliest =
                    new CreateTunnelRequest("managed", "earliest", TunnelType.Stream);
            earliest.setStreamTunnelConfig(new StreamTunnelConfig(StartOffsetFlag.EARLIEST));
            sdk.createTunnel(earliest);

            StreamTunnelConfig seen =
                    sdk.describeTunnel(new DescribeTunnelRequest("managed", "window"))
                            .getTunnelInfo()
                            .getStreamTunnelConfig();
            assertThat(seen.getStartOffset()).isEqualTo(start);
            assertThat(seen.getEndOffset()).isEqualTo(start + 30_000);
            StreamRange ours = own.describeTunnel("managed", "window").tunnel().streamRange();
            assertThat(ours.startMillis()).isEqualTo(start);
            assertThat(ours.endMillis()).isEqualTo(start + 30_000);

            assertThat(
                            sdk.describeTunnel(new DescribeTunnelRequest("managed", "earliest"))
                                    .getTunnelInfo()
                                    .getStreamTunnelConfig()
                                    .getFlag())
                    .isEqualTo(StartOffsetFlag.EARLIEST);
            StreamRange flagged = own.describeTunnel("managed", "earliest").tunnel().streamRange();
            assertThat(flagged.startFlag())
                    .isEqualTo(
                            io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest
                                    .StreamStart.EARLIEST);
            assertThat(flagged.startMillis()).isZero();
        } finally {
            sdk.deleteTunnel(new DeleteTunnelRequest("managed", "window"));
            sdk.deleteTunnel(new DeleteTunnelRequest("managed", "earliest"));
            sdk.shutdown();
        }
    }

    @Test
    void describesAStreamTunnelsStartAsCreated() {
        CreateTunnelRequest request =
                new CreateTunnelRequest("managed", "from-earliest", TunnelType.Stream);
        request.setStreamTunnelConfig(new StreamTunnelConfig(StartOffsetFlag.EARLIEST));
        tunnels.createTunnel(request);
        TunnelInfo info =
                tunnels.describeTunnel(new DescribeTunnelRequest("managed", "from-earliest"))
                        .getTunnelInfo();
        assertThat(info.getStreamTunnelConfig().getFlag()).isEqualTo(StartOffsetFlag.EARLIEST);
        tunnels.deleteTunnel(new DeleteTunnelRequest("managed", "from-earliest"));
    }

    @Test
    void aDuplicateNameGivesTunnelExist() {
        tunnels.createTunnel(new CreateTunnelRequest("managed", "twice", TunnelType.BaseData));
        assertThatThrownBy(
                        () ->
                                tunnels.createTunnel(
                                        new CreateTunnelRequest(
                                                "managed", "twice", TunnelType.BaseData)))
                .isInstanceOfSatisfying(
                        TableStoreException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OTSTunnelExist"));
    }

    @Test
    void aMissingTunnelOrTableGivesParameterInvalid() {
        assertThatThrownBy(
                        () -> tunnels.describeTunnel(new DescribeTunnelRequest("managed", "nope")))
                .isInstanceOfSatisfying(
                        TableStoreException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OTSParameterInvalid"));
        assertThatThrownBy(
                        () ->
                                tunnels.createTunnel(
                                        new CreateTunnelRequest(
                                                "no_table", "t", TunnelType.Stream)))
                .isInstanceOfSatisfying(
                        TableStoreException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OTSParameterInvalid"));
    }

    @Test
    void aWrongSecretGivesAuthFailed() {
        TunnelClient wrong =
                new TunnelClient(
                        emulator.endpoint(),
                        emulator.accessKeyId(),
                        "wrong-secret",
                        emulator.instanceName());
        try {
            assertThatThrownBy(() -> wrong.listTunnel(new ListTunnelRequest("managed")))
                    .isInstanceOfSatisfying(
                            TableStoreException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo("OTSAuthFailed"));
        } finally {
            wrong.shutdown();
        }
    }
}

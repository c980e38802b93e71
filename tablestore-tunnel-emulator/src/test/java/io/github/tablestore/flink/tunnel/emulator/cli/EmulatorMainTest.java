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

package io.github.tablestore.flink.tunnel.emulator.cli;

import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;

import com.alicloud.openservices.tablestore.SyncClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The standalone entry point: options, help, ready line (its own process and clean stop on SIGTERM:
 * {@code EmulatorLauncherTest}).
 */
class EmulatorMainTest {

    @Test
    void parsesEveryOptionAndRejectsBadOnes() {
        CliOptions o =
                CliOptions.parse(
                        new String[] {
                            "--port",
                            "0",
                            "--instance",
                            "demo",
                            "--access-key-id=id",
                            "--access-key-secret",
                            "s3cret",
                            "--partitions",
                            "4",
                            "--host",
                            "127.0.0.1",
                            "--retention-hours",
                            "24"
                        });
        assertThat(o.port()).isZero();
        assertThat(o.instance()).isEqualTo("demo");
        assertThat(o.accessKeyId()).isEqualTo("id");
        assertThat(o.accessKeySecret()).isEqualTo("s3cret");
        assertThat(o.partitions()).isEqualTo(4);
        assertThat(o.retention()).isEqualTo(Duration.ofHours(24));
        assertThat(CliOptions.parse(new String[0]).port()).isEqualTo(8800);
        assertThat(CliOptions.parse(new String[] {"--help"}).help()).isTrue();
        assertThatThrownBy(() -> CliOptions.parse(new String[] {"--partitions", "0"}))
                .hasMessageContaining("--partitions");
        assertThatThrownBy(() -> CliOptions.parse(new String[] {"--port"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CliOptions.parse(new String[] {"--bogus", "1"}))
                .hasMessageContaining("unknown option");

        ByteArrayOutputStream help = new ByteArrayOutputStream();
        CliOptions.printHelp(new PrintStream(help, true, StandardCharsets.UTF_8));
        assertThat(help.toString(StandardCharsets.UTF_8))
                .contains("--partitions", "--access-key-secret", "SIGTERM");
    }

    @Test
    void startsAsTheOptionsSayAndTheSdkConnects() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliOptions o =
                CliOptions.parse(
                        new String[] {
                            "--port",
                            "0",
                            "--instance",
                            "demo",
                            "--access-key-id",
                            "id",
                            "--access-key-secret",
                            "secret",
                            "--partitions",
                            "3"
                        });
        try (TablestoreEmulator emulator =
                EmulatorMain.start(o, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .startsWith(EmulatorMain.READY)
                    .contains("endpoint=" + emulator.endpoint(), "instance=demo", "accessKeyId=id")
                    .doesNotContain("secret");
            SyncClient client = new SyncClient(emulator.endpoint(), "id", "secret", "demo");
            try {
                assertThat(client.listTable().getTableNames()).isEmpty();
            } finally {
                client.shutdown();
            }
        }
    }
}

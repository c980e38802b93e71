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

package io.github.tablestore.flink.tunnel.emulator.process;

import io.github.tablestore.flink.tunnel.emulator.cli.EmulatorMain;

import com.alicloud.openservices.tablestore.SyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real emulator processes: started from this JVM's class path, served over HTTP, stopped. */
class EmulatorLauncherTest {

    @Test
    void startsAProcessThatServesHttpAndIsGoneAfterClose(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("emulator.out");
        LaunchedEmulator emulator =
                EmulatorLauncher.builder()
                        .maxHeap("128m")
                        .jvmOptions("-XX:+UseSerialGC")
                        .arguments(
                                "--port",
                                "0",
                                "--instance",
                                "launched",
                                "--access-key-id",
                                "id",
                                "--access-key-secret",
                                "s3cret",
                                "--partitions",
                                "2")
                        .logFile(log)
                        .start();
        long pid = emulator.pid();
        try {
            assertThat(emulator.isAlive()).isTrue();
            assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(emulator.instanceName()).isEqualTo("launched");
            assertThat(emulator.accessKeyId()).isEqualTo("id");
            HttpResponse<String> state =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            emulator.endpoint() + "/admin/state"))
                                            .timeout(Duration.ofSeconds(30))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(state.statusCode()).isEqualTo(200);
            SyncClient client = new SyncClient(emulator.endpoint(), "id", "s3cret", "launched");
            try {
                assertThat(client.listTable().getTableNames()).isEmpty();
            } finally {
                client.shutdown();
            }
        } finally {
            emulator.close();
        }
        assertThat(emulator.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines.get(0))
                .startsWith("$ ")
                .contains(EmulatorMain.class.getName(), "--access-key-secret ****")
                .doesNotContain("s3cret");
        // SIGTERM first: the emulator stopped cleanly and said so.
        assertThat(lines).anyMatch(l -> l.startsWith(ReadyLine.PREFIX));
        assertThat(lines).contains("Tablestore emulator stopped.");
    }

    @Test
    void runsBehindACommandPrefixThatExecsJava(@TempDir Path dir) throws Exception {
        // env execs its program as taskset does: the launched process is the emulator's JVM.
        EmulatorLauncher launcher =
                EmulatorLauncher.builder()
                        .commandPrefix(List.of("env", "EMULATOR_PREFIX_TEST=1"))
                        .maxHeap("128m")
                        .arguments("--port", "0", "--partitions", "1")
                        .logFile(dir.resolve("prefixed.out"))
                        .build();
        assertThat(launcher.command()).startsWith("env", "EMULATOR_PREFIX_TEST=1");
        try (LaunchedEmulator emulator = launcher.start()) {
            assertThat(emulator.isAlive()).isTrue();
            assertThat(ProcessHandle.of(emulator.pid()).flatMap(h -> h.info().command()))
                    .hasValueSatisfying(c -> assertThat(c).endsWith("java"));
        }
    }

    @Test
    void aProcessThatExitsFailsTheStartWithItsOutput(@TempDir Path dir) {
        Path log = dir.resolve("bad.out");
        assertThatThrownBy(
                        () ->
                                EmulatorLauncher.builder()
                                        .arguments("--partitions", "0")
                                        .logFile(log)
                                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 2 before it was ready")
                .hasMessageContaining(log.toAbsolutePath().toString())
                .hasMessageContaining("--partitions");
    }

    @Test
    void aProcessThatNeverGetsReadyIsKilledAtTheTimeout(@TempDir Path dir) {
        EmulatorLauncher launcher =
                EmulatorLauncher.builder()
                        .mainClass(SilentMain.class.getName())
                        .logFile(dir.resolve("silent.out"))
                        .readyTimeout(Duration.ofSeconds(2))
                        .build();
        assertThatThrownBy(launcher::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not print its ready line within 2 s")
                .hasMessageContaining("silent and waiting");
        assertThat(
                        ProcessHandle.allProcesses()
                                .filter(
                                        h ->
                                                h.parent()
                                                        .map(ProcessHandle.current()::equals)
                                                        .orElse(false))
                                .filter(ProcessHandle::isAlive)
                                .anyMatch(
                                        h ->
                                                h.info()
                                                        .commandLine()
                                                        .orElse("")
                                                        .contains(SilentMain.class.getName())))
                .isFalse();
    }

    @Test
    void masksSecretsInTheLoggedCommand() {
        assertThat(
                        EmulatorLauncher.masked(
                                List.of("java", "--access-key-secret", "a", "--x-secret=b", "c")))
                .containsExactly("java", "--access-key-secret", "****", "--x-secret=****", "c");
    }

    /** A main class that never prints the ready line. */
    public static final class SilentMain {
        public static void main(String[] args) throws Exception {
            System.out.println("silent and waiting");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Until the launcher kills it.
            }
        }
    }
}

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

package io.github.tablestore.flink.tunnel.e2e.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Everything the end-to-end tests run against, started once per test run and shared by the test
 * classes: the emulator process and a Flink session cluster (JobManager + 2 TaskManagers), plus a
 * SQL Gateway started on first use. The Flink processes get the tunnel's credentials through their
 * environment ({@code TABLESTORE_ACCESS_KEY_ID/SECRET}), as the connector documents.
 *
 * <p>Work files live under {@code target/e2e/}: {@code cluster/conf}, {@code cluster/log} (one
 * log and one stdout file per process), {@code cluster/checkpoints}, and one directory per test.
 */
public final class E2eEnvironment implements AutoCloseable {
    public static final String INSTANCE = "e2e";
    public static final int TASK_MANAGERS = 2;
    private static final String ACCESS_KEY_ID = "e2e-access-key-id";
    private static final int PARTITIONS = 4;

    private final Path workDir;
    private final EmulatorProcess emulator;
    private final FlinkCluster cluster;
    private SqlGatewayClient sqlGateway;

    private E2eEnvironment(Path workDir, EmulatorProcess emulator, FlinkCluster cluster) {
        this.workDir = workDir;
        this.emulator = emulator;
        this.cluster = cluster;
    }

    /** Starts the emulator and the cluster in a clean {@code target/e2e}. */
    public static E2eEnvironment start() {
        Path workDir = E2eSettings.workDir();
        // The pid file lives next to the work directory, which is wiped.
        ProcessReaper.takeOver(workDir.resolveSibling(workDir.getFileName() + ".pids"), workDir);
        deleteRecursively(workDir);
        FlinkDistribution distribution = FlinkDistribution.fromBuild();
        Path clusterHome = workDir.resolve("cluster");
        EmulatorProcess emulator =
                EmulatorProcess.start(
                        E2eSettings.emulatorJar(),
                        clusterHome.resolve("log"),
                        ProcessReaper.marker(workDir),
                        INSTANCE,
                        ACCESS_KEY_ID,
                        "e2e-secret-" + UUID.randomUUID(),
                        PARTITIONS);
        FlinkCluster cluster = null;
        try {
            cluster =
                    FlinkCluster.start(
                            distribution,
                            clusterHome,
                            ProcessReaper.marker(workDir),
                            Map.of(
                                    "TABLESTORE_ACCESS_KEY_ID", emulator.accessKeyId(),
                                    "TABLESTORE_ACCESS_KEY_SECRET", emulator.accessKeySecret()),
                            TASK_MANAGERS);
            checkFlinkVersion(cluster);
            return new E2eEnvironment(workDir, emulator, cluster);
        } catch (RuntimeException | Error e) {
            Diagnostics.printLogs(System.out, emulator.logs(), "the cluster did not start: " + e);
            if (cluster != null) {
                cluster.close();
            }
            emulator.close();
            throw e;
        }
    }

    /**
     * The cluster runs the Flink the build targets (failsafe's {@code e2e.flinkVersion}: 2.2.0, or
     * 1.20.3 with -Pflink-1.20), so each line's tests really ran on that line's cluster.
     */
    private static void checkFlinkVersion(FlinkCluster cluster) {
        String expected = System.getProperty("e2e.flinkVersion");
        String running = cluster.rest().overview().path("flink-version").asText();
        if (expected != null && !expected.equals(running)) {
            throw new IllegalStateException(
                    "The cluster runs Flink " + running + ", the build targets " + expected);
        }
    }

    public EmulatorProcess emulator() {
        return emulator;
    }

    /** The emulator's secret, for tests that put it into a job's configuration (SQL options). */
    public String accessKeySecret() {
        return emulator.accessKeySecret();
    }

    public FlinkCluster cluster() {
        return cluster;
    }

    /** The SQL Gateway, started on first use. */
    public synchronized SqlGatewayClient sqlGateway() {
        if (sqlGateway == null) {
            sqlGateway = cluster.startSqlGateway();
        }
        return sqlGateway;
    }

    /** A fresh directory for one test's files. */
    public Path testDir(String testClass, String testName) {
        Path dir = workDir.resolve(testClass).resolve(testName);
        deleteRecursively(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Prints where every process logs and the end of each log, and the emulator's state. */
    public void printDiagnostics(PrintStream out, String reason) {
        Map<String, List<Path>> logs = new LinkedHashMap<>(emulator.logs());
        logs.putAll(Diagnostics.logsOf(cluster.processes()));
        Diagnostics.printLogs(out, logs, reason);
        try {
            out.println("---- emulator state ----");
            out.println(emulator.state().toPrettyString());
        } catch (RuntimeException e) {
            out.println("(no emulator state: " + e + ")");
        }
        out.flush();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } finally {
            emulator.close();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + dir, e);
        }
    }
}

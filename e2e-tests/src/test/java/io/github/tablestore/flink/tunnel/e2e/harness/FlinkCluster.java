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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A standalone Flink session cluster of separate JVMs, started the way Flink's scripts start
 * them: one JobManager ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers
 * ({@code TaskManagerRunner}) with a generated {@code config.yaml} (loopback ports, checkpoints
 * on disk and retained on cancellation, a restart strategy, test-speed heartbeats), the JDK 17
 * options of Flink's default configuration, and a log file per process.
 *
 * <p>Processes can be killed ({@code kill -9}) and started again; the checkpoint directory
 * survives. {@link #close()} stops every process.
 */
public final class FlinkCluster implements AutoCloseable {
    public static final String JOB_MANAGER_MAIN =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    public static final String TASK_MANAGER_MAIN =
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    public static final String SQL_GATEWAY_MAIN = "org.apache.flink.table.gateway.SqlGateway";
    public static final int SLOTS_PER_TASK_MANAGER = 2;
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String LOG4J_RESOURCE = "/e2e-flink-log4j.properties";

    private final FlinkDistribution distribution;
    private final String marker;
    private final Path home;
    private final Path confDir;
    private final Path logDir;
    private final Map<String, String> config;
    private final Map<String, String> environment;
    private final FlinkRestClient rest;
    private final List<ManagedProcess> all = new ArrayList<>();
    private final Map<String, ManagedProcess> taskManagers = new LinkedHashMap<>();
    private ManagedProcess jobManager;
    private int jobManagerStarts;
    private int taskManagerStarts;

    private FlinkCluster(
            FlinkDistribution distribution,
            Path home,
            String marker,
            Map<String, String> environment) {
        this.distribution = distribution;
        this.marker = marker;
        this.home = home;
        this.confDir = home.resolve("conf");
        this.logDir = home.resolve("log");
        this.environment = new LinkedHashMap<>(environment);
        this.environment.put("FLINK_CONF_DIR", confDir.toString());
        int restPort = LoopbackPorts.free();
        this.config = configuration(home, LoopbackPorts.free(), restPort);
        this.rest = new FlinkRestClient("http://127.0.0.1:" + restPort);
    }

    /**
     * Starts a JobManager and {@code taskManagers} TaskManagers and waits until all are registered.
     *
     * @param marker a JVM option that marks the processes as the harness's
     * @param environment added to every process's environment (e.g. the tunnel's credentials)
     */
    public static FlinkCluster start(
            FlinkDistribution distribution,
            Path home,
            String marker,
            Map<String, String> environment,
            int taskManagers) {
        FlinkCluster cluster = new FlinkCluster(distribution, home, marker, environment);
        try {
            cluster.writeConfiguration();
            cluster.startJobManager();
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            cluster.awaitTaskManagers(taskManagers);
            return cluster;
        } catch (RuntimeException | Error e) {
            Diagnostics.printLogs(
                    System.out,
                    Diagnostics.logsOf(cluster.processes()),
                    "the cluster did not start: " + e);
            cluster.close();
            throw e;
        }
    }

    private static Map<String, String> configuration(Path home, int rpcPort, int restPort) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", "127.0.0.1");
        c.put("jobmanager.rpc.port", Integer.toString(rpcPort));
        c.put("jobmanager.bind-host", "127.0.0.1");
        c.put("taskmanager.bind-host", "127.0.0.1");
        c.put("taskmanager.host", "127.0.0.1");
        c.put("rest.address", "127.0.0.1");
        c.put("rest.bind-address", "127.0.0.1");
        c.put("rest.port", Integer.toString(restPort));
        // Small processes: the CI machine has 2 cores for everything.
        c.put("jobmanager.memory.process.size", "1024m");
        c.put("taskmanager.memory.process.size", "1024m");
        c.put("taskmanager.memory.managed.size", "64m");
        c.put("taskmanager.numberOfTaskSlots", Integer.toString(SLOTS_PER_TASK_MANAGER));
        c.put("parallelism.default", "2");
        // Exactly-once checkpoints on disk, kept when a job is cancelled or its JobManager dies.
        c.put("state.backend.type", "hashmap");
        c.put("execution.checkpointing.interval", "500 ms");
        c.put("execution.checkpointing.mode", "EXACTLY_ONCE");
        c.put("execution.checkpointing.dir", home.resolve("checkpoints").toUri().toString());
        c.put(
                "execution.checkpointing.savepoint-dir",
                home.resolve("savepoints").toUri().toString());
        c.put(
                "execution.checkpointing.externalized-checkpoint-retention",
                "RETAIN_ON_CANCELLATION");
        c.put("execution.checkpointing.num-retained", "3");
        c.put("restart-strategy.type", "fixed-delay");
        c.put("restart-strategy.fixed-delay.attempts", "100");
        c.put("restart-strategy.fixed-delay.delay", "500 ms");
        // Test-speed failure detection and re-registration after a JobManager restart.
        c.put("heartbeat.interval", "1 s");
        c.put("heartbeat.timeout", "5 s");
        c.put("cluster.registration.max-timeout", "2 s");
        c.put("cluster.registration.error-delay", "1 s");
        c.put("cluster.registration.refused-registration-delay", "1 s");
        c.put("io.tmp.dirs", home.resolve("tmp").toString());
        c.put("web.tmpdir", home.resolve("web").toString());
        // As env.java.opts.* in a distribution's config.yaml: read by the start scripts (here: by
        // this class), not by Flink itself.
        c.put("env.java.opts.all", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        c.put("env.java.opts.sql-gateway", "-Xmx768m");
        // Extra JVM options for debugging a run, e.g. -De2e.taskmanager.javaOpts=-agentlib:jdwp=...
        c.put("env.java.opts.jobmanager", System.getProperty("e2e.jobmanager.javaOpts", ""));
        c.put("env.java.opts.taskmanager", System.getProperty("e2e.taskmanager.javaOpts", ""));
        return c;
    }

    private void writeConfiguration() {
        try {
            Files.createDirectories(confDir);
            Files.createDirectories(logDir);
            Files.createDirectories(home.resolve("tmp"));
            StringBuilder yaml = new StringBuilder("# Generated by the end-to-end test harness.\n");
            for (Map.Entry<String, String> e : config.entrySet()) {
                yaml.append(e.getKey())
                        .append(": '")
                        .append(e.getValue().replace("'", "''"))
                        .append("'\n");
            }
            Files.writeString(confDir.resolve("config.yaml"), yaml, StandardCharsets.UTF_8);
            try (InputStream in = FlinkCluster.class.getResourceAsStream(LOG4J_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing test resource " + LOG4J_RESOURCE);
                }
                Files.write(confDir.resolve("log4j.properties"), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write the cluster configuration to " + confDir, e);
        }
    }

    private List<String> javaOptions(String component) {
        List<String> opts = new ArrayList<>(FlinkDistribution.JDK17_DEFAULT_OPTS);
        opts.addAll(words(config.getOrDefault("env.java.opts.all", "")));
        opts.addAll(words(config.getOrDefault("env.java.opts." + component, "")));
        return opts;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    private ManagedProcess launch(
            String name,
            String component,
            List<String> memoryJvmOptions,
            List<Path> classpath,
            String mainClass,
            List<String> args) {
        Path logFile = logDir.resolve(name + ".log");
        List<String> command =
                new JavaCommand()
                        .jvmOption(marker)
                        .jvmOptions(memoryJvmOptions)
                        .jvmOptions(javaOptions(component))
                        .jvmOption("-Dlog.file=" + logFile)
                        .jvmOption(
                                "-Dlog4j.configurationFile="
                                        + confDir.resolve("log4j.properties").toUri())
                        .classpath(classpath)
                        .mainClass(mainClass)
                        .arguments(args)
                        .build();
        ManagedProcess p =
                ManagedProcess.start(name, command, environment, logDir, List.of(logFile));
        all.add(p);
        return p;
    }

    /** Starts the JobManager (again, after a kill: same ports, same checkpoint directory) and waits for its REST API. */
    public void startJobManager() {
        if (jobManager != null && jobManager.isAlive()) {
            throw new IllegalStateException("The JobManager is running: " + jobManager);
        }
        FlinkMemory.Params memory = FlinkMemory.jobManager(config);
        List<String> args = new ArrayList<>(List.of("--configDir", confDir.toString()));
        args.addAll(memory.dynamicProperties);
        jobManager =
                launch(
                        "jobmanager-" + (++jobManagerStarts),
                        "jobmanager",
                        memory.jvmOptions,
                        distribution.lib(),
                        JOB_MANAGER_MAIN,
                        args);
        ManagedProcess started = jobManager;
        Waits.value(
                "the JobManager's REST API at " + rest.baseUrl(),
                START_TIMEOUT,
                () -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException(
                                started + " exited; see " + started.outFile());
                    }
                    return Optional.of(rest.overview());
                });
    }

    /** {@code kill -9} of the JobManager. */
    public void killJobManager() {
        jobManager.kill();
    }

    /** Starts one more TaskManager; its name is also its resource id. Does not wait for its registration. */
    public String startTaskManager() {
        String name = "taskmanager-" + (++taskManagerStarts);
        FlinkMemory.Params memory = FlinkMemory.taskManager(config);
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--configDir",
                                confDir.toString(),
                                "-D",
                                "taskmanager.resource-id=" + name));
        args.addAll(memory.dynamicProperties);
        taskManagers.put(
                name,
                launch(
                        name,
                        "taskmanager",
                        memory.jvmOptions,
                        distribution.lib(),
                        TASK_MANAGER_MAIN,
                        args));
        return name;
    }

    /** {@code kill -9} of a TaskManager. */
    public void killTaskManager(String name) {
        ManagedProcess tm = taskManagers.remove(name);
        if (tm == null) {
            throw new IllegalArgumentException(
                    "No running TaskManager " + name + "; running: " + taskManagers.keySet());
        }
        tm.kill();
    }

    /** Names of the TaskManager processes that run. */
    public List<String> taskManagerNames() {
        return new ArrayList<>(taskManagers.keySet());
    }

    /** Waits until exactly the running TaskManager processes are registered, {@code expected} of them. */
    public void awaitTaskManagers(int expected) {
        Waits.until(
                expected + " registered TaskManagers (" + taskManagers.keySet() + ")",
                START_TIMEOUT,
                () -> {
                    for (ManagedProcess tm : taskManagers.values()) {
                        if (!tm.isAlive()) {
                            throw new IllegalStateException(tm + " exited; see " + tm.outFile());
                        }
                    }
                    List<String> registered = rest.taskManagerIds();
                    Collections.sort(registered);
                    List<String> running = new ArrayList<>(taskManagers.keySet());
                    Collections.sort(running);
                    return registered.size() == expected && registered.equals(running);
                });
    }

    /**
     * Starts a SQL Gateway (its own JVM, REST endpoint on a free loopback port) submitting to this
     * cluster, and waits until it answers.
     */
    public SqlGatewayClient startSqlGateway() {
        int port = LoopbackPorts.free();
        List<String> args =
                List.of(
                        "-Dsql-gateway.endpoint.rest.address=127.0.0.1",
                        "-Dsql-gateway.endpoint.rest.bind-address=127.0.0.1",
                        "-Dsql-gateway.endpoint.rest.port=" + port,
                        "-Dexecution.target=remote");
        ManagedProcess gateway =
                launch(
                        "sql-gateway",
                        "sql-gateway",
                        List.of(),
                        distribution.sqlGatewayClasspath(),
                        SQL_GATEWAY_MAIN,
                        args);
        SqlGatewayClient client = new SqlGatewayClient("http://127.0.0.1:" + port);
        Waits.value(
                "the SQL Gateway's REST API on port " + port,
                START_TIMEOUT,
                () -> {
                    if (!gateway.isAlive()) {
                        throw new IllegalStateException(
                                gateway + " exited; see " + gateway.outFile());
                    }
                    return Optional.of(client.info());
                });
        return client;
    }

    public FlinkRestClient rest() {
        return rest;
    }

    /** Where jobs' checkpoints go: {@code <dir>/<job id>/chk-<n>}. */
    public Path checkpointDir() {
        return home.resolve("checkpoints");
    }

    public Path savepointDir() {
        return home.resolve("savepoints");
    }

    /**
     * The newest retained checkpoint of a job on disk (a {@code chk-<n>} directory with its
     * {@code _metadata}), what an operator restores after losing the JobManager without HA.
     */
    public Optional<Path> latestRetainedCheckpoint(String jobId) {
        Path dir = checkpointDir().resolve(jobId);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
                    .max((a, b) -> Long.compare(checkpointNumber(a), checkpointNumber(b)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long checkpointNumber(Path chk) {
        return Long.parseLong(chk.getFileName().toString().substring("chk-".length()));
    }

    /** Every process started so far, running or not, for log dumps. */
    public List<ManagedProcess> processes() {
        return new ArrayList<>(all);
    }

    @Override
    public void close() {
        // TaskManagers first: they would otherwise spend the JobManager's shutdown reconnecting.
        List<ManagedProcess> order = new ArrayList<>(all);
        Collections.reverse(order);
        for (ManagedProcess p : order) {
            p.close();
        }
    }
}

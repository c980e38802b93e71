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

package io.github.tablestore.flink.tunnel.e2e;

import io.github.tablestore.flink.tunnel.e2e.harness.ChangeTable;
import io.github.tablestore.flink.tunnel.e2e.harness.E2eEnvironment;
import io.github.tablestore.flink.tunnel.e2e.harness.E2eSettings;
import io.github.tablestore.flink.tunnel.e2e.harness.EmulatorProcess;
import io.github.tablestore.flink.tunnel.e2e.harness.ExpectedChangeLog;
import io.github.tablestore.flink.tunnel.e2e.harness.FlinkRestClient;
import io.github.tablestore.flink.tunnel.e2e.harness.PartFiles;
import io.github.tablestore.flink.tunnel.e2e.harness.Waits;
import io.github.tablestore.flink.tunnel.e2e.jobs.TunnelToFilesJob;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run of {@link TunnelToFilesJob} on the cluster, submitted as a jar through the REST API, and
 * what the tests check about it: its tunnel session in the emulator, its committed output.
 */
final class TunnelJob {
    static final Duration CATCH_UP = Duration.ofSeconds(180);

    /** Well under the job's tunnel heartbeat timeout (60 s): a lease gone this fast was shut down, not expired. */
    static final Duration SHUTDOWN = Duration.ofSeconds(20);

    private final E2eEnvironment env;
    private final ChangeTable table;
    private final String tunnel;
    private final Path output;
    final String jobId;

    private TunnelJob(
            E2eEnvironment env, ChangeTable table, String tunnel, Path output, String jobId) {
        this.env = env;
        this.table = table;
        this.tunnel = tunnel;
        this.output = output;
        this.jobId = jobId;
    }

    /** Uploads the job jar and runs it; {@code restoreFrom} is a savepoint or retained checkpoint, or null. */
    static TunnelJob submit(
            E2eEnvironment env,
            ChangeTable table,
            String tunnel,
            Path output,
            int parallelism,
            String restoreFrom) {
        FlinkRestClient rest = env.cluster().rest();
        String jarId = rest.uploadJar(E2eSettings.jobJar());
        EmulatorProcess emulator = env.emulator();
        String jobId =
                rest.runJar(
                        jarId,
                        TunnelToFilesJob.class.getName(),
                        List.of(
                                "--endpoint", emulator.endpoint(),
                                "--instance", emulator.instance(),
                                "--table", table.name(),
                                "--tunnel", tunnel,
                                "--output", output.toUri().toString()),
                        parallelism,
                        restoreFrom);
        TunnelJob job = new TunnelJob(env, table, tunnel, output, jobId);
        Waits.until(
                "job " + jobId + " and all its tasks running",
                CATCH_UP,
                () -> rest.allTasksRunning(jobId));
        return job;
    }

    FlinkRestClient rest() {
        return env.cluster().rest();
    }

    /** Waits until the job's enumerator holds a session on the tunnel; its client id. */
    String awaitSession() {
        return Waits.value(
                "a session of job " + jobId + " on tunnel " + tunnel,
                CATCH_UP,
                () -> {
                    List<String> clients = env.emulator().tunnelClients(table.name(), tunnel);
                    return clients.size() == 1 ? Optional.of(clients.get(0)) : Optional.empty();
                });
    }

    String stage() {
        return env.emulator().tunnelStage(table.name(), tunnel);
    }

    void awaitStage(String stage) {
        Waits.until(
                "tunnel " + tunnel + " in stage " + stage, CATCH_UP, () -> stage.equals(stage()));
    }

    List<String> committedOutput() {
        return PartFiles.committedLines(output);
    }

    /**
     * Waits until the committed output holds every expected record, then asserts it is exactly the
     * expected change log: nothing missing, nothing twice, each key in order.
     */
    void awaitExactOutput() {
        ExpectedChangeLog expected = table.expected();
        Waits.until(
                "the committed output of job "
                        + jobId
                        + " to hold "
                        + expected.changeCount()
                        + " changes",
                CATCH_UP,
                () -> expected.isCaughtUpBy(committedOutput()));
        assertExactOutput();
    }

    void assertExactOutput() {
        ExpectedChangeLog expected = table.expected();
        List<String> lines = committedOutput();
        assertThat(expected.mismatches(lines))
                .as(
                        "differences of the committed output (%d lines) from the expected "
                                + "change log",
                        lines.size())
                .isEmpty();
    }

    /** Waits for the job to reach {@code state} (e.g. FINISHED after stop-with-savepoint). */
    void awaitState(String state) {
        Waits.until(
                "job " + jobId + " " + state, CATCH_UP, () -> state.equals(rest().jobState(jobId)));
    }

    /**
     * Cancels the job and checks the tunnel: the session is shut down on the server at once — no
     * client left in the emulator, no channel owned in DescribeTunnel — not left to expire.
     */
    void cancelAndAssertSessionShutDown() {
        rest().cancel(jobId);
        awaitState("CANCELED");
        assertSessionShutDown();
    }

    void assertSessionShutDown() {
        EmulatorProcess emulator = env.emulator();
        Waits.until(
                "no session left on tunnel " + tunnel + " after job " + jobId + " ended",
                SHUTDOWN,
                () -> emulator.tunnelClients(table.name(), tunnel).isEmpty());
        assertThat(emulator.channelOwners(table.name(), tunnel))
                .as("channels owned per DescribeTunnel")
                .isEmpty();
    }
}

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
import io.github.tablestore.flink.tunnel.e2e.harness.E2eExtension;
import io.github.tablestore.flink.tunnel.e2e.harness.EmulatorProcess;
import io.github.tablestore.flink.tunnel.e2e.harness.FlinkCluster;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DataStream job ({@code TunnelToFilesJob}: BaseAndStream tunnel → per-key arrival numbers →
 * exactly-once {@code FileSink}) on the multi-process cluster, submitted as a jar through the REST
 * API. Every test ends by cancelling its job and checking that the tunnel session was shut down on
 * the server.
 */
@ExtendWith(E2eExtension.class)
class DataStreamJobIT {
    private static final String SCANNING = "ProcessBaseData";
    private static final String STREAMING = "ProcessStream";

    private static Path outputDir(E2eEnvironment env, TestInfo info) {
        return env.testDir(
                        DataStreamJobIT.class.getSimpleName(),
                        info.getTestMethod().orElseThrow().getName())
                .resolve("output");
    }

    /**
     * Writes during and after the full scan, a partition split mid-run, then stop-with-savepoint,
     * writes while no job runs, and a restore at another parallelism: the committed output is the
     * table's change log exactly once, in order per key, across both runs.
     */
    @Test
    void scanThenChangesThroughASplitAndAStopWithSavepoint(E2eEnvironment env, TestInfo info) {
        EmulatorProcess emulator = env.emulator();
        Path output = outputDir(env, info);
        ChangeTable table = ChangeTable.create(emulator, "orders_split");
        try {
            table.put(0, 300, "v0");
            // Hold the scan back (every ReadRecords answers 503; readers retry) until changes were
            // made after the tunnel's creation: 300 updates and 50 new rows.
            emulator.addFault(Map.of("api", "ReadRecords", "kind", "TUNNEL_SERVER_UNAVAILABLE"));
            TunnelJob job = TunnelJob.submit(env, table, "e2e-split", output, 4, null);
            job.awaitSession();
            table.tunnelCreated();
            table.put(0, 350, "v1");
            assertThat(job.stage())
                    .as("the writes happened before the scan ended")
                    .isEqualTo(SCANNING);
            emulator.clearFaults();
            table.put(0, 350, "v1b"); // while the scan runs or just after
            job.awaitStage(STREAMING);
            table.scanFinished();

            // After the scan: changes, a split with unread changes in the parent, more changes.
            table.put(0, 350, "v2");
            String parent = firstLivePartition(emulator, table.name());
            List<String> children = emulator.splitPartition(table.name(), parent);
            assertThat(children).hasSize(2);
            table.put(0, 350, "v3");
            table.delete(0, 20);
            job.awaitExactOutput();
            JsonNode tunnel = emulator.tunnel(table.name(), "e2e-split").orElseThrow();
            assertThat(channelStatus(tunnel, parent))
                    .as("the split partition's channel")
                    .isEqualTo("TERMINATED");

            // Stop with a savepoint; changes while no job runs; restore with parallelism 2.
            String savepoint =
                    job.rest()
                            .stopWithSavepoint(
                                    job.jobId,
                                    env.cluster().savepointDir().toUri().toString(),
                                    TunnelJob.CATCH_UP);
            job.awaitState("FINISHED");
            job.assertSessionShutDown();
            table.put(0, 350, "v4");
            TunnelJob resumed = TunnelJob.submit(env, table, "e2e-split", output, 2, savepoint);
            table.put(0, 350, "v5");
            resumed.awaitExactOutput();
            resumed.cancelAndAssertSessionShutDown();
            resumed.assertExactOutput();
        } finally {
            table.close();
        }
    }

    /**
     * {@code kill -9} of a TaskManager while changes are in flight, and a new TaskManager: the job
     * (parallelism 4 = every slot of both TaskManagers, so it needs the new one) restores from its
     * last checkpoint, and the output stays exactly once.
     */
    @Test
    void aKilledTaskManagerIsReplacedAndTheJobRecoversExactlyOnce(
            E2eEnvironment env, TestInfo info) {
        FlinkCluster cluster = env.cluster();
        ChangeTable table = ChangeTable.create(env.emulator(), "orders_tm");
        try {
            table.put(0, 200, "v0");
            TunnelJob job = TunnelJob.submit(env, table, "e2e-tm", outputDir(env, info), 4, null);
            job.awaitSession();
            table.tunnelCreated();
            job.awaitStage(STREAMING);
            table.scanFinished();
            table.put(0, 200, "v1");
            job.awaitExactOutput();

            table.put(0, 200, "v2"); // in flight when the TaskManager dies
            String victim = cluster.taskManagerNames().get(0);
            cluster.killTaskManager(victim);
            cluster.startTaskManager();
            table.put(0, 200, "v3");
            cluster.awaitTaskManagers(E2eEnvironment.TASK_MANAGERS);
            job.awaitExactOutput();
            assertThat(job.rest().checkpoints(job.jobId).path("counts").path("restored").asInt())
                    .as("restores of job %s from a checkpoint after %s died", job.jobId, victim)
                    .isGreaterThanOrEqualTo(1);

            job.cancelAndAssertSessionShutDown();
            job.assertExactOutput();
        } finally {
            table.close();
        }
    }

    /**
     * {@code kill -9} of the JobManager (no HA) while changes are in flight; a new JobManager on the
     * same ports, the TaskManagers register again, and the job is resubmitted from its latest
     * retained checkpoint: the output stays exactly once, and the restored job ends the session in
     * its checkpoint (its lease was still alive) and works with a session of its own, so the old
     * session holds no channels until its lease expires.
     */
    @Test
    void aKilledJobManagerIsRestartedAndTheJobResumesFromItsLastCheckpoint(
            E2eEnvironment env, TestInfo info) {
        FlinkCluster cluster = env.cluster();
        EmulatorProcess emulator = env.emulator();
        Path output = outputDir(env, info);
        ChangeTable table = ChangeTable.create(emulator, "orders_jm");
        try {
            table.put(0, 200, "v0");
            TunnelJob job = TunnelJob.submit(env, table, "e2e-jm", output, 4, null);
            String session = job.awaitSession();
            table.tunnelCreated();
            job.awaitStage(STREAMING);
            table.scanFinished();
            table.put(0, 200, "v1");
            job.awaitExactOutput();

            table.put(0, 200, "v2"); // in flight when the JobManager dies
            cluster.killJobManager();
            Path checkpoint =
                    cluster.latestRetainedCheckpoint(job.jobId)
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "no retained checkpoint of job " + job.jobId));
            cluster.startJobManager();
            cluster.awaitTaskManagers(E2eEnvironment.TASK_MANAGERS);
            table.put(0, 200, "v3"); // while no job runs

            TunnelJob resumed =
                    TunnelJob.submit(
                            env, table, "e2e-jm", output, 4, checkpoint.toUri().toString());
            table.put(0, 200, "v4");
            resumed.awaitExactOutput();
            assertThat(emulator.tunnelClients(table.name(), "e2e-jm"))
                    .as("tunnel sessions after the restore from %s", checkpoint)
                    .hasSize(1)
                    .doesNotContain(session);

            resumed.cancelAndAssertSessionShutDown();
            resumed.assertExactOutput();
        } finally {
            table.close();
        }
    }

    private static String firstLivePartition(EmulatorProcess emulator, String table) {
        for (JsonNode p : emulator.partitions(table)) {
            if (!p.path("retired").asBoolean() && !p.path("pinned").asBoolean()) {
                return p.path("id").asText();
            }
        }
        throw new AssertionError("no live partition in " + emulator.partitions(table));
    }

    private static String channelStatus(JsonNode tunnel, String channelId) {
        for (JsonNode c : tunnel.path("channels")) {
            if (channelId.equals(c.path("channelId").asText())) {
                return c.path("status").asText();
            }
        }
        return "(no channel " + channelId + ")";
    }
}

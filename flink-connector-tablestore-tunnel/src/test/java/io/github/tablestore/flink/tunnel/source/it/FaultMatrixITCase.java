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

package io.github.tablestore.flink.tunnel.source.it;

import io.github.tablestore.flink.tunnel.client.auth.EnvironmentCredentials;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultSpec;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.source.testing.GivenEnvironmentCredentials;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.MiniClusterWithEmulator;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;
import io.github.tablestore.flink.tunnel.source.util.CheckpointWriter;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The source against a misbehaving service (the emulator's fault injection), on a MiniCluster
 * with checkpointing: for each transient fault the job keeps running (no task even restarts) and
 * its output is the table's change log exactly once; the metric that tells an operator about the
 * fault moves. Fatal faults fail the job within a bounded time with an actionable message.
 *
 * <p>Each scenario writes three rounds of changes to every key: before the fault, while it is
 * active, and after it is gone.
 */
class FaultMatrixITCase {
    /** A fresh emulator for every scenario; small reads so that every round takes several. */
    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterWithEmulator IT =
            MiniClusterWithEmulator.builder()
                    .taskManagers(1, 2)
                    .reportingTo(REPORTER)
                    .readLimits(10)
                    .build();

    private static final String TABLE = "orders";
    private static final int KEYS = 100;

    /** Fatal faults must fail the job well within this. */
    private static final Duration FAILS_WITHIN = Duration.ofSeconds(30);

    private TablestoreEmulator emulator;

    /** The job of the last {@link #runUntilFailure}. */
    private JobID failedJob;

    @BeforeEach
    void start() {
        emulator = IT.emulator();
        TestTables.create(emulator, TABLE, 2);
    }

    /** A transient fault: how to cause it, and which metric must show it. */
    enum Fault {
        READ_RECORDS_503(
                e ->
                        e.faults()
                                .add(
                                        FaultSpec.on("ReadRecords")
                                                .tunnelServerUnavailable()
                                                .times(10)),
                null,
                0),
        HEARTBEAT_503(
                e -> e.faults().add(FaultSpec.on("Heartbeat").tunnelServerUnavailable().times(5)),
                "tunnel.heartbeatsFailed",
                5),
        CHECKPOINT_503(
                e -> e.faults().add(FaultSpec.on("Checkpoint").tunnelServerUnavailable().times(6)),
                "tunnel.commitsFailed",
                1),
        DROPPED_CONNECTIONS(
                e -> e.faults().add(FaultSpec.on("*").dropConnection().times(20)), null, 0),
        LATENCY_SPIKES(
                e -> e.faults().add(FaultSpec.on("*").latency(Duration.ofSeconds(2)).times(4)),
                null,
                0),
        LEASE_EXPIRED(
                e -> e.expireClient(e.tunnels().get(0).clients().get(0).clientId()),
                "tunnel.reconnects",
                1),
        // A commit gives up (commitsFailed) after CheckpointWriter.ATTEMPTS refusals in a row. The
        // two readers commit concurrently, each one channel at a time, so each can absorb
        // ATTEMPTS - 1 refusals and still succeed: only 2 * (ATTEMPTS - 1) + ATTEMPTS refusals
        // make one commit give up whatever the interleaving.
        SEQUENCE_NUMBER_MISMATCH(
                e ->
                        e.faults()
                                .add(
                                        FaultSpec.on("Checkpoint")
                                                .error(400, "OTSSequenceNumberNotMatch", "injected")
                                                .times(
                                                        2 * (CheckpointWriter.ATTEMPTS - 1)
                                                                + CheckpointWriter.ATTEMPTS)),
                "tunnel.commitsFailed",
                1);

        final Consumer<TablestoreEmulator> inject;

        /** Suffix of a metric that must reach {@link #atLeast}, or null. */
        final String metric;

        final long atLeast;

        Fault(Consumer<TablestoreEmulator> inject, String metric, long atLeast) {
            this.inject = inject;
            this.metric = metric;
            this.atLeast = atLeast;
        }
    }

    private StreamExecutionEnvironment env() {
        return ItSupport.env(2, 3, new Configuration());
    }

    private TunnelSource<String> source() {
        return TestSources.builder(emulator, TABLE, "t", TunnelType.STREAM, new KeyValueSchema())
                .build();
    }

    private static boolean round(List<String> lines, String value) {
        return ItSupport.historyByKey(lines).values().stream()
                        .filter(v -> v.contains(value))
                        .count()
                == KEYS;
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void theJobRidesOutATransientFaultWithExactlyOnceOutput(Fault fault) throws Exception {
        StreamExecutionEnvironment env = env();
        CloseableIterator<String> it =
                env.fromSource(source(), WatermarkStrategy.noWatermarks(), "tunnel").collectAsync();
        JobClient job = env.executeAsync("faults-" + fault);
        List<String> got = new ArrayList<>();
        try {
            ItSupport.waitFor(
                    () ->
                            !emulator.tunnels().isEmpty()
                                    && emulator.tunnels().get(0).channels().stream()
                                            .allMatch(c -> c.owner() != null),
                    "the job holding every channel");
            TestTables.putRange(emulator, TABLE, 0, KEYS, "v1");
            ItSupport.take(it, got, lines -> round(lines, "v1"));

            fault.inject.accept(emulator);
            TestTables.putRange(emulator, TABLE, 0, KEYS, "v2");
            ItSupport.take(it, got, lines -> round(lines, "v2"));
            if (fault.metric != null) {
                ItSupport.waitFor(
                        () -> sumOf(job.getJobID(), fault.metric) >= fault.atLeast, fault.metric);
            }
            long fired = emulator.faults().totalFired();
            emulator.faults().clear();

            TestTables.putRange(emulator, TABLE, 0, KEYS, "v3");
            ItSupport.take(it, got, lines -> round(lines, "v3"));
            if (fault != Fault.LEASE_EXPIRED) {
                assertThat(fired).as("injected faults that fired").isPositive();
            }
            // Positions are stored in the tunnel again after the fault.
            long succeeded = sumOf(job.getJobID(), "tunnel.commitsSucceeded");
            ItSupport.waitFor(
                    () -> sumOf(job.getJobID(), "tunnel.commitsSucceeded") > succeeded, "commits");
            // The source rode the fault out by itself: no task failed.
            assertThat(JobMetrics.values(REPORTER, job.getJobID(), ".numRestarts"))
                    .containsExactly(0L);
        } finally {
            job.cancel().get();
            it.close();
        }
        Map<Long, List<String>> history = ItSupport.historyByKey(got);
        assertThat(history).hasSize(KEYS);
        for (long k = 0; k < KEYS; k++) {
            assertThat(history.get(k)).as("changes of key %d", k).containsExactly("v1", "v2", "v3");
        }
    }

    @Test
    void anExpiredTunnelFailsTheJobAtOnceWithoutRestarts() throws Exception {
        Throwable failure = runUntilFailure(e -> e.expireTunnel(e.tunnels().get(0).tunnelId()));
        assertThat(ExceptionUtils.findThrowable(failure, SuppressRestartsException.class))
                .isPresent();
        assertThat(JobMetrics.values(REPORTER, failedJob, ".numRestarts")).containsExactly(0L);
        assertThat(ExceptionUtils.findThrowable(failure, TunnelSourceException.class))
                .hasValueSatisfying(
                        e ->
                                assertThat(e)
                                        .hasMessageContaining("tunnel 't' of table 'orders'")
                                        .hasMessageContaining("has expired")
                                        .hasMessageContaining("start the job without state"));
    }

    @Test
    void revokedCredentialsFailTheJobWithAdviceOnceRestartsAreUsedUp() throws Exception {
        Throwable failure = runUntilFailure(e -> e.revokeAccessKey(e.accessKeyId()));
        assertThat(JobMetrics.values(REPORTER, failedJob, ".numRestarts")).containsExactly(3L);
        assertThat(ExceptionUtils.findThrowable(failure, TunnelSourceException.class))
                .hasValueSatisfying(
                        e ->
                                assertThat(e)
                                        .hasMessageContaining("rejected the credentials")
                                        .hasMessageContaining("tunnel 't' of table 'orders'")
                                        .hasMessageContaining("Check the AccessKey id and secret")
                                        .hasMessageNotContaining(emulator.accessKeySecret()));
    }

    // Many restarts allowed: only a failure that suppresses them ends the job in time.
    @Test
    void credentialsMissingFromTheEnvironmentFailTheJobAtOnceNamingTheVariableAndTheSide()
            throws Exception {
        StreamExecutionEnvironment env = ItSupport.env(2, 1000, new Configuration());
        TunnelSource<String> source =
                TestSources.builder(emulator, TABLE, "t", TunnelType.STREAM, new KeyValueSchema())
                        .setCredentialsFactory(
                                new GivenEnvironmentCredentials(
                                        Map.of(
                                                EnvironmentCredentials.ACCESS_KEY_SECRET,
                                                emulator.accessKeySecret())))
                        .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "tunnel")
                .sinkTo(new CollectingSink());
        long submitted = System.nanoTime();
        JobClient job = env.executeAsync("no-credentials");
        Throwable failure;
        try {
            failure =
                    catchThrowable(
                            () ->
                                    job.getJobExecutionResult()
                                            .get(FAILS_WITHIN.toSeconds(), TimeUnit.SECONDS));
        } finally {
            if (!job.getJobStatus().get().isGloballyTerminalState()) {
                job.cancel().get();
            }
        }
        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - submitted)).isLessThan(FAILS_WITHIN);
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.FAILED);
        assertThat(JobMetrics.values(REPORTER, job.getJobID(), ".numRestarts")).containsExactly(0L);
        assertThat(ExceptionUtils.findThrowable(failure, TunnelSourceException.class))
                .hasValueSatisfying(
                        e ->
                                assertThat(e)
                                        .hasMessageContaining(
                                                "environment variable TABLESTORE_ACCESS_KEY_ID is not set")
                                        .hasMessageContaining("on the JobManager")
                                        .hasMessageContaining("tunnel 't' of table 'orders'"));
        assertThat(ExceptionUtils.stringifyException(failure))
                .doesNotContain(emulator.accessKeySecret());
    }

    /**
     * Starts the job, waits for data, injects the fault and returns how the job failed. (The sink
     * is a plain one: Flink's collect sink can break its TaskManager when a restart cancels it
     * before it was opened.)
     */
    private Throwable runUntilFailure(Consumer<TablestoreEmulator> inject) throws Exception {
        StreamExecutionEnvironment env = env();
        CollectingSink sink = new CollectingSink();
        env.fromSource(source(), WatermarkStrategy.noWatermarks(), "tunnel").sinkTo(sink);
        JobClient job = env.executeAsync("fatal");
        failedJob = job.getJobID();
        ItSupport.waitFor(
                () ->
                        !emulator.tunnels().isEmpty()
                                && !emulator.tunnels().get(0).clients().isEmpty(),
                "the session");
        TestTables.putRange(emulator, TABLE, 0, 10, "v1");
        ItSupport.waitFor(() -> sink.records().size() >= 10, "the first records");
        inject.accept(emulator);
        long injected = System.nanoTime();
        Throwable failure = null;
        try {
            job.getJobExecutionResult().get();
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).as("the job failed").isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - injected)).isLessThan(FAILS_WITHIN);
        return failure;
    }

    private static long sumOf(JobID job, String suffix) {
        return JobMetrics.sum(REPORTER, job, suffix);
    }
}

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

package io.github.tablestore.flink.tunnel.source.enumerator;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.auth.EnvironmentCredentials;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultSpec;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.testing.FaultInjectingClientFactory;
import io.github.tablestore.flink.tunnel.source.testing.GivenEnvironmentCredentials;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;

import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.util.ExceptionUtils;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The session worker's error handling against the emulator; time is a manual clock. */
class TunnelSessionTest {
    /** A fresh emulator for every test. */
    @RegisterExtension
    final TablestoreEmulatorExtension tablestore = new TablestoreEmulatorExtension();

    private final AtomicLong clock = new AtomicLong(0);
    private TablestoreEmulator emulator;
    private FaultInjectingClientFactory faults;
    private TunnelClient client;

    @BeforeEach
    void start() {
        emulator = tablestore.emulator();
        TestTables.create(emulator, "orders", 1);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    private TunnelSourceConfig config(
            String table, TunnelType type, CredentialsProvider credentials) {
        TunnelSourceConfig config =
                TestSources.builder(
                                emulator,
                                table,
                                "t",
                                type,
                                new KeyValueSchema(),
                                Duration.ofSeconds(10),
                                f -> faults = new FaultInjectingClientFactory(f))
                        .setCredentials(credentials)
                        .setHeartbeatTimeout(Duration.ofSeconds(30))
                        .build()
                        .config();
        client = config.clientFactory().createClient();
        return config;
    }

    private TunnelSourceConfig config(TunnelType type) {
        return config(
                "orders",
                type,
                CredentialsProvider.of(emulator.accessKeyId(), emulator.accessKeySecret()));
    }

    private TunnelSession session(TunnelSourceConfig config) {
        return new TunnelSession(config, client, null, null, clock::get);
    }

    private static CoordinatorView view() {
        return new CoordinatorView(
                Set.of(), Set.of(), Set.of(), Map.of(), false, false, false, 0, 0);
    }

    @Test
    void badCredentialsFailWithAdvice() {
        TunnelSourceConfig config =
                config(
                        "orders",
                        TunnelType.STREAM,
                        CredentialsProvider.of(emulator.accessKeyId(), "wrong"));
        assertThatThrownBy(() -> session(config).tick(view()))
                .isInstanceOf(TunnelSourceException.class)
                .hasMessageContaining("rejected the credentials")
                .hasMessageContaining("tunnel 't' of table 'orders'")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void credentialsMissingFromTheJobManagersEnvironmentFailWithoutRestartsNamingTheVariable() {
        TunnelSourceConfig config =
                TestSources.builder(
                                emulator,
                                "orders",
                                "t",
                                TunnelType.STREAM,
                                new KeyValueSchema(),
                                Duration.ofSeconds(10),
                                f -> faults = new FaultInjectingClientFactory(f))
                        .setCredentialsFactory(
                                new GivenEnvironmentCredentials(
                                        Map.of(
                                                EnvironmentCredentials.ACCESS_KEY_SECRET,
                                                emulator.accessKeySecret())))
                        .build()
                        .config();
        client = config.clientFactory().createClient();
        Throwable failure = catchThrowable(() -> session(config).tick(view()));
        assertThat(failure).isInstanceOf(SuppressRestartsException.class);
        assertThat(ExceptionUtils.findThrowable(failure, TunnelSourceException.class))
                .hasValueSatisfying(
                        e ->
                                assertThat(e)
                                        .hasMessageContaining(
                                                "environment variable TABLESTORE_ACCESS_KEY_ID is not set")
                                        .hasMessageContaining("on the JobManager")
                                        .hasMessageContaining(
                                                "Set TABLESTORE_ACCESS_KEY_ID and TABLESTORE_ACCESS_KEY_SECRET"));
        assertThat(ExceptionUtils.stringifyException(failure))
                .doesNotContain(emulator.accessKeySecret());
        assertThat(faults.hooks().calls("describeTunnel")).isEqualTo(1); // no retries
    }

    @Test
    void anEndpointThatRedirectsFailsWithAdvice() {
        TunnelSourceConfig config = config(TunnelType.STREAM);
        faults.hooks().fail("describeTunnel", 1, "ClientEndpointMoved", 301, false);
        assertThatThrownBy(() -> session(config).tick(view()))
                .isInstanceOf(TunnelSourceException.class)
                .hasMessageContaining("redirects elsewhere")
                .hasMessageContaining("on the JobManager")
                .hasMessageContaining("Configure the instance's current endpoint");
    }

    @Test
    void aMissingTableFailsWithAdvice() {
        TunnelSourceConfig config =
                config(
                        "nope",
                        TunnelType.STREAM,
                        CredentialsProvider.of(emulator.accessKeyId(), emulator.accessKeySecret()));
        assertThatThrownBy(() -> session(config).tick(view()))
                .isInstanceOf(TunnelSourceException.class)
                .hasMessageContaining("Cannot create the tunnel 't' of table 'nope'")
                .hasMessageContaining("Check that the table exists");
    }

    @Test
    void anExistingTunnelOfAnotherTypeFailsNamingBothTypes() {
        TunnelSourceConfig config = config(TunnelType.STREAM);
        client.createTunnel(
                CreateTunnelRequest.builder("orders", "t", TunnelType.BASE_DATA).build());
        assertThatThrownBy(() -> session(config).tick(view()))
                .isInstanceOf(TunnelSourceException.class)
                .hasMessageContaining("exists with type BASE_DATA")
                .hasMessageContaining("configured for STREAM");
    }

    @Test
    void aTunnelDeletedWhileRunningFailsTheJob() {
        TunnelSourceConfig config = config(TunnelType.STREAM);
        TunnelSession session = session(config);
        assertThat(session.tick(view())).isNotNull();
        client.deleteTunnel("orders", "t");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(11));
        assertThatThrownBy(() -> session.tick(view()))
                .isInstanceOf(TunnelSourceException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void transientHeartbeatFailuresAreRetriedWithBackoff() {
        TunnelSourceConfig config = config(TunnelType.STREAM);
        TunnelSession session = session(config);
        faults.hooks().fail("heartbeat", 2, "OTSTunnelServerUnavailable", 503, true);
        assertThat(session.tick(view())).isNull();
        assertThat(session.tick(view())).isNull(); // not due yet: backing off
        assertThat(faults.hooks().calls("heartbeat")).isEqualTo(1);
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(session.tick(view())).isNull();
        assertThat(faults.hooks().calls("heartbeat")).isEqualTo(2);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        SessionUpdate update = session.tick(view());
        assertThat(update).isNotNull();
        assertThat(update.sessionChanged).isTrue();
        assertThat(update.discovered).hasSize(1);
        assertThat(session.connects()).isEqualTo(1);
    }

    @Test
    void heartbeatsFailingLongerThanTheTimeoutGiveUpTheSession() {
        TunnelSourceConfig config = config(TunnelType.STREAM);
        TunnelSession session = session(config);
        String first = session.tick(view()).session.clientId();
        faults.hooks().fail("heartbeat", 1000, "OTSTunnelServerUnavailable", 503, true);
        for (int i = 0; i < 40; i++) {
            clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
            session.tick(view());
        }
        faults.hooks().clearFailures();
        clock.addAndGet(TimeUnit.SECONDS.toNanos(20));
        SessionUpdate update = session.tick(view());
        assertThat(update.sessionChanged).isTrue();
        assertThat(update.session.clientId()).isNotEqualTo(first);
        assertThat(faults.hooks().calls("shutdown")).isEqualTo(1); // the old session is released
        assertThat(session.connects()).isEqualTo(2);
    }

    @Test
    void aHeartbeatIsSentOnlyWhenDueOrAskedFor() {
        TunnelSourceConfig config = config(TunnelType.STREAM);
        TunnelSession session = session(config);
        assertThat(session.tick(view())).isNotNull(); // the first at once
        assertThat(session.tick(view())).isNull();
        assertThat(
                        session.tick(
                                new CoordinatorView(
                                        Set.of(), Set.of(), Set.of(), Map.of(), false, false, false,
                                        1, 1)))
                .isNotNull();
        clock.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertThat(
                        session.tick(
                                new CoordinatorView(
                                        Set.of(), Set.of(), Set.of(), Map.of(), false, false, false,
                                        1, 1)))
                .isNotNull();
        assertThat(faults.hooks().calls("heartbeat")).isEqualTo(3);
    }

    /** Ticks every 500 ms of manual time (the enumerator's tick period) for {@code millis}. */
    private void tickEvery500msFor(TunnelSession session, long millis, boolean urgentEachTick) {
        for (long t = 0, seq = 1; t < millis; t += 500, seq++) {
            long urgent = urgentEachTick ? seq : 0;
            session.tick(
                    new CoordinatorView(
                            Set.of(), Set.of(), Set.of(), Map.of(), false, false, false, urgent,
                            0));
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Timed out waiting for " + what);
            }
            LockSupport.parkNanos(
                    TimeUnit.MILLISECONDS.toNanos(1)); // polling interval of a deadline wait
        }
    }

    // Backoff 200 ms doubling (jitter 0.75-1.25) up to the 10 s heartbeat interval: in 10 s the
    // attempts fall at about 0, 0.5, 1, 2, 4 and 8 s. Without backoff every one of the 20 ticks
    // would try (and log a WARN).
    @Test
    void failingConnectsWaitForTheBackoffNotForTheNextTick() {
        TunnelSession session = session(config(TunnelType.STREAM));
        faults.hooks().fail("connect", 1000, "OTSTunnelServerUnavailable", 503, true);
        tickEvery500msFor(session, 10_000, false);
        assertThat(faults.hooks().calls("connect")).isBetween(4, 7);
        assertThat(faults.hooks().calls("createTunnel")).isEqualTo(1); // resolved once, kept
    }

    @Test
    void failingTunnelResolutionWaitsForTheBackoffNotForTheNextTick() {
        TunnelSession session = session(config(TunnelType.STREAM));
        faults.hooks().fail("describeTunnel", 1000, "OTSTunnelServerUnavailable", 503, true);
        tickEvery500msFor(session, 10_000, false);
        assertThat(faults.hooks().calls("describeTunnel")).isBetween(4, 7);
        assertThat(faults.hooks().calls("connect")).isZero();
    }

    @Test
    void urgentRequestsDoNotBypassTheBackoffAfterAFailure() {
        TunnelSession session = session(config(TunnelType.STREAM));
        assertThat(session.tick(view())).isNotNull();
        faults.hooks().fail("heartbeat", 1000, "OTSTunnelServerUnavailable", 503, true);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(10));
        tickEvery500msFor(session, 10_000, true);
        assertThat(faults.hooks().calls("heartbeat")).isBetween(1 + 4, 1 + 7);
    }

    @Test
    void aSessionGivenUpAfterTheTimeoutReconnectsWithBackoff() {
        TunnelSession session = session(config(TunnelType.STREAM));
        assertThat(session.tick(view())).isNotNull();
        faults.hooks().fail("heartbeat", 1000, "OTSTunnelServerUnavailable", 503, true);
        faults.hooks().fail("connect", 1000, "OTSTunnelServerUnavailable", 503, true);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(31)); // past the 30 s heartbeat timeout
        session.tick(view()); // fails and gives the session up
        assertThat(faults.hooks().calls("shutdown")).isEqualTo(1);
        tickEvery500msFor(session, 10_000, false);
        // The backoff went on growing from the failed heartbeat: at most a handful of connects.
        assertThat(faults.hooks().calls("connect")).isBetween(1, 6);
    }

    @Test
    void closeDuringASlowHeartbeatEndsTheSessionAtOnceAndTheRoundDoesNotReconnect()
            throws Exception {
        TunnelSession session = session(config(TunnelType.STREAM));
        assertThat(session.tick(view())).isNotNull();
        emulator.faults().add(FaultSpec.on("Heartbeat").latency(Duration.ofSeconds(60)).times(1));
        clock.addAndGet(TimeUnit.SECONDS.toNanos(10));
        CompletableFuture<SessionUpdate> tick =
                CompletableFuture.supplyAsync(() -> session.tick(view()));
        waitUntil(() -> faults.hooks().calls("heartbeat") == 2, "the slow heartbeat");

        CompletableFuture.runAsync(session::close).get(20, TimeUnit.SECONDS); // not 60 s
        assertThat(faults.hooks().calls("shutdown")).isEqualTo(1);
        assertThat(emulator.tunnels().get(0).clients()).isEmpty();
        // Closing the client cancelled the slow call: the round ends now, and without reconnecting.
        assertThat(tick.get(20, TimeUnit.SECONDS)).isNull();
        assertThat(faults.hooks().calls("connect")).isEqualTo(1);
        session.close();
        assertThat(session.tick(view())).isNull();
        assertThat(faults.hooks().calls("shutdown")).isEqualTo(1);
        assertThat(faults.hooks().calls("heartbeat")).isEqualTo(2);
    }

    @Test
    void closeWithoutARoundInFlightEndsTheSessionAtOnce() {
        TunnelSession session = session(config(TunnelType.STREAM));
        assertThat(session.tick(view())).isNotNull();
        session.close();
        assertThat(faults.hooks().calls("shutdown")).isEqualTo(1);
        assertThat(emulator.tunnels().get(0).clients()).isEmpty();
    }
}

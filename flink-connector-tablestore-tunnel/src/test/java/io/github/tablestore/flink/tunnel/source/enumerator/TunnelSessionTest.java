package io.github.tablestore.flink.tunnel.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.testing.FaultInjectingClientFactory;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    private TunnelSourceConfig config(String table, TunnelType type, CredentialsProvider credentials) {
        TunnelSourceConfig config = TestSources.builder(emulator, table, "t", type, new KeyValueSchema(),
                        Duration.ofSeconds(10), f -> faults = new FaultInjectingClientFactory(f))
                .setCredentials(credentials)
                .setHeartbeatTimeout(Duration.ofSeconds(30))
                .build()
                .config();
        client = config.clientFactory().createClient();
        return config;
    }

    private TunnelSourceConfig config(TunnelType type) {
        return config("orders", type, CredentialsProvider.of(emulator.accessKeyId(), emulator.accessKeySecret()));
    }

    private TunnelSession session(TunnelSourceConfig config) {
        return new TunnelSession(config, client, null, null, clock::get);
    }

    private static CoordinatorView view() {
        return new CoordinatorView(Set.of(), Set.of(), Set.of(), Map.of(), false, false, false, 0, 0);
    }

    @Test
    void badCredentialsFailWithAdvice() {
        TunnelSourceConfig config = config("orders", TunnelType.STREAM, CredentialsProvider.of(emulator.accessKeyId(), "wrong"));
        assertThatThrownBy(() -> session(config).tick(view()))
                .isInstanceOf(TunnelSourceException.class)
                .hasMessageContaining("rejected the credentials")
                .hasMessageContaining("tunnel 't' of table 'orders'")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void aMissingTableFailsWithAdvice() {
        TunnelSourceConfig config = config("nope", TunnelType.STREAM,
                CredentialsProvider.of(emulator.accessKeyId(), emulator.accessKeySecret()));
        assertThatThrownBy(() -> session(config).tick(view()))
                .isInstanceOf(TunnelSourceException.class)
                .hasMessageContaining("Cannot create the tunnel 't' of table 'nope'")
                .hasMessageContaining("Check that the table exists");
    }

    @Test
    void anExistingTunnelOfAnotherTypeFailsNamingBothTypes() {
        TunnelSourceConfig config = config(TunnelType.STREAM);
        client.createTunnel(CreateTunnelRequest.builder("orders", "t", TunnelType.BASE_DATA).build());
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
        String first = session.tick(view()).clientId;
        faults.hooks().fail("heartbeat", 1000, "OTSTunnelServerUnavailable", 503, true);
        for (int i = 0; i < 40; i++) {
            clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
            session.tick(view());
        }
        faults.hooks().clearFailures();
        clock.addAndGet(TimeUnit.SECONDS.toNanos(20));
        SessionUpdate update = session.tick(view());
        assertThat(update.sessionChanged).isTrue();
        assertThat(update.clientId).isNotEqualTo(first);
        assertThat(faults.hooks().calls("shutdown")).isEqualTo(1); // the old session is released
        assertThat(session.connects()).isEqualTo(2);
    }

    @Test
    void aHeartbeatIsSentOnlyWhenDueOrAskedFor() {
        TunnelSourceConfig config = config(TunnelType.STREAM);
        TunnelSession session = session(config);
        assertThat(session.tick(view())).isNotNull(); // the first at once
        assertThat(session.tick(view())).isNull();
        assertThat(session.tick(new CoordinatorView(Set.of(), Set.of(), Set.of(), Map.of(), false, false, false, 1, 1))).isNotNull();
        clock.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertThat(session.tick(new CoordinatorView(Set.of(), Set.of(), Set.of(), Map.of(), false, false, false, 1, 1))).isNotNull();
        assertThat(faults.hooks().calls("heartbeat")).isEqualTo(3);
    }
}

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
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session's side of server-driven rebalancing against the emulator: a second client joins,
 * the service asks this session for a channel back, the session stores the handed-back position
 * and acknowledges, and takes the channel again when the other client leaves.
 */
class TunnelSessionRebalanceTest {
    /** A fresh emulator for every test. */
    @RegisterExtension
    final TablestoreEmulatorExtension tablestore = new TablestoreEmulatorExtension();

    private final AtomicLong clock = new AtomicLong(0);
    private TablestoreEmulator emulator;
    private TunnelClient client;
    private long urgent;
    private long applied;

    @BeforeEach
    void start() {
        emulator = tablestore.emulator();
        TestTables.create(emulator, "orders", 2);
        TunnelSourceConfig config =
                TestSources.builder(
                                emulator,
                                "orders",
                                "t",
                                TunnelType.STREAM,
                                new KeyValueSchema(),
                                Duration.ofSeconds(10),
                                f -> f)
                        .build()
                        .config();
        client = config.clientFactory().createClient();
        session = new TunnelSession(config, client, null, null, clock::get);
    }

    private TunnelSession session;

    @AfterEach
    void stop() {
        client.close();
    }

    /** A tick that is due now, as the coordinator would publish it after applying the last update. */
    private SessionUpdate tick(Set<String> known, Map<String, String> released) {
        SessionUpdate u =
                session.tick(
                        new CoordinatorView(
                                known, Set.of(), known, released, false, false, false, ++urgent,
                                applied));
        if (u != null) {
            applied = u.seq;
        }
        return u;
    }

    private static Set<String> ids(List<TunnelChannelSplit> splits) {
        return splits.stream()
                .map(TunnelChannelSplit::channelId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A second client of the same tunnel, driven by hand. */
    private final class OtherClient {
        final String tunnelId = emulator.tunnels().get(0).tunnelId();
        final String clientId = client.connect(tunnelId, 60, "other");
        List<ChannelState> held = List.of();

        List<ChannelState> heartbeat() {
            held = client.heartbeat(tunnelId, clientId, held);
            return held;
        }
    }

    @Test
    void aChannelAskedBackIsStoredAtTheHandedBackPositionThenAcknowledgedAndTakenBackLater() {
        SessionUpdate first = tick(Set.of(), Map.of());
        Set<String> channels = ids(first.discovered);
        assertThat(channels).hasSize(2);

        OtherClient other = new OtherClient();
        assertThat(other.heartbeat()).isEmpty(); // it asks this session to release one
        SessionUpdate asked = tick(channels, Map.of());
        assertThat(asked.closing).hasSize(1);
        String moved = asked.closing.get(0);

        // The reader stopped at some position past the tunnel's checkpoint.
        TestTables.putRange(emulator, "orders", 0, 50, "v");
        String start =
                client.getCheckpoint(first.session.tunnelId(), first.session.clientId(), moved)
                        .token();
        String handedBack =
                client.readRecords(first.session.tunnelId(), first.session.clientId(), moved, start)
                        .nextToken();
        assertThat(handedBack).isNotEqualTo(start);

        // Until the hand-back is known the session keeps the channel (no CLOSE yet).
        tick(channels, Map.of());
        assertThat(other.heartbeat()).isEmpty();

        SessionUpdate acked = tick(channels, Map.of(moved, handedBack));
        assertThat(acked.closing).isEmpty();
        assertThat(
                        client.getCheckpoint(
                                        first.session.tunnelId(), first.session.clientId(), moved)
                                .token())
                .isEqualTo(handedBack);
        assertThat(other.heartbeat())
                .extracting(ChannelState::channelId, ChannelState::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(moved, ChannelStatus.OPEN));

        // The other client leaves: the channel is offered again, as a reoffer (not a discovery).
        client.shutdown(other.tunnelId, other.clientId);
        SessionUpdate back = tick(channels, Map.of(moved, handedBack));
        assertThat(back.reoffered).containsExactly(moved);
        assertThat(back.discovered).isEmpty();
        // Not announced twice while the coordinator has not applied it.
        SessionUpdate again =
                session.tick(
                        new CoordinatorView(
                                channels,
                                Set.of(),
                                channels,
                                Map.of(moved, handedBack),
                                false,
                                false,
                                false,
                                ++urgent,
                                back.seq - 1));
        assertThat(again.reoffered).isEmpty();
    }

    @Test
    void aChannelAskedBackBeforeTheCoordinatorKnewItIsAcknowledgedAtOnce() {
        SessionUpdate first = tick(Set.of(), Map.of());
        assertThat(first.discovered).hasSize(2);
        OtherClient other = new OtherClient();
        other.heartbeat();
        // The coordinator has applied the update but forgot the channels (say, it never took them).
        SessionUpdate u = tick(Set.of(), Map.of());
        assertThat(u.closing).hasSize(1);
        String moved = u.closing.get(0);
        tick(Set.of(), Map.of()); // reports CLOSE for the channel nobody read
        assertThat(other.heartbeat()).extracting(ChannelState::channelId).containsExactly(moved);
        assertThat(session.heartbeatsSucceeded()).isEqualTo(3);
        assertThat(session.heartbeatsFailed()).isZero();
    }
}

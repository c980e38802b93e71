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

package io.github.tablestore.flink.tunnel.emulator.tunnel;

import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.emulator.EmulatorClock;
import io.github.tablestore.flink.tunnel.emulator.api.ApiException;
import io.github.tablestore.flink.tunnel.emulator.store.Instance;
import io.github.tablestore.flink.tunnel.emulator.store.Partition;
import io.github.tablestore.flink.tunnel.emulator.store.RecordImages;
import io.github.tablestore.flink.tunnel.emulator.store.RowChange;
import io.github.tablestore.flink.tunnel.emulator.store.Table;
import io.github.tablestore.flink.tunnel.emulator.testing.TestTables;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.github.tablestore.flink.tunnel.emulator.testing.TestTables.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tunnel service's state machine, tokens and reads, driven directly on a controlled clock. */
class TunnelServiceTest {
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private EmulatorClock clock;
    private Instance instance;
    private TunnelService service;

    @BeforeEach
    void setUp() {
        clock = EmulatorClock.of(now::get);
        instance = new Instance("inst", clock, 1, Duration.ofDays(7));
        service = new TunnelService(instance, new TunnelSettings(3, 1 << 20));
    }

    private Table table(String name, int partitions) {
        return TestTables.create(instance, name, partitions, List.of());
    }

    private static void assertCode(String code, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    /** Heartbeat with no reports; returns the held channels by id. */
    private Map<String, ChannelState> beat(String tunnel, String client) {
        return beat(tunnel, client, List.of());
    }

    private Map<String, ChannelState> beat(
            String tunnel, String client, List<ChannelState> reports) {
        Map<String, ChannelState> out = new HashMap<>();
        for (ChannelState c : service.heartbeat(tunnel, client, reports)) {
            out.put(c.channelId(), c);
        }
        return out;
    }

    /** Reads a channel to its current end from its checkpoint; returns keys and the last token. */
    private List<String> drain(String tunnel, String client, String channel, String[] tokenOut) {
        String token = service.getCheckpoint(tunnel, client, channel).token();
        List<String> keys = new ArrayList<>();
        while (true) {
            ReadBatch b = service.readRecords(tunnel, client, channel, token);
            keys.addAll(TestTables.keys(b.frames()));
            token = b.nextToken();
            if (!b.mayMoreRecord()) {
                break;
            }
        }
        tokenOut[0] = token;
        return keys;
    }

    @Test
    void aLoneClientGetsEveryChannelAndBaseComesBeforeStream() {
        Table t = table("t", 2);
        for (int i = 0; i < 5; i++) {
            put(t, "k" + i, i);
        }
        String tunnel = service.createTunnel("t", "tn", TunnelType.BASE_AND_STREAM, null);
        put(t, "after", 9);
        String c = service.connect(tunnel, 300, "tag");

        Map<String, ChannelState> held = beat(tunnel, c);
        assertThat(held.keySet()).containsExactlyInAnyOrder("BaseData_shard-0", "BaseData_shard-1");
        assertThat(held.values())
                .allSatisfy(
                        s -> {
                            assertThat(s.status()).isEqualTo(ChannelStatus.OPEN);
                            assertThat(s.version()).isEqualTo(1);
                        });
        assertThat(service.tunnel(tunnel).stage()).isEqualTo("ProcessBaseData");

        List<String> base = new ArrayList<>();
        String[] last = new String[1];
        List<ChannelState> reports = new ArrayList<>();
        for (ChannelState s : held.values()) {
            base.addAll(drain(tunnel, c, s.channelId(), last));
            assertThat(last[0]).isEqualTo("finished");
            service.checkpoint(tunnel, c, s.channelId(), "finished", 1);
            reports.add(s.reportAs(ChannelStatus.TERMINATED));
        }
        assertThat(base).containsExactlyInAnyOrder("k0", "k1", "k2", "k3", "k4", "after");

        held = beat(tunnel, c, reports);
        assertThat(held.keySet()).containsExactlyInAnyOrder("shard-0", "shard-1");
        assertThat(service.tunnel(tunnel).stage()).isEqualTo("ProcessStream");
        List<String> changes = new ArrayList<>();
        for (String ch : held.keySet()) {
            changes.addAll(drain(tunnel, c, ch, last));
            assertThat(last[0]).isNotEqualTo("finished");
        }
        assertThat(changes).containsExactly("after");
    }

    @Test
    void aJoiningClientGetsHalfTheChannelsOnceTheHolderReleasesThem() {
        table("t", 4);
        String tunnel = service.createTunnel("t", "tn", TunnelType.STREAM, null);
        String a = service.connect(tunnel, 300, "a");
        Map<String, ChannelState> heldA = beat(tunnel, a);
        assertThat(heldA).hasSize(4);

        String b = service.connect(tunnel, 300, "b");
        assertThat(beat(tunnel, b)).isEmpty(); // nothing is free yet; two of a's are now CLOSING
        heldA = beat(tunnel, a);
        List<ChannelState> closing = new ArrayList<>();
        for (ChannelState s : heldA.values()) {
            if (s.status() == ChannelStatus.CLOSING) {
                closing.add(s);
            }
        }
        assertThat(closing).hasSize(2);
        assertThat(closing).allSatisfy(s -> assertThat(s.version()).isEqualTo(2));

        List<ChannelState> acks = new ArrayList<>();
        for (ChannelState s : closing) {
            acks.add(s.reportAs(ChannelStatus.CLOSE));
        }
        heldA = beat(tunnel, a, acks);
        assertThat(heldA)
                .hasSize(2)
                .allSatisfy((id, s) -> assertThat(s.status()).isEqualTo(ChannelStatus.OPEN));
        Map<String, ChannelState> heldB = beat(tunnel, b);
        assertThat(heldB)
                .hasSize(2)
                .allSatisfy(
                        (id, s) -> {
                            assertThat(s.status()).isEqualTo(ChannelStatus.OPEN);
                            assertThat(s.version()).isEqualTo(4);
                        });
        assertThat(heldB.keySet()).doesNotContainAnyElementsOf(heldA.keySet());
        // Stable: further heartbeats move nothing.
        assertThat(beat(tunnel, a).keySet()).isEqualTo(heldA.keySet());
        assertThat(beat(tunnel, b).keySet()).isEqualTo(heldB.keySet());
    }

    @Test
    void staleOrForeignReportsAreIgnored() {
        table("t", 2);
        String tunnel = service.createTunnel("t", "tn", TunnelType.STREAM, null);
        String a = service.connect(tunnel, 300, "a");
        String b = service.connect(tunnel, 300, "b");
        Map<String, ChannelState> heldA = beat(tunnel, a);
        Map<String, ChannelState> heldB = beat(tunnel, b);
        assertThat(heldA).hasSize(1);
        assertThat(heldB).hasSize(1);
        ChannelState ofA = heldA.values().iterator().next();

        beat(tunnel, b, List.of(ofA.reportAs(ChannelStatus.TERMINATED))); // not b's channel
        beat(
                tunnel,
                a,
                List.of(
                        new ChannelState(
                                ofA.channelId(),
                                ofA.version(),
                                ChannelStatus.TERMINATED))); // stale
        ChannelView v = service.tunnel(tunnel).channel(ofA.channelId());
        assertThat(v.status()).isEqualTo(ChannelStatus.OPEN);
        assertThat(v.owner()).isEqualTo(a);
        assertThat(v.version()).isEqualTo(ofA.version());
    }

    @Test
    void aLapsedLeaseReleasesChannelsOnTheNextCallAndTheDeadClientGetsResourceGone() {
        table("t", 2);
        String tunnel = service.createTunnel("t", "tn", TunnelType.STREAM, null);
        String a = service.connect(tunnel, 10, "a");
        assertThat(beat(tunnel, a)).hasSize(2);
        String b = service.connect(tunnel, 300, "b");
        now.addAndGet(10_001);
        assertThat(beat(tunnel, b)).hasSize(2);
        assertCode("OTSResourceGone", () -> beat(tunnel, a));
        assertCode("OTSResourceGone", () -> service.getCheckpoint(tunnel, a, "shard-0"));
    }

    @Test
    void theSweeperReleasesChannelsOfAnIdleTunnel() {
        table("t", 1);
        String tunnel = service.createTunnel("t", "tn", TunnelType.STREAM, null);
        String a = service.connect(tunnel, 10, "a");
        beat(tunnel, a);
        now.addAndGet(10_001);
        service.sweep();
        TunnelView v = service.tunnel(tunnel);
        assertThat(v.clients()).isEmpty();
        assertThat(v.channel("shard-0").status()).isEqualTo(ChannelStatus.WAIT);
        assertThat(v.channel("shard-0").owner()).isNull();
    }

    @Test
    void expiringALeaseOnDemandAndShutdownReleaseAtOnce() {
        table("t", 2);
        String tunnel = service.createTunnel("t", "tn", TunnelType.STREAM, null);
        String a = service.connect(tunnel, 300, "a");
        beat(tunnel, a);
        assertThat(service.expireClient(a)).isTrue();
        assertCode("OTSResourceGone", () -> beat(tunnel, a));

        String b = service.connect(tunnel, 300, "b");
        assertThat(beat(tunnel, b)).hasSize(2);
        service.shutdown(tunnel, b);
        assertThat(service.tunnel(tunnel).channels())
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(ChannelStatus.WAIT));
        assertCode("OTSResourceGone", () -> service.shutdown(tunnel, b));
    }

    @Test
    void checkpointsNeedANewerSequenceNumberTheOwnerAndATokenOfTheChannel() {
        Table t = table("t", 2);
        String tunnel = service.createTunnel("t", "tn", TunnelType.STREAM, null);
        String a = service.connect(tunnel, 300, "a");
        String b = service.connect(tunnel, 300, "b");
        String mine = beat(tunnel, a).keySet().iterator().next();
        String other = beat(tunnel, b).keySet().iterator().next();
        put(t, "x", 1);

        ChannelCheckpoint initial = service.getCheckpoint(tunnel, a, mine);
        assertThat(initial.sequenceNumber()).isZero();
        ReadBatch batch = service.readRecords(tunnel, a, mine, initial.token());
        service.checkpoint(tunnel, a, mine, batch.nextToken(), 1);
        assertThat(service.getCheckpoint(tunnel, a, mine))
                .isEqualTo(new ChannelCheckpoint(batch.nextToken(), 1));

        assertCode(
                "OTSSequenceNumberNotMatch",
                () -> service.checkpoint(tunnel, a, mine, batch.nextToken(), 1));
        assertCode(
                "OTSSequenceNumberNotMatch",
                () -> service.checkpoint(tunnel, b, mine, batch.nextToken(), 5));
        String othersToken = service.getCheckpoint(tunnel, b, other).token();
        assertCode(
                "OTSParameterInvalid", () -> service.checkpoint(tunnel, a, mine, othersToken, 2));
        assertCode(
                "OTSParameterInvalid", () -> service.checkpoint(tunnel, a, mine, "not-a-token", 2));
        assertCode(
                "OTSParameterInvalid", () -> service.getCheckpoint(tunnel, a, "no-such-channel"));
        assertCode("OTSParameterInvalid", () -> service.getCheckpoint("no-such-tunnel", a, mine));
        assertCode("OTSResourceGone", () -> service.getCheckpoint(tunnel, "no-such-client", mine));
    }

    @Test
    void baseDataIsReadInKeyOrderInBoundedBatches() {
        Table t = table("t", 1);
        for (String k : List.of("e", "a", "d", "b", "c", "f", "g")) {
            put(t, k, 1);
        }
        String tunnel = service.createTunnel("t", "tn", TunnelType.BASE_DATA, null);
        String c = service.connect(tunnel, 300, "c");
        beat(tunnel, c);
        String token = service.getCheckpoint(tunnel, c, "BaseData_shard-0").token();
        List<List<String>> batches = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        while (!token.equals("finished")) {
            ReadBatch b = service.readRecords(tunnel, c, "BaseData_shard-0", token);
            batches.add(TestTables.keys(b.frames()));
            more.add(b.mayMoreRecord());
            assertThat(TestTables.records(b.frames()))
                    .allSatisfy(
                            r ->
                                    assertThat(r.getActionType())
                                            .isEqualTo(TunnelProtos.ActionType.PUT_ROW));
            token = b.nextToken();
        }
        assertThat(batches)
                .containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f"), List.of("g"));
        assertThat(more).containsExactly(true, true, false);
    }

    @Test
    void anIdleStreamChannelAnswersEmptyBatchesWithFreshTokensAndAClosedShardEndsWithFinished() {
        Table t = table("t", 1);
        String tunnel = service.createTunnel("t", "tn", TunnelType.STREAM, null);
        String c = service.connect(tunnel, 300, "c");
        beat(tunnel, c);
        String token = service.getCheckpoint(tunnel, c, "shard-0").token();
        ReadBatch idle = service.readRecords(tunnel, c, "shard-0", token);
        assertThat(idle.frames()).isEmpty();
        assertThat(idle.mayMoreRecord()).isFalse();
        assertThat(idle.nextToken()).isNotEqualTo("finished");
        now.addAndGet(1000);
        ReadBatch later = service.readRecords(tunnel, c, "shard-0", idle.nextToken());
        assertThat(later.nextToken()).isNotEqualTo(idle.nextToken()); // consumed up to a later time

        put(t, "a", 1);
        put(t, "b", 2);
        t.split("shard-0", ColumnValue.ofString("m"));
        put(t, "z", 3); // goes to a child
        ReadBatch last = service.readRecords(tunnel, c, "shard-0", later.nextToken());
        assertThat(TestTables.keys(last.frames())).containsExactly("a", "b");
        assertThat(last.nextToken()).isEqualTo("finished");
    }

    @Test
    void childChannelsWaitUntilAllTheirParentsTerminate() {
        Table t = table("t", 1);
        String tunnel = service.createTunnel("t", "tn", TunnelType.STREAM, null);
        String c = service.connect(tunnel, 300, "c");
        ChannelState parent = beat(tunnel, c).get("shard-0");
        List<Partition> children = t.split("shard-0", ColumnValue.ofString("m"));
        Partition merged = t.merge(children.get(0).id(), children.get(1).id());

        Map<String, ChannelState> held = beat(tunnel, c);
        assertThat(held.keySet()).containsExactly("shard-0");
        assertThat(service.tunnel(tunnel).channel(merged.id()).parents())
                .containsExactly(children.get(0).id(), children.get(1).id());

        held = beat(tunnel, c, List.of(parent.reportAs(ChannelStatus.TERMINATED)));
        assertThat(held.keySet())
                .containsExactlyInAnyOrder(children.get(0).id(), children.get(1).id());
        ChannelState first = held.get(children.get(0).id());
        held = beat(tunnel, c, List.of(first.reportAs(ChannelStatus.TERMINATED)));
        assertThat(held.keySet())
                .containsExactly(children.get(1).id()); // merged child still waits for the sibling
        held =
                beat(
                        tunnel,
                        c,
                        List.of(held.get(children.get(1).id()).reportAs(ChannelStatus.TERMINATED)));
        assertThat(held.keySet()).containsExactly(merged.id());
    }

    @Test
    void aPinnedPartitionIsANewStreamChannelThatTakesAddressedWrites() {
        Table t = table("t", 2);
        String tunnel = service.createTunnel("t", "tn", TunnelType.STREAM, null);
        String c = service.connect(tunnel, 300, "c");
        assertThat(beat(tunnel, c)).hasSize(2);
        Partition pinned = t.addPinnedPartition();
        t.write(
                RowChange.of(RowChange.Kind.PUT, Row.of(TestTables.key("p"), List.of())),
                pinned.id());
        assertThat(beat(tunnel, c)).containsKey(pinned.id()).hasSize(3);
        String[] last = new String[1];
        assertThat(drain(tunnel, c, pinned.id(), last)).containsExactly("p");
        assertThat(drain(tunnel, c, "shard-0", last)).isEmpty();
        assertThat(drain(tunnel, c, "shard-1", last)).isEmpty();
    }

    @Test
    void streamStartsAtLatestEarliestOrATimeAndEndsAtTheEndOffset() {
        Table t = table("t", 1);
        put(t, "old", 1);
        now.addAndGet(1000);
        long middle = clock.millis();
        now.addAndGet(1000);
        put(t, "mid", 2);
        String latest = service.createTunnel("t", "latest", TunnelType.STREAM, null);
        String earliest =
                service.createTunnel(
                        "t",
                        "earliest",
                        TunnelType.STREAM,
                        new StreamTunnelConfig(StreamTunnelConfig.StartFrom.EARLIEST, null, null));
        String fromMiddle =
                service.createTunnel(
                        "t",
                        "from",
                        TunnelType.STREAM,
                        new StreamTunnelConfig(null, middle * 1_000_000L, null));
        now.addAndGet(1000);
        put(t, "new", 3);
        long end = clock.millis() + 500;
        String bounded =
                service.createTunnel(
                        "t",
                        "bounded",
                        TunnelType.STREAM,
                        new StreamTunnelConfig(null, middle * 1_000_000L, end * 1_000_000L));
        now.addAndGet(1000);
        put(t, "beyond", 4);

        assertThat(readAll(latest)).containsExactly("new", "beyond");
        assertThat(readAll(earliest)).containsExactly("old", "mid", "new", "beyond");
        assertThat(readAll(fromMiddle)).containsExactly("mid", "new", "beyond");
        String c = service.connect(bounded, 300, "c");
        beat(bounded, c);
        String[] last = new String[1];
        assertThat(drain(bounded, c, "shard-0", last)).containsExactly("mid", "new");
        assertThat(last[0]).isEqualTo("finished");
    }

    /**
     * Frames with images are built outside the shard's lock and can be larger; the start, end
     * offset and both read limits must still cut the batches exactly as for plain frames.
     */
    @Test
    void framesWithImagesFollowTheSameStartEndAndLimitsAsPlainFrames() {
        RecordImages images =
                RecordImages.of(RecordImages.Columns.all(), RecordImages.Columns.all());
        int n = 0;
        for (TunnelSettings limits :
                List.of(new TunnelSettings(3, 1 << 20), new TunnelSettings(100, 1))) {
            TunnelService svc = new TunnelService(instance, limits);
            String name = "t" + n++;
            Table t = table(name, 1);
            put(t, "old", 1);
            now.addAndGet(1000);
            long middle = clock.millis();
            for (int i = 0; i < 7; i++) {
                now.addAndGet(1000);
                put(t, "k" + i, i);
            }
            long end = clock.millis() - 1500; // between k4 and k5
            StreamTunnelConfig earliest =
                    new StreamTunnelConfig(StreamTunnelConfig.StartFrom.EARLIEST, null, null);
            StreamTunnelConfig window =
                    new StreamTunnelConfig(null, middle * 1_000_000L, end * 1_000_000L);
            for (StreamTunnelConfig cfg : List.of(earliest, window)) {
                String plain =
                        svc.createTunnel(name, "plain" + cfg.hashCode(), TunnelType.STREAM, cfg);
                String imaged =
                        svc.createTunnel(
                                name, "imaged" + cfg.hashCode(), TunnelType.STREAM, cfg, images);
                List<List<Object>> plainBatches = batches(svc, plain, false);
                assertThat(batches(svc, imaged, true)).isEqualTo(plainBatches);
                assertThat(plainBatches).hasSizeGreaterThan(1);
            }
        }
    }

    /** Each batch of a tunnel's one stream channel: keys, next token and may-more flag. */
    private static List<List<Object>> batches(TunnelService svc, String tunnel, boolean images) {
        String c = svc.connect(tunnel, 300, "c");
        svc.heartbeat(tunnel, c, List.of());
        String token = svc.getCheckpoint(tunnel, c, "shard-0").token();
        List<List<Object>> out = new ArrayList<>();
        while (true) {
            ReadBatch b = svc.readRecords(tunnel, c, "shard-0", token);
            assertThat(TestTables.records(b.frames()))
                    .allSatisfy(r -> assertThat(r.hasLatestRecord()).isEqualTo(images));
            out.add(List.of(TestTables.keys(b.frames()), b.nextToken(), b.mayMoreRecord()));
            token = b.nextToken();
            if (!b.mayMoreRecord()) {
                return out;
            }
        }
    }

    @Test
    void aStreamStartOutsideTheRetentionWindowIsRefused() {
        table("t", 1);
        now.addAndGet(Duration.ofDays(10).toMillis());
        long tooOld = clock.millis() - Duration.ofDays(7).plusMinutes(1).toMillis();
        // Retained, but within the 5 minutes at the retention's old end the service keeps clear.
        long inTheMargin = clock.millis() - Duration.ofDays(7).minusMinutes(4).toMillis();
        long future = clock.millis() + 60_000;
        for (long start : new long[] {tooOld, inTheMargin, future}) {
            assertCode(
                    "OTSParameterInvalid",
                    () ->
                            service.createTunnel(
                                    "t",
                                    "out-" + start,
                                    TunnelType.STREAM,
                                    new StreamTunnelConfig(null, start * 1_000_000L, null)));
        }
        long oldest = clock.millis() - Duration.ofDays(7).minusMinutes(6).toMillis();
        service.createTunnel(
                "t",
                "in",
                TunnelType.STREAM,
                new StreamTunnelConfig(null, oldest * 1_000_000L, null));
    }

    private List<String> readAll(String tunnel) {
        String c = service.connect(tunnel, 300, "c");
        beat(tunnel, c);
        String[] last = new String[1];
        return drain(tunnel, c, "shard-0", last);
    }

    @Test
    void aStreamPositionPastTheRetentionExpiresTheTunnel() {
        Table t = table("t", 1);
        String tunnel = service.createTunnel("t", "tn", TunnelType.STREAM, null);
        String c = service.connect(tunnel, 300 * 24 * 3600, "c");
        beat(tunnel, c);
        String token = service.getCheckpoint(tunnel, c, "shard-0").token();
        put(t, "a", 1);
        now.addAndGet(Duration.ofDays(7).plusMinutes(1).toMillis());
        put(t, "b", 2);
        service.sweep();
        assertThat(service.tunnel(tunnel).expired()).isTrue();
        assertCode("OTSTunnelExpired", () -> service.readRecords(tunnel, c, "shard-0", token));
        assertCode("OTSTunnelExpired", () -> beat(tunnel, c));
        assertCode("OTSTunnelExpired", () -> service.connect(tunnel, 300, "again"));
    }

    @Test
    void describeReportsChannelsWithOwnerStatusAndConsumePoint() {
        Table t = table("t", 1);
        String tunnel = service.createTunnel("t", "tn", TunnelType.STREAM, null);
        String c = service.connect(tunnel, 300, "c");
        beat(tunnel, c);
        put(t, "a", 1);
        ReadBatch b =
                service.readRecords(
                        tunnel, c, "shard-0", service.getCheckpoint(tunnel, c, "shard-0").token());
        service.checkpoint(tunnel, c, "shard-0", b.nextToken(), 1);
        TunnelView v = service.describeTunnel("t", "tn");
        ChannelView ch = v.channel("shard-0");
        assertThat(ch.owner()).isEqualTo(c);
        assertThat(ch.status()).isEqualTo(ChannelStatus.OPEN);
        assertThat(ch.consumePointMicros()).isEqualTo(clock.micros());
        assertThat(ch.recordCount()).isEqualTo(1);
        assertThat(ch.readRequests()).isEqualTo(1);
        service.readRecords(tunnel, c, "shard-0", b.nextToken());
        assertThat(service.describeTunnel("t", "tn").channel("shard-0").readRequests())
                .isEqualTo(2);
        assertThat(v.clients()).extracting(ClientView::tag).containsExactly("c");
        assertCode("OTSParameterInvalid", () -> service.describeTunnel("t", "missing"));
        assertCode(
                "OTSTunnelExist", () -> service.createTunnel("t", "tn", TunnelType.STREAM, null));
        assertCode(
                "OTSParameterInvalid",
                () -> service.createTunnel("missing", "tn", TunnelType.STREAM, null));
    }
}

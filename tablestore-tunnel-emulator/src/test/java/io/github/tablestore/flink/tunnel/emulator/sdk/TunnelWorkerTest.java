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

package io.github.tablestore.flink.tunnel.emulator.sdk;

import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.StreamRecordOptions;
import io.github.tablestore.flink.tunnel.emulator.PartitionInfo;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.sdk.RecordingProcessor.Delivery;
import io.github.tablestore.flink.tunnel.emulator.testing.Await;
import io.github.tablestore.flink.tunnel.emulator.tunnel.ChannelView;
import io.github.tablestore.flink.tunnel.emulator.tunnel.TunnelView;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TunnelClient;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.DeleteRowRequest;
import com.alicloud.openservices.tablestore.model.RecordColumn;
import com.alicloud.openservices.tablestore.model.RowDeleteChange;
import com.alicloud.openservices.tablestore.model.RowUpdateChange;
import com.alicloud.openservices.tablestore.model.StreamRecord;
import com.alicloud.openservices.tablestore.model.UpdateRowRequest;
import com.alicloud.openservices.tablestore.model.tunnel.CreateTunnelRequest;
import com.alicloud.openservices.tablestore.model.tunnel.DescribeTunnelRequest;
import com.alicloud.openservices.tablestore.model.tunnel.TunnelType;
import com.alicloud.openservices.tablestore.tunnel.worker.TunnelWorker;
import com.alicloud.openservices.tablestore.tunnel.worker.TunnelWorkerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.github.tablestore.flink.tunnel.emulator.sdk.SdkFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official SDK's TunnelWorker, unmodified, consuming tunnels on the emulator. Its heartbeat
 * interval cannot go below 5 s, so these tests take tens of seconds; the state machine is covered
 * in depth with direct calls elsewhere.
 */
class TunnelWorkerTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    private TablestoreEmulator emulator;
    private SyncClient sync;
    private TunnelClient tunnels;
    private final List<TunnelWorker> workers = new ArrayList<>();
    private final List<TunnelWorkerConfig> configs = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator =
                TablestoreEmulator.builder()
                        .partitions(2)
                        .sweepInterval(Duration.ofMillis(100))
                        .start();
        sync = SdkFixtures.syncClient(emulator);
        tunnels = SdkFixtures.tunnelClient(emulator);
    }

    @AfterEach
    void stop() {
        for (TunnelWorker w : workers) {
            w.shutdown();
        }
        for (TunnelWorkerConfig c : configs) {
            c.shutdown();
        }
        tunnels.shutdown();
        sync.shutdown();
        emulator.close();
    }

    private TunnelWorker worker(
            String tunnelId,
            com.alicloud.openservices.tablestore.TunnelClientInterface client,
            RecordingProcessor processor,
            String tag,
            long timeoutSeconds)
            throws Exception {
        TunnelWorkerConfig config = SdkFixtures.workerConfig(processor, tag, timeoutSeconds);
        configs.add(config);
        TunnelWorker w = SdkFixtures.startWorker(tunnelId, client, config);
        workers.add(w);
        return w;
    }

    private static Map<String, List<Delivery>> byChannel(List<Delivery> deliveries) {
        Map<String, List<Delivery>> out = new HashMap<>();
        for (Delivery d : deliveries) {
            out.computeIfAbsent(d.channelId, k -> new ArrayList<>()).add(d);
        }
        return out;
    }

    private static void assertStreamOrderPerChannel(List<Delivery> deliveries) {
        for (Map.Entry<String, List<Delivery>> e : byChannel(deliveries).entrySet()) {
            if (e.getKey().startsWith("BaseData_")) {
                continue;
            }
            List<Long> ts =
                    e.getValue().stream()
                            .map(d -> d.record.getSequenceInfo().getTimestamp())
                            .collect(Collectors.toList());
            assertThat(ts)
                    .as("sequence of channel %s", e.getKey())
                    .isSorted()
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void consumesABaseAndStreamTunnelCompletely() throws Exception {
        SdkFixtures.createTable(sync, "orders");
        for (int i = 0; i < 30; i++) {
            put(sync, "orders", "base-" + i, i);
        }
        String tunnelId =
                tunnels.createTunnel(
                                new CreateTunnelRequest("orders", "all", TunnelType.BaseAndStream))
                        .getTunnelId();
        // Written after the tunnel was created but before anything was read: must come via the
        // stream.
        put(sync, "orders", "early", 1);

        RecordingProcessor processor = new RecordingProcessor();
        worker(tunnelId, tunnels, processor, "only", 300);

        // The base scan may also see "early"; its arrival on a stream channel means the base is
        // done.
        Await.until(
                WAIT,
                "the early change",
                () -> processor.hasChange("early", StreamRecord.RecordType.PUT));
        RowUpdateChange update = new RowUpdateChange("orders", SdkFixtures.key("base-1"));
        update.put("v", ColumnValue.fromLong(100));
        sync.updateRow(new UpdateRowRequest(update));
        sync.deleteRow(
                new DeleteRowRequest(new RowDeleteChange("orders", SdkFixtures.key("base-2"))));
        put(sync, "orders", "late", 2);
        Await.until(
                WAIT,
                "the late changes",
                () ->
                        processor.hasChange("late", StreamRecord.RecordType.PUT)
                                && processor.hasChange("base-1", StreamRecord.RecordType.UPDATE)
                                && processor.hasChange("base-2", StreamRecord.RecordType.DELETE));

        List<Delivery> all = processor.deliveries();
        List<Delivery> base =
                all.stream()
                        .filter(d -> d.channelId.startsWith("BaseData_"))
                        .collect(Collectors.toList());
        List<Delivery> stream =
                all.stream()
                        .filter(d -> !d.channelId.startsWith("BaseData_"))
                        .collect(Collectors.toList());
        Set<String> baseKeys =
                base.stream().map(Delivery::key).collect(Collectors.toCollection(TreeSet::new));
        // The scan reads the table as it is when read, so it may also see "early"; the stream
        // replays it regardless (at least once).
        assertThat(baseKeys.stream().filter(k -> k.startsWith("base-"))).hasSize(30);
        assertThat(baseKeys).isSubsetOf(withEarly(baseKeysWritten()));
        assertThat(base)
                .allSatisfy(
                        d ->
                                assertThat(d.record.getRecordType())
                                        .isEqualTo(StreamRecord.RecordType.PUT));
        // All base data first, then every change.
        long lastBase = base.stream().mapToLong(d -> d.order).max().orElseThrow();
        assertThat(stream).allSatisfy(d -> assertThat(d.order).isGreaterThan(lastBase));
        assertThat(stream)
                .extracting(Delivery::key)
                .containsExactlyInAnyOrder("early", "base-1", "base-2", "late");
        assertStreamOrderPerChannel(all);
        // Base rows within a channel come in primary-key order.
        for (List<Delivery> ch : byChannel(base).values()) {
            assertThat(ch.stream().map(Delivery::key).collect(Collectors.toList())).isSorted();
        }
        assertThat(emulator.tunnel(tunnelId).stage()).isEqualTo("ProcessStream");
    }

    private static Set<String> baseKeysWritten() {
        Set<String> keys = new TreeSet<>();
        for (int i = 0; i < 30; i++) {
            keys.add("base-" + i);
        }
        return keys;
    }

    private static Set<String> withEarly(Set<String> keys) {
        keys.add("early");
        return keys;
    }

    @Test
    void twoWorkersShareChannelsAndTheSurvivorTakesOverAfterTheLeaseTimeout() throws Exception {
        emulator.close();
        emulator =
                TablestoreEmulator.builder()
                        .partitions(4)
                        .sweepInterval(Duration.ofMillis(100))
                        .start();
        sync.shutdown();
        tunnels.shutdown();
        sync = SdkFixtures.syncClient(emulator);
        tunnels = SdkFixtures.tunnelClient(emulator);
        SdkFixtures.createTable(sync, "shared");
        String tunnelId =
                tunnels.createTunnel(new CreateTunnelRequest("shared", "t", TunnelType.Stream))
                        .getTunnelId();

        RecordingProcessor a = new RecordingProcessor();
        RecordingProcessor b = new RecordingProcessor();
        SdkFixtures.KillableClient killable = new SdkFixtures.KillableClient(tunnels);
        worker(tunnelId, killable.proxy, a, "worker-a", 15);
        Await.until(
                WAIT,
                "worker a holds all four channels",
                () ->
                        heldBy(tunnelId).size() == 1
                                && heldBy(tunnelId).values().iterator().next() == 4);
        worker(tunnelId, tunnels, b, "worker-b", 300);
        Await.until(
                WAIT,
                () -> "two channels each, got " + heldBy(tunnelId),
                () ->
                        heldBy(tunnelId).size() == 2
                                && heldBy(tunnelId).values().stream().allMatch(n -> n == 2));

        for (int i = 0; i < 40; i++) {
            put(sync, "shared", "first-" + i, i);
        }
        Await.until(WAIT, "the first batch", () -> distinctKeys(a, b).size() == 40);
        assertThat(a.size()).isPositive();
        assertThat(b.size()).isPositive();

        killable.dead.set(true); // no heartbeat, no Shutdown: the server only learns from the lease
        for (int i = 0; i < 40; i++) {
            put(sync, "shared", "second-" + i, i);
        }
        Await.until(
                WAIT,
                () -> "the second batch, have " + distinctKeys(a, b).size(),
                () -> distinctKeys(a, b).size() == 80);
        assertThat(heldBy(tunnelId)).hasSize(1).containsValue(4);
        List<Delivery> all = new ArrayList<>(a.deliveries());
        all.addAll(b.deliveries());
        assertStreamOrderPerChannel(b.deliveries());
        assertThat(all)
                .extracting(d -> d.record.getRecordType())
                .containsOnly(StreamRecord.RecordType.PUT);
        killable.dead.set(false); // lets its worker shut down cleanly
    }

    private Map<String, Integer> heldBy(String tunnelId) {
        Map<String, Integer> held = new HashMap<>();
        for (ChannelView c : emulator.tunnel(tunnelId).channels()) {
            if (c.status() == ChannelStatus.OPEN) {
                held.merge(c.owner(), 1, Integer::sum);
            }
        }
        return held;
    }

    private static Set<String> distinctKeys(RecordingProcessor... processors) {
        Set<String> keys = new TreeSet<>();
        for (RecordingProcessor p : processors) {
            for (Delivery d : p.deliveries()) {
                keys.add(d.key());
            }
        }
        return keys;
    }

    @Test
    void childrenOfSplitAndMergedShardsAreConsumedAfterTheirParents() throws Exception {
        emulator.close();
        emulator =
                TablestoreEmulator.builder()
                        .partitions(1)
                        .sweepInterval(Duration.ofMillis(100))
                        .start();
        sync.shutdown();
        tunnels.shutdown();
        sync = SdkFixtures.syncClient(emulator);
        tunnels = SdkFixtures.tunnelClient(emulator);
        SdkFixtures.createTable(sync, "splits");
        String tunnelId =
                tunnels.createTunnel(new CreateTunnelRequest("splits", "t", TunnelType.Stream))
                        .getTunnelId();

        // Everything is written before a worker runs, so children have data long before their
        // parents are done: only the server's ordering keeps them waiting.
        for (String k : List.of("a1", "n1", "z1")) {
            put(sync, "splits", k, 1);
        }
        List<PartitionInfo> children =
                emulator.splitPartition(
                        "splits",
                        "shard-0",
                        io.github.tablestore.flink.tunnel.client.record.ColumnValue.ofString("m"));
        for (String k : List.of("a2", "n2", "z2")) {
            put(sync, "splits", k, 2);
        }
        PartitionInfo merged =
                emulator.mergePartitions("splits", children.get(0).id(), children.get(1).id());
        for (String k : List.of("a3", "n3", "z3")) {
            put(sync, "splits", k, 3);
        }

        RecordingProcessor processor = new RecordingProcessor();
        worker(tunnelId, tunnels, processor, "only", 300);
        Await.until(
                WAIT,
                () -> "nine records, got " + processor.deliveries(),
                () -> processor.size() == 9);

        Map<String, List<Delivery>> channels = byChannel(processor.deliveries());
        assertThat(channels.get("shard-0"))
                .extracting(Delivery::key)
                .containsExactly("a1", "n1", "z1");
        assertThat(channels.get(children.get(0).id()))
                .extracting(Delivery::key)
                .containsExactly("a2");
        assertThat(channels.get(children.get(1).id()))
                .extracting(Delivery::key)
                .containsExactly("n2", "z2");
        assertThat(channels.get(merged.id()))
                .extracting(Delivery::key)
                .containsExactly("a3", "n3", "z3");
        long parentDone = last(channels.get("shard-0"));
        assertThat(first(channels.get(children.get(0).id()))).isGreaterThan(parentDone);
        assertThat(first(channels.get(children.get(1).id()))).isGreaterThan(parentDone);
        long childrenDone =
                Math.max(
                        last(channels.get(children.get(0).id())),
                        last(channels.get(children.get(1).id())));
        assertThat(first(channels.get(merged.id()))).isGreaterThan(childrenDone);
        Await.until(
                WAIT,
                "the parents to terminate",
                () -> {
                    TunnelView v = emulator.tunnel(tunnelId);
                    return v.channel("shard-0").status() == ChannelStatus.TERMINATED
                            && v.channel(children.get(0).id()).status() == ChannelStatus.TERMINATED
                            && v.channel(children.get(1).id()).status() == ChannelStatus.TERMINATED;
                });
    }

    private static long first(List<Delivery> ds) {
        return ds.get(0).order;
    }

    private static long last(List<Delivery> ds) {
        return ds.get(ds.size() - 1).order;
    }

    @Test
    void aRestartedWorkerResumesFromItsLastCheckpoint() throws Exception {
        SdkFixtures.createTable(sync, "resume");
        String tunnelId =
                tunnels.createTunnel(new CreateTunnelRequest("resume", "t", TunnelType.Stream))
                        .getTunnelId();
        RecordingProcessor first = new RecordingProcessor();
        TunnelWorker w1 = worker(tunnelId, tunnels, first, "first", 300);
        for (int i = 0; i < 20; i++) {
            put(sync, "resume", "before-" + i, i);
        }
        Await.until(WAIT, "the first batch", () -> first.size() == 20);
        Await.until(
                WAIT,
                "checkpoints covering the first batch",
                () ->
                        emulator.tunnel(tunnelId).channels().stream()
                                        .mapToLong(ChannelView::recordCount)
                                        .sum()
                                == 20);
        w1.shutdown();
        Await.until(
                WAIT,
                "the first worker to leave",
                () -> emulator.tunnel(tunnelId).clients().isEmpty());

        for (int i = 0; i < 20; i++) {
            put(sync, "resume", "after-" + i, i);
        }
        RecordingProcessor second = new RecordingProcessor();
        worker(tunnelId, tunnels, second, "second", 300);
        Await.until(WAIT, "the second batch", () -> second.size() >= 20);
        assertThat(second.deliveries())
                .extracting(Delivery::key)
                .allSatisfy(k -> assertThat(k).startsWith("after-"));
        assertThat(second.deliveries()).hasSize(20);
    }

    /**
     * A tunnel created with stream record options (by our client: the SDK cannot set them) is
     * still read by the SDK: it skips the unknown {@code latest_record} (Record field 7) and the
     * options in DescribeTunnel (TunnelInfo field 14), and reads the before-image as origin
     * columns.
     */
    @Test
    void readsAStreamTunnelCreatedWithStreamRecordOptions() throws Exception {
        SdkFixtures.createTable(sync, "imaged");
        String tunnelId;
        try (io.github.tablestore.flink.tunnel.client.TunnelClient own = emulator.client()) {
            tunnelId =
                    own.createTunnel(
                            io.github.tablestore.flink.tunnel.client.model.CreateTunnelRequest
                                    .builder(
                                            "imaged",
                                            "images",
                                            io.github.tablestore.flink.tunnel.client.model
                                                    .TunnelType.STREAM)
                                    .streamRecordOptions(
                                            StreamRecordOptions.fullRowImagesWithBefore())
                                    .build());
        }
        assertThat(
                        tunnels.describeTunnel(new DescribeTunnelRequest("imaged", "images"))
                                .getTunnelInfo()
                                .getTunnelId())
                .isEqualTo(tunnelId);
        RecordingProcessor processor = new RecordingProcessor();
        worker(tunnelId, tunnels, processor, "images", 300);

        put(sync, "imaged", "row", 1);
        RowUpdateChange update = new RowUpdateChange("imaged", SdkFixtures.key("row"));
        update.put("w", ColumnValue.fromLong(2));
        sync.updateRow(new UpdateRowRequest(update));
        sync.deleteRow(new DeleteRowRequest(new RowDeleteChange("imaged", SdkFixtures.key("row"))));
        Await.until(
                WAIT,
                "the three changes",
                () -> processor.hasChange("row", StreamRecord.RecordType.DELETE));

        List<StreamRecord> records =
                processor.deliveries().stream().map(d -> d.record).collect(Collectors.toList());
        assertThat(records)
                .extracting(StreamRecord::getRecordType)
                .containsExactly(
                        StreamRecord.RecordType.PUT,
                        StreamRecord.RecordType.UPDATE,
                        StreamRecord.RecordType.DELETE);
        assertThat(columnNames(records.get(1).getColumns())).containsExactly("w");
        assertThat(columnNames(records.get(0).getOriginColumns())).isEmpty();
        assertThat(columnNames(records.get(1).getOriginColumns())).containsExactly("v");
        assertThat(columnNames(records.get(2).getOriginColumns())).containsExactly("v", "w");
    }

    private static List<String> columnNames(List<RecordColumn> columns) {
        return columns.stream().map(c -> c.getColumn().getName()).collect(Collectors.toList());
    }
}

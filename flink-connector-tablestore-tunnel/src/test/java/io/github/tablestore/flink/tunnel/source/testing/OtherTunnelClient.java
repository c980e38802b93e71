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

package io.github.tablestore.flink.tunnel.source.testing;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelState;
import io.github.tablestore.flink.tunnel.client.model.ChannelStatus;
import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.model.ReadRecordsResult;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferDecoder;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A second consumer of a tunnel, as another job or a side-by-side upgrade would be: it connects,
 * heartbeats every 100 ms on its own thread, and reads the channels the service gives it from the
 * tunnel's checkpoint (it never stores positions). Records it read are kept as {@code "<channel>|<id>|<v>"}
 * ({@code v} empty for a deletion).
 */
public final class OtherTunnelClient implements AutoCloseable {
    private final TunnelClient client;
    private final String tunnelId;
    private final String clientId;
    private final Thread thread;
    private final PlainBufferDecoder decoder = new PlainBufferDecoder();

    /** Channel → the token it reads next. Own thread only. */
    private final Map<String, String> tokens = new HashMap<>();

    private volatile List<ChannelState> held = List.of();
    private final List<String> read = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile Throwable failure;

    public OtherTunnelClient(TunnelClient client, String tunnelId) {
        this.client = client;
        this.tunnelId = tunnelId;
        this.clientId = client.connect(tunnelId, 60, "other-consumer");
        this.thread = new Thread(this::run, "other-tunnel-client");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                List<ChannelState> now = client.heartbeat(tunnelId, clientId, held);
                held = now;
                for (ChannelState s : now) {
                    if (s.status() == ChannelStatus.OPEN) {
                        readOnce(s.channelId());
                    }
                }
                TimeUnit.MILLISECONDS.sleep(100); // this client's heartbeat interval
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            if (running) { // else close() interrupted a call
                failure = t;
            }
        }
    }

    private void readOnce(String channelId) {
        String token = tokens.get(channelId);
        if (token == null) {
            token = client.getCheckpoint(tunnelId, clientId, channelId).token();
        }
        ReadRecordsResult<RawRecord> r = client.readRecords(tunnelId, clientId, channelId, token);
        for (RawRecord raw : r.records()) {
            TunnelRecord rec = decoder.decodeRecord(raw);
            Cell v = rec.column("v"); // none in a deletion
            read.add(
                    channelId
                            + "|"
                            + rec.primaryKey().value("id").asLong()
                            + "|"
                            + (v == null || v.value() == null ? "" : v.value().asString()));
        }
        tokens.put(channelId, r.nextToken());
    }

    public String clientId() {
        return clientId;
    }

    /** Channels this client holds open now. */
    public List<String> openChannels() {
        List<String> ids = new ArrayList<>();
        for (ChannelState s : held) {
            if (s.status() == ChannelStatus.OPEN) {
                ids.add(s.channelId());
            }
        }
        return ids;
    }

    /** What it read, in order. */
    public List<String> records() {
        checkHealthy();
        return read;
    }

    public void checkHealthy() {
        if (failure != null) {
            throw new AssertionError("The other tunnel client failed", failure);
        }
    }

    /** Stops and leaves the tunnel (Shutdown): the service frees its channels at once. */
    @Override
    public void close() throws InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        thread.interrupt();
        thread.join(10_000);
        client.shutdown(tunnelId, clientId);
    }
}

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

package io.github.tablestore.flink.tunnel.emulator.admin;

import io.github.tablestore.flink.tunnel.emulator.PartitionInfo;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultRule;
import io.github.tablestore.flink.tunnel.emulator.fault.FaultSpec;
import io.github.tablestore.flink.tunnel.emulator.store.Table;
import io.github.tablestore.flink.tunnel.emulator.tunnel.ChannelView;
import io.github.tablestore.flink.tunnel.emulator.tunnel.ClientView;
import io.github.tablestore.flink.tunnel.emulator.tunnel.TunnelView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The emulator's state as a JSON-ready tree (no secrets): clock, tables, tunnels, faults. */
public final class StateDump {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StateDump() {}

    public static String toJson(TablestoreEmulator emulator) {
        try {
            return JSON.writeValueAsString(tree(emulator));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the state dump", e);
        }
    }

    static Map<String, Object> tree(TablestoreEmulator emulator) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("endpoint", emulator.endpoint());
        root.put("instance", emulator.instanceName());
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("nowMillis", emulator.clock().millis());
        clock.put("offsetMillis", emulator.clock().offset().toMillis());
        root.put("clock", clock);
        List<Object> tables = new ArrayList<>();
        for (Table t : emulator.instance().tables()) {
            tables.add(table(emulator, t));
        }
        root.put("tables", tables);
        List<Object> tunnels = new ArrayList<>();
        for (TunnelView v : emulator.tunnels()) {
            tunnels.add(tunnel(v));
        }
        root.put("tunnels", tunnels);
        root.put("faults", faults(emulator));
        return root;
    }

    private static Map<String, Object> table(TablestoreEmulator emulator, Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("partitionScheme", t.scheme().name());
        m.put("rows", t.rows().size());
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("enabled", t.stream().enabled());
        stream.put("streamId", t.streamId());
        stream.put("retentionHours", t.retention().toHours());
        stream.put("originColumns", t.stream().originColumns());
        m.put("stream", stream);
        List<Object> partitions = new ArrayList<>();
        for (PartitionInfo p : emulator.partitions(t.name())) {
            partitions.add(partition(p));
        }
        m.put("partitions", partitions);
        return m;
    }

    static Map<String, Object> partition(PartitionInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("span", p.span());
        m.put("parents", p.parents());
        m.put("pinned", p.pinned());
        m.put("retired", p.retired());
        m.put("firstLogIndex", p.firstLogIndex());
        m.put("endLogIndex", p.endLogIndex());
        return m;
    }

    private static Map<String, Object> tunnel(TunnelView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tunnelId", v.tunnelId());
        m.put("tunnelName", v.tunnelName());
        m.put("tableName", v.tableName());
        m.put("type", v.type().wireName());
        m.put("stage", v.stage());
        m.put("expired", v.expired());
        m.put("createTimeMillis", v.createTimeMillis());
        List<Object> clients = new ArrayList<>();
        for (ClientView c : v.clients()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("clientId", c.clientId());
            cm.put("tag", c.tag());
            cm.put("timeoutMillis", c.timeoutMillis());
            cm.put("lastHeartbeatMillis", c.lastHeartbeatMillis());
            clients.add(cm);
        }
        m.put("clients", clients);
        List<Object> channels = new ArrayList<>();
        for (ChannelView c : v.channels()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("channelId", c.channelId());
            cm.put("type", c.type().wireName());
            cm.put("status", c.status().name());
            cm.put("owner", c.owner());
            cm.put("version", c.version());
            cm.put("parents", c.parents());
            cm.put("sequenceNumber", c.sequenceNumber());
            cm.put("checkpoint", c.checkpoint());
            cm.put("consumePointMicros", c.consumePointMicros());
            cm.put("recordCount", c.recordCount());
            cm.put("readRequests", c.readRequests());
            channels.add(cm);
        }
        m.put("channels", channels);
        return m;
    }

    private static Map<String, Object> faults(TablestoreEmulator emulator) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totalFired", emulator.faults().totalFired());
        List<Object> rules = new ArrayList<>();
        for (FaultRule r : emulator.faults().rules()) {
            rules.add(rule(r));
        }
        m.put("rules", rules);
        return m;
    }

    static Map<String, Object> rule(FaultRule r) {
        FaultSpec s = r.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("api", s.api());
        m.put("kind", s.kind().name());
        m.put("times", s.times() == FaultSpec.UNLIMITED ? null : s.times());
        m.put("remaining", r.remaining() == FaultSpec.UNLIMITED ? null : r.remaining());
        m.put("probability", s.probability());
        m.put("latencyMillis", s.latency().toMillis());
        m.put("status", s.errorStatus() == 0 ? null : s.errorStatus());
        m.put("code", s.errorCode());
        m.put("fired", r.fired());
        return m;
    }
}

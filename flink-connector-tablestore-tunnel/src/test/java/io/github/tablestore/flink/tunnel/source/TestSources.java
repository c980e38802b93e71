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

package io.github.tablestore.flink.tunnel.source;

import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.source.config.TunnelClientFactory;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;

import java.time.Duration;
import java.util.function.Function;

/** Sources against an emulator, with test-speed heartbeats (below the users' 5 s minimum). */
public final class TestSources {
    private TestSources() {}

    /** A builder reading {@code table}/{@code tunnel} of the emulator, heartbeating every {@code heartbeat}. */
    public static <T> TunnelSourceBuilder<T> builder(
            TablestoreEmulator emulator,
            String table,
            String tunnel,
            TunnelType type,
            TunnelRecordDeserializationSchema<T> deserializer,
            Duration heartbeat,
            Function<TunnelClientFactory, TunnelClientFactory> decorator) {
        return TunnelSource.<T>builder()
                .setEndpoint(emulator.endpoint())
                .setInstanceName(emulator.instanceName())
                .setCredentials(
                        CredentialsProvider.of(emulator.accessKeyId(), emulator.accessKeySecret()))
                .setTableName(table)
                .setTunnelName(tunnel)
                .setTunnelType(type)
                .setDeserializer(deserializer)
                .forTesting(decorator, Duration.ofMillis(1))
                .setHeartbeatInterval(heartbeat)
                .setHeartbeatTimeout(Duration.ofSeconds(30))
                .setReadMaxBackoff(Duration.ofMillis(200));
    }

    public static <T> TunnelSourceBuilder<T> builder(
            TablestoreEmulator emulator,
            String table,
            String tunnel,
            TunnelType type,
            TunnelRecordDeserializationSchema<T> deserializer) {
        return builder(emulator, table, tunnel, type, deserializer, Duration.ofMillis(200), f -> f);
    }
}

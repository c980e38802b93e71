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
                .setCredentials(CredentialsProvider.of(emulator.accessKeyId(), emulator.accessKeySecret()))
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

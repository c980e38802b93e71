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

package io.github.tablestore.flink.tunnel.emulator;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.TunnelClientConfig;
import io.github.tablestore.flink.tunnel.client.TunnelClients;
import io.github.tablestore.flink.tunnel.client.auth.Credentials;
import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.emulator.admin.AdminHandler;
import io.github.tablestore.flink.tunnel.emulator.admin.StateDump;
import io.github.tablestore.flink.tunnel.emulator.api.DataPlaneApi;
import io.github.tablestore.flink.tunnel.emulator.api.Operation;
import io.github.tablestore.flink.tunnel.emulator.api.TunnelApi;
import io.github.tablestore.flink.tunnel.emulator.fault.Faults;
import io.github.tablestore.flink.tunnel.emulator.http.EmulatorHttpServer;
import io.github.tablestore.flink.tunnel.emulator.store.Instance;
import io.github.tablestore.flink.tunnel.emulator.store.Partition;
import io.github.tablestore.flink.tunnel.emulator.store.RowChange;
import io.github.tablestore.flink.tunnel.emulator.store.Table;
import io.github.tablestore.flink.tunnel.emulator.tunnel.TunnelService;
import io.github.tablestore.flink.tunnel.emulator.tunnel.TunnelSettings;
import io.github.tablestore.flink.tunnel.emulator.tunnel.TunnelView;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local Tablestore + Tunnel Service emulator that speaks the real wire protocol, so the official
 * SDK (and this project's client) work against it unmodified.
 *
 * <pre>{@code
 * try (TablestoreEmulator emulator = TablestoreEmulator.builder().partitions(4).start()) {
 *     SyncClient client = new SyncClient(emulator.endpoint(), emulator.accessKeyId(),
 *             emulator.accessKeySecret(), emulator.instanceName());
 *     ...
 * }
 * }</pre>
 *
 * <p>Besides the protocol, the emulator offers what the service cannot: splitting, merging and
 * adding partitions, advancing its clock, expiring client leases, injecting faults and dumping
 * its state — from Java (methods here) or over HTTP ({@code /admin/...}, see docs/emulator.md).
 * Thread-safe. Its size (about 500 lines) is its public surface: one short method per thing a
 * test can do, each handing off to the store, tunnel or fault classes, plus the builder.
 */
public final class TablestoreEmulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TablestoreEmulator.class);

    private final Builder config;
    private final Instance instance;
    private final TunnelService tunnels;
    private final Faults faults;
    private final EmulatorHttpServer server;
    private final ScheduledExecutorService sweeper;
    private volatile boolean closed;
    private final Set<String> revokedKeys = ConcurrentHashMap.newKeySet();

    private TablestoreEmulator(Builder b) {
        this.config = b;
        this.instance = new Instance(b.instanceName, b.clock, b.partitions, b.streamRetention);
        this.tunnels =
                new TunnelService(
                        instance, new TunnelSettings(b.maxRecordsPerRead, b.maxBytesPerRead));
        this.faults = new Faults(b.faultSeed);
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.putAll(new DataPlaneApi(instance, tunnels).operations());
        ops.putAll(new TunnelApi(tunnels, b.instanceName).operations());
        Map<String, Credentials> creds = new LinkedHashMap<>();
        for (Credentials c : b.credentials) {
            creds.put(c.accessKeyId(), c);
        }
        this.server =
                EmulatorHttpServer.start(
                        new InetSocketAddress(b.host, b.port),
                        new EmulatorHttpServer.Config(
                                b.instanceName,
                                creds,
                                b.credentials.get(0),
                                b.clock,
                                b.maxClockSkew,
                                b.maxRequestBytes,
                                revokedKeys),
                        ops,
                        faults,
                        new AdminHandler(this));
        this.sweeper =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "tablestore-emulator-sweeper");
                            t.setDaemon(true);
                            return t;
                        });
        long every = b.sweepInterval.toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Tablestore emulator for instance {} listening on {}", b.instanceName, endpoint());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts an emulator with all defaults on a free loopback port. */
    public static TablestoreEmulator start() {
        return builder().start();
    }

    // ---------------------------------------------------------------------------------------
    // Where and how to connect

    /** The endpoint to give clients, e.g. {@code http://127.0.0.1:54321}. */
    public String endpoint() {
        return "http://" + config.host + ":" + port();
    }

    public int port() {
        return server.address().getPort();
    }

    public String instanceName() {
        return config.instanceName;
    }

    /** The access key id of the primary credentials. */
    public String accessKeyId() {
        return config.credentials.get(0).accessKeyId();
    }

    /** The access key secret of the primary credentials. */
    public String accessKeySecret() {
        return config.credentials.get(0).accessKeySecret();
    }

    /**
     * A configuration of this project's wire client for this emulator (endpoint, instance, the
     * primary key pair): add settings, then build.
     */
    public TunnelClientConfig.Builder clientConfig() {
        return TunnelClientConfig.builder()
                .endpoint(endpoint())
                .instanceName(instanceName())
                .credentialsProvider(CredentialsProvider.of(accessKeyId(), accessKeySecret()));
    }

    /** This project's wire client for this emulator, with default settings; close it after use. */
    public TunnelClient client() {
        return TunnelClients.create(clientConfig().build());
    }

    /** Every accepted credential (the primary first). */
    public List<Credentials> credentials() {
        return List.copyOf(config.credentials);
    }

    // ---------------------------------------------------------------------------------------
    // Time and faults

    public EmulatorClock clock() {
        return config.clock;
    }

    /** Moves the emulator's time forward and sweeps (leases, log retention) at once. */
    public void advanceClock(Duration by) {
        config.clock.advance(by);
        sweep();
    }

    /** The fault injector: add rules with {@code faults().add(FaultSpec.on(...)...)}. */
    public Faults faults() {
        return faults;
    }

    // ---------------------------------------------------------------------------------------
    // Tables and partitions

    /** Names of all tables. */
    public List<String> tableNames() {
        List<String> names = new ArrayList<>();
        for (Table t : instance.tables()) {
            names.add(t.name());
        }
        return names;
    }

    /** Every partition of a table ever created (retired ones too), oldest first. */
    public List<PartitionInfo> partitions(String table) {
        List<PartitionInfo> out = new ArrayList<>();
        for (Partition p : table(table).partitions()) {
            out.add(new PartitionInfo(p));
        }
        return out;
    }

    /**
     * Splits a partition in two at a point chosen by the emulator (the median stored partition
     * key of a range-partitioned table, the middle hash of a hash-partitioned one). Returns the
     * two children.
     */
    public List<PartitionInfo> splitPartition(String table, String partitionId) {
        return infos(table(table).split(partitionId, null));
    }

    /** Splits a range-partitioned table's partition so that the second child starts at {@code point}. */
    public List<PartitionInfo> splitPartition(String table, String partitionId, ColumnValue point) {
        return infos(table(table).split(partitionId, Objects.requireNonNull(point, "point")));
    }

    /** Splits a hash-partitioned table's partition at a hash value. */
    public List<PartitionInfo> splitPartitionAtHash(String table, String partitionId, long hash) {
        return infos(table(table).split(partitionId, hash));
    }

    /** Merges two adjacent partitions; returns the child. */
    public PartitionInfo mergePartitions(
            String table, String firstPartitionId, String secondPartitionId) {
        return new PartitionInfo(table(table).merge(firstPartitionId, secondPartitionId));
    }

    /**
     * Adds a pinned partition: a new root shard (a new stream channel in every tunnel with a
     * stream part) that only {@link #writeToPartition} writes reach.
     */
    public PartitionInfo addPartition(String table) {
        return new PartitionInfo(table(table).addPinnedPartition());
    }

    /**
     * Puts rows (replacing whole rows, as PutRow) and logs each change to the stream shard of a
     * pinned partition.
     */
    public void writeToPartition(String table, String partitionId, List<Row> rows) {
        Table t = table(table);
        for (Row row : rows) {
            t.write(RowChange.of(RowChange.Kind.PUT, row), partitionId);
        }
    }

    /**
     * Applies one unconditional write (PUT_ROW: a PutRow of {@code row}; UPDATE_ROW: an UpdateRow
     * with its cells; DELETE_ROW: a DeleteRow of its key) and logs the change to the stream shard
     * of a pinned partition.
     */
    public void writeToPartition(String table, String partitionId, RecordAction action, Row row) {
        table(table).write(RowChange.of(kind(action), row), partitionId);
    }

    private static RowChange.Kind kind(RecordAction action) {
        switch (action) {
            case PUT_ROW:
                return RowChange.Kind.PUT;
            case UPDATE_ROW:
                return RowChange.Kind.UPDATE;
            case DELETE_ROW:
                return RowChange.Kind.DELETE;
            default:
                throw new IllegalArgumentException("unknown action " + action);
        }
    }

    /** Puts a row (replacing it, as an unconditional PutRow); the change goes to the row's partition. */
    public void putRow(String table, Row row) {
        table(table).write(RowChange.of(RowChange.Kind.PUT, row));
    }

    /**
     * Updates a row (as an unconditional UpdateRow: PUT, DELETE_ONE_VERSION, DELETE_ALL_VERSIONS
     * and INCREMENT cells).
     */
    public void updateRow(String table, Row change) {
        table(table).write(RowChange.of(RowChange.Kind.UPDATE, change));
    }

    /** Deletes a row (as an unconditional DeleteRow). */
    public void deleteRow(String table, PrimaryKey key) {
        table(table).write(RowChange.of(RowChange.Kind.DELETE, Row.of(key, List.of())));
    }

    /** Creates a table (what CreateTable does, plus a partition count the SDK cannot ask for). */
    public void createTable(TableSpec spec) {
        spec.createIn(instance);
    }

    /** Number of rows stored in a table. */
    public int rowCount(String table) {
        return table(table).rows().size();
    }

    private static List<PartitionInfo> infos(List<Partition> partitions) {
        List<PartitionInfo> out = new ArrayList<>(partitions.size());
        for (Partition p : partitions) {
            out.add(new PartitionInfo(p));
        }
        return out;
    }

    Table table(String name) {
        Table t = instance.findTable(name);
        if (t == null) {
            throw new IllegalArgumentException("no table " + name);
        }
        return t;
    }

    /** The underlying instance (tables), for the admin API. */
    public Instance instance() {
        return instance;
    }

    // ---------------------------------------------------------------------------------------
    // Tunnels

    /** Every tunnel with its channels and clients. */
    public List<TunnelView> tunnels() {
        return tunnels.tunnels();
    }

    /** A tunnel by id. */
    public TunnelView tunnel(String tunnelId) {
        return tunnels.tunnel(tunnelId);
    }

    /** Declares a client dead now, as if its lease had lapsed; returns whether it was connected. */
    public boolean expireClient(String clientId) {
        return tunnels.expireClient(clientId);
    }

    /**
     * Revokes an access key while running (as when its owner disables it): every later request
     * signed with it gets 403 {@code OTSAuthFailed}.
     */
    public void revokeAccessKey(String accessKeyId) {
        revokedKeys.add(accessKeyId);
    }

    /** Accepts a revoked access key again. */
    public void restoreAccessKey(String accessKeyId) {
        revokedKeys.remove(accessKeyId);
    }

    /**
     * How many records of its channel come before a position this emulator issued (a checkpoint or
     * a ReadRecords {@code next_token}): the token's record count. For tests that need a split's
     * record index from its token.
     *
     * @throws IllegalArgumentException for {@code "finished"} or a token that does not parse
     */
    public long recordsBefore(String token) {
        return tunnels.recordsBefore(token);
    }

    /** Marks a tunnel expired (its stream log gone): its clients get OTSTunnelExpired. */
    public void expireTunnel(String tunnelId) {
        tunnels.expireTunnel(tunnelId);
    }

    /** Runs the sweeper now: lapsed leases release their channels, old log entries go. */
    public void sweep() {
        tunnels.sweep();
    }

    public TunnelService tunnelService() {
        return tunnels;
    }

    /** The whole state (clock, tables, partitions, tunnels, channels, clients, faults) as JSON. */
    public String dumpState() {
        return StateDump.toJson(this);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Emulator sweep failed", e);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Lifecycle

    public boolean isRunning() {
        return !closed;
    }

    /** Stops serving and releases the port and threads. Idempotent. */
    public void stop() {
        if (closed) {
            return;
        }
        closed = true;
        sweeper.shutdownNow();
        server.close();
        LOG.info("Tablestore emulator on port {} stopped", server.address().getPort());
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "TablestoreEmulator{" + endpoint() + ", instance=" + config.instanceName + "}";
    }

    /** Settings of an emulator; {@link #start()} builds and starts it. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String instanceName = "emulator";
        private final List<Credentials> credentials = new ArrayList<>();
        private int partitions = 1;
        private Duration streamRetention = Duration.ofDays(7);
        private EmulatorClock clock = EmulatorClock.system();
        private Duration sweepInterval = Duration.ofSeconds(1);
        private int maxRecordsPerRead = 1000;
        private int maxBytesPerRead = 2 * 1024 * 1024;
        private Duration maxClockSkew = Duration.ofMinutes(15);
        private int maxRequestBytes = 16 * 1024 * 1024;
        private long faultSeed = 42;

        private Builder() {}

        /** Address to listen on (default {@code 127.0.0.1}; {@code 0.0.0.0} for all interfaces). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to listen on; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder instanceName(String instanceName) {
            this.instanceName = requireText(instanceName, "instanceName");
            return this;
        }

        /** The primary credentials (default {@code test-access-key-id} / {@code test-access-key-secret}). */
        public Builder credentials(String accessKeyId, String accessKeySecret) {
            Credentials c = Credentials.of(accessKeyId, accessKeySecret);
            if (credentials.isEmpty()) {
                credentials.add(c);
            } else {
                credentials.set(0, c);
            }
            return this;
        }

        /** Accepts one more key pair, with an STS token that requests must carry. */
        public Builder addStsCredentials(
                String accessKeyId, String accessKeySecret, String securityToken) {
            if (credentials.isEmpty()) {
                credentials.add(defaultCredentials());
            }
            credentials.add(Credentials.of(accessKeyId, accessKeySecret, securityToken));
            return this;
        }

        /** Partitions of each table created through the API without split points (default 1). */
        public Builder partitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException(
                        "partitions must be at least 1, got " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        /** How long change logs are kept when the table's stream sets no expiration (default 7 days). */
        public Builder streamRetention(Duration retention) {
            this.streamRetention = positive(retention, "streamRetention");
            return this;
        }

        public Builder clock(EmulatorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How often lapsed leases and expired logs are swept (default 1 s). */
        public Builder sweepInterval(Duration interval) {
            this.sweepInterval = positive(interval, "sweepInterval");
            return this;
        }

        /** Limits of one ReadRecords answer (defaults 1000 records, 2 MiB). */
        public Builder readLimits(int maxRecords, int maxBytes) {
            if (maxRecords < 1 || maxBytes < 1) {
                throw new IllegalArgumentException("read limits must be positive");
            }
            this.maxRecordsPerRead = maxRecords;
            this.maxBytesPerRead = maxBytes;
            return this;
        }

        /** Allowed difference between {@code x-ots-date} and the time source (default 15 min). */
        public Builder maxClockSkew(Duration skew) {
            this.maxClockSkew = positive(skew, "maxClockSkew");
            return this;
        }

        /** Largest accepted request body (default 16 MiB). */
        public Builder maxRequestBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxRequestBytes must be positive");
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /** Seed of the fault injector's random draws (default 42). */
        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        /** Builds and starts the emulator; the builder may be reused afterwards. */
        public TablestoreEmulator start() {
            Builder snapshot = new Builder();
            snapshot.host = host;
            snapshot.port = port;
            snapshot.instanceName = instanceName;
            snapshot.credentials.addAll(
                    credentials.isEmpty() ? List.of(defaultCredentials()) : credentials);
            snapshot.partitions = partitions;
            snapshot.streamRetention = streamRetention;
            snapshot.clock = clock;
            snapshot.sweepInterval = sweepInterval;
            snapshot.maxRecordsPerRead = maxRecordsPerRead;
            snapshot.maxBytesPerRead = maxBytesPerRead;
            snapshot.maxClockSkew = maxClockSkew;
            snapshot.maxRequestBytes = maxRequestBytes;
            snapshot.faultSeed = faultSeed;
            return new TablestoreEmulator(snapshot);
        }

        private static Credentials defaultCredentials() {
            return Credentials.of("test-access-key-id", "test-access-key-secret");
        }

        private static String requireText(String s, String what) {
            Objects.requireNonNull(s, what);
            if (s.trim().isEmpty()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return s;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}

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

import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What every MiniCluster IT needs, registered once on a static field: a MiniCluster for the test
 * class and a fresh emulator for each test (so tests share no tables, tunnels or faults).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MiniClusterWithEmulator IT = MiniClusterWithEmulator.builder().readLimits(10).build();
 * ... IT.emulator() ...
 * }</pre>
 *
 * Parameters of tests are resolved by the MiniCluster's extension (e.g. {@code @InjectMiniCluster}).
 */
public final class MiniClusterWithEmulator
        implements BeforeAllCallback,
                AfterAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver {
    private final MiniClusterExtension cluster;
    private final UnaryOperator<TablestoreEmulator.Builder> emulatorSettings;
    private TablestoreEmulator emulator;

    private MiniClusterWithEmulator(
            MiniClusterExtension cluster, UnaryOperator<TablestoreEmulator.Builder> settings) {
        this.cluster = cluster;
        this.emulatorSettings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The emulator of the running test. */
    public TablestoreEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator runs only while a test runs");
        }
        return emulator;
    }

    /** Stops the test's emulator and starts a new one with the same settings. */
    public TablestoreEmulator restartEmulator() {
        stopEmulator();
        emulator = emulatorSettings.apply(TablestoreEmulator.builder()).start();
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        cluster.beforeEach(context);
        emulator = emulatorSettings.apply(TablestoreEmulator.builder()).start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            stopEmulator();
        } finally {
            cluster.afterEach(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        cluster.afterAll(context);
    }

    private void stopEmulator() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster.resolveParameter(parameter, context);
    }

    /** Settings; defaults: 1 TaskManager with 4 slots, the emulator's read limits. */
    public static final class Builder {
        private int taskManagers = 1;
        private int slots = 4;
        private Configuration configuration = new Configuration();
        private UnaryOperator<TablestoreEmulator.Builder> emulatorSettings =
                UnaryOperator.identity();

        public Builder taskManagers(int taskManagers, int slotsEach) {
            this.taskManagers = taskManagers;
            this.slots = slotsEach;
            return this;
        }

        public Builder configuration(Configuration configuration) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            return this;
        }

        /** The cluster's metrics go to {@code reporter}. */
        public Builder reportingTo(InMemoryReporter reporter) {
            this.configuration = reporter.addToConfiguration(new Configuration(configuration));
            return this;
        }

        /** At most {@code records} records (and 1 MiB) per ReadRecords answer of the emulator. */
        public Builder readLimits(int records) {
            return emulator(b -> b.readLimits(records, 1 << 20));
        }

        public Builder emulator(UnaryOperator<TablestoreEmulator.Builder> settings) {
            this.emulatorSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public MiniClusterWithEmulator build() {
            MiniClusterExtension cluster =
                    new MiniClusterExtension(
                            new MiniClusterResourceConfiguration.Builder()
                                    .setNumberTaskManagers(taskManagers)
                                    .setNumberSlotsPerTaskManager(slots)
                                    .setConfiguration(configuration)
                                    .build());
            return new MiniClusterWithEmulator(cluster, emulatorSettings);
        }
    }
}

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

package io.github.tablestore.flink.tunnel.emulator.junit;

import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;

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
 * A JUnit 5 extension that runs a {@link TablestoreEmulator} for a test class (registered on a
 * static field) or for each test (on an instance field, or via {@code @ExtendWith}), and injects
 * it into test and lifecycle method parameters.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TablestoreEmulatorExtension TABLESTORE =
 *         new TablestoreEmulatorExtension(b -> b.partitions(4));
 *
 * @Test
 * void reads(TablestoreEmulator emulator) { ... TABLESTORE.emulator().endpoint() ... }
 * }</pre>
 *
 * JUnit is an optional dependency of this module: only tests that use this class need it.
 */
public final class TablestoreEmulatorExtension
        implements BeforeAllCallback,
                AfterAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver {
    private final UnaryOperator<TablestoreEmulator.Builder> settings;
    private TablestoreEmulator emulator;
    private boolean perClass;

    /** Class levels (a class and its {@code @Nested} classes) currently sharing the emulator. */
    private int classDepth;

    /** An extension with the emulator's defaults. */
    public TablestoreEmulatorExtension() {
        this(UnaryOperator.identity());
    }

    /** An extension whose emulator is configured by {@code settings} (e.g. {@code b -> b.partitions(4)}). */
    public TablestoreEmulatorExtension(UnaryOperator<TablestoreEmulator.Builder> settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The running emulator. */
    public TablestoreEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException(
                    "the emulator runs only while a test of its class runs");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        if (classDepth++ == 0) {
            emulator = settings.apply(TablestoreEmulator.builder()).start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            emulator = settings.apply(TablestoreEmulator.builder()).start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TablestoreEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }
}

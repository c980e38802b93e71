package io.github.tablestore.flink.tunnel.emulator.junit;

import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

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
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
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
            throw new IllegalStateException("the emulator runs only while a test of its class runs");
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

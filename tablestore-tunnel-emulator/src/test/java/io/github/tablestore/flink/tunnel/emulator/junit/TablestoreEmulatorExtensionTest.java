package io.github.tablestore.flink.tunnel.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension: one emulator per class when static, one per test otherwise. */
class TablestoreEmulatorExtensionTest {
    @RegisterExtension
    static final TablestoreEmulatorExtension SHARED = new TablestoreEmulatorExtension(b -> b.partitions(3));

    private static final Set<Integer> PORTS = new HashSet<>();

    @Test
    void injectsTheRunningEmulator(TablestoreEmulator emulator) {
        assertThat(emulator).isSameAs(SHARED.emulator());
        assertThat(emulator.isRunning()).isTrue();
        PORTS.add(emulator.port());
    }

    @Test
    void sharesItAcrossTheClass(TablestoreEmulator emulator) {
        PORTS.add(emulator.port());
    }

    @AfterAll
    static void oneEmulatorServedTheClass() {
        assertThat(PORTS).hasSize(1);
    }

    @Nested
    class InANestedClass {
        @Test
        void theOuterEmulatorIsStillThere(TablestoreEmulator emulator) {
            assertThat(emulator).isSameAs(SHARED.emulator());
        }
    }

    @Nested
    @ExtendWith(TablestoreEmulatorExtension.class)
    class WithExtendWith {
        @Test
        void aParameterResolves(TablestoreEmulator emulator) {
            assertThat(emulator.isRunning()).isTrue();
        }
    }

    @Nested
    class PerTest {
        @RegisterExtension
        final TablestoreEmulatorExtension own = new TablestoreEmulatorExtension();

        @Test
        void eachTestGetsItsOwn() {
            assertThat(own.emulator().port()).isNotEqualTo(SHARED.emulator().port());
        }
    }
}

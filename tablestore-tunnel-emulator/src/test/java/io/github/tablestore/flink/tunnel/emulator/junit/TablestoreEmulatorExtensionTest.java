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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit 5 extension: one emulator per class when static, one per test otherwise. */
class TablestoreEmulatorExtensionTest {
    @RegisterExtension
    static final TablestoreEmulatorExtension SHARED =
            new TablestoreEmulatorExtension(b -> b.partitions(3));

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

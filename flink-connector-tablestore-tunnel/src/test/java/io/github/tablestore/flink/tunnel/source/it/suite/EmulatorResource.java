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

package io.github.tablestore.flink.tunnel.source.it.suite;

import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;

import org.apache.flink.connector.testframe.TestResource;

/** The emulator as the connector testing framework's external system: one per test class. */
final class EmulatorResource implements TestResource {
    private TablestoreEmulator emulator;

    @Override
    public void startUp() {
        emulator = TablestoreEmulator.builder().start();
    }

    @Override
    public void tearDown() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    TablestoreEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The emulator is not running");
        }
        return emulator;
    }

    @Override
    public String toString() {
        return "Tablestore emulator";
    }
}

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

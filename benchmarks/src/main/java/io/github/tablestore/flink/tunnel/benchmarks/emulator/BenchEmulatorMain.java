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

package io.github.tablestore.flink.tunnel.benchmarks.emulator;

import io.github.tablestore.flink.tunnel.benchmarks.data.BenchRows;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.process.ReadyLine;

import java.io.IOException;
import java.io.InputStream;

/**
 * The emulator process of a benchmark run (started by the emulator's {@code EmulatorLauncher}):
 * starts an emulator with the given read limits and the key pair from {@value #ACCESS_KEY_ID_ENV}
 * and {@value #ACCESS_KEY_SECRET_ENV}, creates the tables and loads their rows (through the Java
 * API, so loading is fast and every row is both base data and a stream-log entry), prints the
 * emulator's {@link ReadyLine}, and stops when its standard input closes (the driver ended or
 * died) or on SIGTERM.
 *
 * <p>Arguments: {@code <readRecords> <readBytes> [<table>:<partitions>:<rows>]...}
 */
public final class BenchEmulatorMain {
    static final String ACCESS_KEY_ID_ENV = "BENCH_EMULATOR_ACCESS_KEY_ID";
    static final String ACCESS_KEY_SECRET_ENV = "BENCH_EMULATOR_ACCESS_KEY_SECRET";

    private BenchEmulatorMain() {}

    public static void main(String[] args) throws IOException {
        int readRecords = Integer.parseInt(args[0]);
        int readBytes = Integer.parseInt(args[1]);
        TablestoreEmulator emulator =
                TablestoreEmulator.builder()
                        .credentials(
                                System.getenv(ACCESS_KEY_ID_ENV),
                                System.getenv(ACCESS_KEY_SECRET_ENV))
                        .readLimits(readRecords, readBytes)
                        .start();
        for (int a = 2; a < args.length; a++) {
            String[] t = args[a].split(":");
            String table = t[0];
            int partitions = Integer.parseInt(t[1]);
            long rows = Long.parseLong(t[2]);
            emulator.createTable(BenchRows.table(table, partitions));
            for (long i = 0; i < rows; i++) {
                emulator.putRow(table, BenchRows.row(i));
            }
        }
        System.out.println(ReadyLine.of(emulator));
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // The driver never writes; end of input means it is gone.
        }
        emulator.stop();
    }
}

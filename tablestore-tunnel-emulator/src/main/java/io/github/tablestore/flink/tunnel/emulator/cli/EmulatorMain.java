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

package io.github.tablestore.flink.tunnel.emulator.cli;

import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.process.ReadyLine;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone:
 *
 * <pre>
 * java -jar tablestore-tunnel-emulator-&lt;version&gt;.jar --port 8800 --instance demo \
 *     --access-key-id id --access-key-secret secret --partitions 4
 * </pre>
 *
 * Prints one line {@code Tablestore emulator ready: endpoint=... instance=... accessKeyId=...}
 * when it listens, and stops cleanly on SIGTERM or Ctrl-C.
 */
public final class EmulatorMain {
    static final String READY = ReadyLine.PREFIX;
    static final String STOPPED = "Tablestore emulator stopped.";

    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        // Standalone runs have no logging backend; keep slf4j's "no providers" notice off stderr.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            CliOptions.printHelp(System.err);
            System.exit(2);
            return;
        }
        if (options.help()) {
            CliOptions.printHelp(System.out);
            return;
        }
        TablestoreEmulator emulator = start(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    emulator.stop();
                                    System.out.println(STOPPED);
                                    System.out.flush();
                                    stopped.countDown();
                                },
                                "tablestore-emulator-shutdown"));
        stopped.await();
    }

    /** Starts an emulator as the options say and prints the ready line. */
    static TablestoreEmulator start(CliOptions o, PrintStream out) {
        TablestoreEmulator emulator =
                TablestoreEmulator.builder()
                        .host(o.host())
                        .port(o.port())
                        .instanceName(o.instance())
                        .credentials(o.accessKeyId(), o.accessKeySecret())
                        .partitions(o.partitions())
                        .streamRetention(o.retention())
                        .sweepInterval(Duration.ofSeconds(1))
                        .start();
        out.println(ReadyLine.of(emulator));
        out.flush();
        return emulator;
    }
}

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

import java.io.PrintStream;
import java.time.Duration;

/** Command-line options of {@link EmulatorMain}. Immutable. */
final class CliOptions {
    private String host = "127.0.0.1";
    private int port = 8800;
    private String instance = "emulator";
    private String accessKeyId = "test-access-key-id";
    private String accessKeySecret = "test-access-key-secret";
    private int partitions = 1;
    private Duration retention = Duration.ofDays(7);
    private boolean help;

    private CliOptions() {}

    static CliOptions parse(String[] args) {
        CliOptions o = new CliOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                o.help = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--host":
                    o.host = value;
                    break;
                case "--port":
                    o.port = intValue(name, value, 0, 65535);
                    break;
                case "--instance":
                    o.instance = nonEmpty(name, value);
                    break;
                case "--access-key-id":
                    o.accessKeyId = nonEmpty(name, value);
                    break;
                case "--access-key-secret":
                    o.accessKeySecret = nonEmpty(name, value);
                    break;
                case "--partitions":
                    o.partitions = intValue(name, value, 1, 1024);
                    break;
                case "--retention-hours":
                    o.retention = Duration.ofHours(intValue(name, value, 1, 24 * 365));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return o;
    }

    private static int intValue(String name, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw new IllegalArgumentException(
                        name + " must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got '" + value + "'");
        }
    }

    private static String nonEmpty(String name, String value) {
        if (value.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    static void printHelp(PrintStream out) {
        out.println("Usage: java -jar tablestore-tunnel-emulator-<version>.jar [options]");
        out.println();
        out.println(
                "A local Tablestore + Tunnel Service emulator for the official SDKs and this project's client.");
        out.println();
        out.println("Options:");
        out.println("  --host <address>             address to listen on (default 127.0.0.1)");
        out.println(
                "  --port <port>                port to listen on, 0 for a free one (default 8800)");
        out.println(
                "  --instance <name>            instance name clients must use (default emulator)");
        out.println(
                "  --access-key-id <id>         accepted AccessKey ID (default test-access-key-id)");
        out.println("  --access-key-secret <secret> its secret (default test-access-key-secret)");
        out.println(
                "  --partitions <n>             partitions of each table created through the API");
        out.println(
                "                               (default 1; CreateTable cannot ask for a count)");
        out.println(
                "  --retention-hours <h>        change-log retention when a table's stream sets none");
        out.println("                               (default 168 = 7 days)");
        out.println("  --help                       show this help");
        out.println();
        out.println(
                "Prints '"
                        + EmulatorMain.READY
                        + " endpoint=...' when ready; stops on SIGTERM or Ctrl-C.");
        out.println("Admin API (JSON): <endpoint>/admin/state and more, see docs/emulator.md.");
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String instance() {
        return instance;
    }

    String accessKeyId() {
        return accessKeyId;
    }

    String accessKeySecret() {
        return accessKeySecret;
    }

    int partitions() {
        return partitions;
    }

    Duration retention() {
        return retention;
    }

    boolean help() {
        return help;
    }
}

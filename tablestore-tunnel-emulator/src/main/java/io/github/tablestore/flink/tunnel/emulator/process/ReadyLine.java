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

package io.github.tablestore.flink.tunnel.emulator.process;

import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one line an emulator process prints to its standard output when it listens: {@code Tablestore
 * emulator ready: endpoint=... instance=... accessKeyId=... admin=...}. Never carries the secret.
 * Every main class that {@link EmulatorLauncher} starts prints it; the launcher waits for it.
 */
public final class ReadyLine {
    public static final String PREFIX = "Tablestore emulator ready:";

    private final String endpoint;
    private final String instanceName;
    private final String accessKeyId;

    private ReadyLine(String endpoint, String instanceName, String accessKeyId) {
        this.endpoint = endpoint;
        this.instanceName = instanceName;
        this.accessKeyId = accessKeyId;
    }

    /** The line for a started emulator. */
    public static String of(TablestoreEmulator emulator) {
        return PREFIX
                + " endpoint="
                + emulator.endpoint()
                + " instance="
                + emulator.instanceName()
                + " accessKeyId="
                + emulator.accessKeyId()
                + " admin="
                + emulator.endpoint()
                + "/admin/state";
    }

    /**
     * The ready line's values, if {@code line} is one. It must start the line: the usage text
     * quotes it too.
     */
    static Optional<ReadyLine> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (String field : line.substring(PREFIX.length()).trim().split("\\s+")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                values.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        String endpoint = values.get("endpoint");
        if (endpoint == null) {
            return Optional.empty();
        }
        return Optional.of(
                new ReadyLine(endpoint, values.get("instance"), values.get("accessKeyId")));
    }

    String endpoint() {
        return endpoint;
    }

    String instanceName() {
        return instanceName;
    }

    String accessKeyId() {
        return accessKeyId;
    }
}

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

package io.github.tablestore.flink.tunnel.e2e.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints processes' logs (where they are, and their last lines) when something failed. */
final class Diagnostics {
    private static final int TAIL_LINES = 150;

    private Diagnostics() {}

    /** The logs of processes started by the harness, by process (name and id). */
    static Map<String, List<Path>> logsOf(List<ManagedProcess> processes) {
        Map<String, List<Path>> logs = new LinkedHashMap<>();
        for (ManagedProcess p : processes) {
            logs.put(p.toString(), p.logFiles());
        }
        return logs;
    }

    static void printLogs(PrintStream out, Map<String, List<Path>> logs, String reason) {
        out.println("==== end-to-end diagnostics: " + reason + " ====");
        for (Map.Entry<String, List<Path>> p : logs.entrySet()) {
            for (Path log : p.getValue()) {
                out.println(
                        "---- "
                                + p.getKey()
                                + ": "
                                + log
                                + " (last "
                                + TAIL_LINES
                                + " lines) ----");
                try {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())
                            .forEach(out::println);
                } catch (IOException e) {
                    out.println("(cannot read: " + e + ")");
                }
            }
        }
        out.flush();
    }
}

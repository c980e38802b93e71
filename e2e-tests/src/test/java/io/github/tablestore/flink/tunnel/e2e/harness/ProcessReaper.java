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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure no process the harness started outlives it: a shutdown hook kills every one still
 * alive when the test JVM exits, however it exits (a failed assertion, Ctrl+C); and the ids of
 * all started processes are written to a file, so that the next run can kill what a test JVM that
 * was itself killed ({@code kill -9}, a CI timeout) left behind.
 */
final class ProcessReaper {
    /** Added to every command line the harness starts; identifies leftovers of earlier runs. */
    static final String MARKER_PROPERTY = "-De2e.harness=";

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile Path pidFile;

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(ProcessReaper::killAll, "e2e-process-reaper"));
    }

    private ProcessReaper() {}

    /** The JVM option marking processes of the harness working in {@code workDir}. */
    static String marker(Path workDir) {
        return MARKER_PROPERTY + workDir;
    }

    /**
     * Kills processes listed in {@code file} by an earlier run that are still alive and carry the
     * marker of {@code workDir} (a reused process id belongs to someone else and is left alone),
     * then records this run's processes in the same file.
     */
    static void takeOver(Path file, Path workDir) {
        String marker = marker(workDir);
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    ProcessHandle.of(Long.parseLong(line.trim()))
                            .filter(
                                    h ->
                                            h.info()
                                                    .commandLine()
                                                    .map(c -> c.contains(marker))
                                                    .orElse(false))
                            .ifPresent(ProcessReaper::killTree);
                }
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        pidFile = file;
    }

    static void register(Process process) {
        LIVE.add(process);
        record(process.toHandle());
    }

    /**
     * Writes the id of a process that is reaped on exit by its own launcher (the emulator) to the
     * pid file, so that a later run still kills it if this JVM is killed.
     */
    static void record(ProcessHandle process) {
        Path file = pidFile;
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(
                        file,
                        process.pid() + System.lineSeparator(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }
    }

    static void unregister(Process process) {
        LIVE.remove(process);
    }

    private static void killAll() {
        List<Process> processes = new ArrayList<>(LIVE);
        for (Process p : processes) {
            killTree(p.toHandle());
        }
    }

    /** SIGKILL to the process and all its descendants, children first. */
    static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }
}

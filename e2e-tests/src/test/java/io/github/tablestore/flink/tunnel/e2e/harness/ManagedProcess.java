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

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process started by the harness: its stdout and stderr go to {@code <name>.out} in its log
 * directory; {@link #kill()} is {@code kill -9} of the whole process tree, {@link #close()} a
 * SIGTERM with a grace period, then SIGKILL.
 */
public final class ManagedProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path outFile;
    private final List<Path> logFiles;

    private ManagedProcess(String name, Process process, Path outFile, List<Path> logFiles) {
        this.name = name;
        this.process = process;
        this.outFile = outFile;
        this.logFiles = logFiles;
    }

    /**
     * Starts {@code command} with {@code environment} added to this JVM's environment.
     *
     * @param extraLogFiles files the process writes its log to (printed with the output on failure)
     */
    public static ManagedProcess start(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path logDir,
            List<Path> extraLogFiles) {
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(name + ".out");
            Files.writeString(
                    out,
                    "$ " + String.join(" ", masked(command)) + System.lineSeparator(),
                    StandardCharsets.UTF_8);
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .directory(logDir.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            ProcessReaper.register(process);
            List<Path> logs = new ArrayList<>();
            logs.add(out);
            logs.addAll(extraLogFiles);
            return new ManagedProcess(name, process, out, logs);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** The command line as logged: the value after any {@code ...secret} flag is masked. */
    private static List<String> masked(List<String> command) {
        List<String> out = new ArrayList<>(command);
        for (int i = 0; i + 1 < out.size(); i++) {
            if (out.get(i).toLowerCase(java.util.Locale.ROOT).endsWith("secret")) {
                out.set(i + 1, "****");
            }
        }
        return out;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Standard output and error, with the command line as the first line. */
    public Path outFile() {
        return outFile;
    }

    /** The output file and the log files the process writes. */
    public List<Path> logFiles() {
        return logFiles;
    }

    /** {@code kill -9}: no shutdown hooks, no cleanup, as when a machine dies. Waits for the exit. */
    public void kill() {
        ProcessReaper.killTree(process.toHandle());
        awaitExit(GRACE);
        ProcessReaper.unregister(process);
    }

    /** SIGTERM (the process may clean up), SIGKILL after a grace period. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!awaitExit(GRACE)) {
                ProcessReaper.killTree(process.toHandle());
                awaitExit(GRACE);
            }
        }
        ProcessReaper.unregister(process);
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + (process.isAlive() ? "" : ", exited") + ")";
    }
}

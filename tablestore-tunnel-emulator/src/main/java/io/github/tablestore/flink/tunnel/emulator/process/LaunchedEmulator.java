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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An emulator process {@link EmulatorLauncher} started, listening. {@link #close()} stops it
 * (SIGTERM, so it shuts down cleanly; SIGKILL of its process tree after the stop timeout) and waits
 * until it is gone; a shutdown hook kills every one still running when this JVM exits.
 */
public final class LaunchedEmulator implements AutoCloseable {
    private static final int TAIL_LINES = 40;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> LIVE.forEach(p -> killTree(p.toHandle())),
                                "tablestore-emulator-reaper"));
    }

    private final Process process;
    private final Thread outputPump;
    private final Path logFile;
    private final ReadyLine ready;
    private final Duration stopTimeout;

    private LaunchedEmulator(
            Process process, Thread outputPump, Path logFile, ReadyLine ready, Duration stop) {
        this.process = process;
        this.outputPump = outputPump;
        this.logFile = logFile;
        this.ready = ready;
        this.stopTimeout = stop;
    }

    static LaunchedEmulator start(
            ProcessBuilder builder,
            String maskedCommand,
            Path log,
            Duration readyTimeout,
            Duration stopTimeout)
            throws IOException {
        Writer out =
                Files.newBufferedWriter(
                        log,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
        out.write("$ " + maskedCommand + System.lineSeparator());
        out.flush();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            out.close();
            throw e;
        }
        LIVE.add(process);
        OutputPump pump = new OutputPump(process, out);
        Thread thread = new Thread(pump, "tablestore-emulator-output-" + process.pid());
        thread.setDaemon(true);
        thread.start();
        LaunchedEmulator launched;
        try {
            ReadyLine line = pump.ready.get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            launched = new LaunchedEmulator(process, thread, log, line, stopTimeout);
        } catch (ExecutionException | TimeoutException e) {
            String why =
                    e instanceof TimeoutException
                            ? "did not print its ready line within "
                                    + readyTimeout.toSeconds()
                                    + " s"
                            : "exited with code " + exitCode(process) + " before it was ready";
            killTree(process.toHandle());
            awaitExit(process, stopTimeout);
            LIVE.remove(process);
            throw new IllegalStateException(
                    "The emulator process "
                            + process.pid()
                            + " "
                            + why
                            + "; its output is in "
                            + log.toAbsolutePath()
                            + ", last lines:"
                            + System.lineSeparator()
                            + String.join(System.lineSeparator(), pump.tail()));
        } catch (InterruptedException e) {
            killTree(process.toHandle());
            LIVE.remove(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the emulator process started", e);
        }
        return launched;
    }

    /** The HTTP endpoint, e.g. {@code http://127.0.0.1:41234}, from the ready line. */
    public String endpoint() {
        return ready.endpoint();
    }

    /** The instance name it serves, from the ready line. */
    public String instanceName() {
        return ready.instanceName();
    }

    /** The AccessKey ID it accepts, from the ready line (the secret is never printed). */
    public String accessKeyId() {
        return ready.accessKeyId();
    }

    public long pid() {
        return process.pid();
    }

    /** The process, e.g. to record its id or read its CPU time; stop it with {@link #close()}. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Its standard output and error, the command line first. */
    public Path logFile() {
        return logFile;
    }

    /** Stops the process and waits until it has exited and its output is written. */
    @Override
    public void close() {
        try {
            // A main class may watch its input to notice that its parent is gone.
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed: the process is gone.
        }
        if (process.isAlive()) {
            // Through the handle: Process.destroy() would also close the output the pump reads.
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.toHandle().destroy();
            if (!awaitExit(process, stopTimeout)) {
                killTree(process.toHandle());
                awaitExit(process, stopTimeout);
            }
        }
        LIVE.remove(process);
        try {
            outputPump.join(stopTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "emulator process "
                + process.pid()
                + (process.isAlive() ? " at " + endpoint() : " (exited)");
    }

    private static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    private static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String exitCode(Process process) {
        return awaitExit(process, Duration.ofSeconds(5))
                ? Integer.toString(process.exitValue())
                : "?";
    }

    /**
     * Copies the process's output to the log file line by line, keeps the last lines for a start
     * failure's message and completes {@link #ready} with the first ready line.
     */
    private static final class OutputPump implements Runnable {
        private final Process process;
        private final Writer log;
        private final Deque<String> tail = new ArrayDeque<>();
        final CompletableFuture<ReadyLine> ready = new CompletableFuture<>();

        OutputPump(Process process, Writer log) {
            this.process = process;
            this.log = log;
        }

        @Override
        public void run() {
            try (Writer out = log;
                    BufferedReader in =
                            new BufferedReader(
                                    new InputStreamReader(
                                            process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line + System.lineSeparator());
                    out.flush();
                    if (!ready.isDone()) {
                        remember(line);
                        ReadyLine.parse(line).ifPresent(ready::complete);
                    }
                }
                ready.completeExceptionally(new IOException("end of the process's output"));
            } catch (IOException e) {
                // Before the ready line this fails the start; after it only the log is cut short.
                ready.completeExceptionally(e);
            }
        }

        private synchronized void remember(String line) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }

        synchronized List<String> tail() {
            return new ArrayList<>(tail);
        }
    }
}

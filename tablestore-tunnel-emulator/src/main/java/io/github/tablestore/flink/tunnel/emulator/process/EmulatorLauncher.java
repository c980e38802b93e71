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

import io.github.tablestore.flink.tunnel.emulator.cli.EmulatorMain;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Starts the emulator in a JVM of its own, for tests and benchmarks that must not share a heap, GC
 * or class path with the server (a real Flink cluster, a CPU measurement), and returns once it
 * listens:
 *
 * <pre>{@code
 * try (LaunchedEmulator emulator =
 *         EmulatorLauncher.builder()
 *                 .maxHeap("256m")
 *                 .arguments("--port", "0", "--partitions", "4")
 *                 .start()) {
 *     SyncClient client = new SyncClient(emulator.endpoint(), ...);
 * }
 * }</pre>
 *
 * <p>It lives in the emulator's own API (not in a test jar of one consumer) because starting the
 * server is the emulator's concern and users need the same in their own tests; it uses nothing but
 * the JDK, so it adds no dependency. By default it runs {@link EmulatorMain} from this JVM's class
 * path with {@code java} from {@code java.home}; {@link Builder#jar} runs a jar instead (e.g. the
 * standalone one) and {@link Builder#mainClass} another main class, which must print the {@link
 * ReadyLine}. Readiness is that line on the process's output, never a sleep. Standard output and
 * error go to {@link Builder#logFile} (first line: the command, secrets masked); a start failure
 * throws with its last lines.
 */
public final class EmulatorLauncher {
    private final List<String> commandPrefix;
    private final Path javaExecutable;
    private final Path jar;
    private final String classpath;
    private final String mainClass;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Duration readyTimeout;
    private final Duration stopTimeout;

    private EmulatorLauncher(Builder b) {
        this.commandPrefix = List.copyOf(b.commandPrefix);
        this.javaExecutable = b.javaExecutable;
        this.jar = b.jar;
        this.classpath = b.classpath;
        this.mainClass = b.mainClass;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.arguments = List.copyOf(b.arguments);
        this.environment = Map.copyOf(b.environment);
        this.logFile = b.logFile;
        this.readyTimeout = b.readyTimeout;
        this.stopTimeout = b.stopTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The command line this launcher runs. */
    public List<String> command() {
        List<String> command = new ArrayList<>(commandPrefix);
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        if (jar != null) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
        }
        command.addAll(arguments);
        return command;
    }

    /**
     * Starts the process and waits for its ready line.
     *
     * @throws IllegalStateException if it exits or stays silent past the ready timeout (it is then
     *     killed); the message has the end of its output
     * @throws UncheckedIOException if it cannot be started or its log cannot be written
     */
    public LaunchedEmulator start() {
        try {
            Path log =
                    logFile != null ? logFile : Files.createTempFile("tablestore-emulator", ".log");
            if (log.toAbsolutePath().getParent() != null) {
                Files.createDirectories(log.toAbsolutePath().getParent());
            }
            ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            return LaunchedEmulator.start(
                    builder, String.join(" ", masked(command())), log, readyTimeout, stopTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the emulator process: " + e, e);
        }
    }

    /** The value after a {@code ...secret} flag, or of {@code --...secret=value}, is masked. */
    static List<String> masked(List<String> command) {
        List<String> out = new ArrayList<>(command);
        for (int i = 0; i < out.size(); i++) {
            String arg = out.get(i).toLowerCase(Locale.ROOT);
            int eq = arg.indexOf('=');
            if (eq > 0 && arg.substring(0, eq).endsWith("secret")) {
                out.set(i, out.get(i).substring(0, eq + 1) + "****");
            } else if (arg.endsWith("secret") && i + 1 < out.size()) {
                out.set(++i, "****");
            }
        }
        return out;
    }

    /** What to run; every setting has a default. */
    public static final class Builder {
        private final List<String> commandPrefix = new ArrayList<>();
        private Path javaExecutable = Paths.get(System.getProperty("java.home"), "bin", "java");
        private Path jar;
        private String classpath = System.getProperty("java.class.path");
        private String mainClass = EmulatorMain.class.getName();
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> arguments = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path logFile;
        private Duration readyTimeout = Duration.ofSeconds(60);
        private Duration stopTimeout = Duration.ofSeconds(10);

        private Builder() {}

        /**
         * Words before {@code java} on the command line, e.g. {@code taskset -c 0} to pin the
         * emulator to a core; the program must exec {@code java} (keep its process id). Default
         * none.
         */
        public Builder commandPrefix(List<String> words) {
            commandPrefix.clear();
            commandPrefix.addAll(words);
            return this;
        }

        /** The {@code java} to run (default: the one running this JVM, from {@code java.home}). */
        public Builder javaExecutable(Path java) {
            this.javaExecutable = Objects.requireNonNull(java, "java");
            return this;
        }

        /** Runs {@code java -jar <jar>} (e.g. the standalone jar) instead of a class path. */
        public Builder jar(Path executableJar) {
            this.jar = Objects.requireNonNull(executableJar, "jar");
            return this;
        }

        /** The class path (default: this JVM's {@code java.class.path}); ignored with a jar. */
        public Builder classpath(List<Path> entries) {
            List<String> parts = new ArrayList<>();
            entries.forEach(p -> parts.add(p.toString()));
            this.classpath = String.join(File.pathSeparator, parts);
            return this;
        }

        /**
         * The main class (default {@link EmulatorMain}); it must print the {@link ReadyLine} when
         * it listens. Ignored with a jar.
         */
        public Builder mainClass(String name) {
            this.mainClass = Objects.requireNonNull(name, "mainClass");
            return this;
        }

        /** The JVM's maximum heap, e.g. {@code 256m} ({@code -Xmx}). */
        public Builder maxHeap(String size) {
            return jvmOptions("-Xmx" + size);
        }

        /** More JVM options, e.g. {@code -XX:+UseSerialGC} or a {@code -D} property. */
        public Builder jvmOptions(String... options) {
            jvmOptions.addAll(Arrays.asList(options));
            return this;
        }

        /** Program arguments, e.g. {@code --port 0} (see {@link EmulatorMain}'s flags). */
        public Builder arguments(String... args) {
            return arguments(Arrays.asList(args));
        }

        /** Program arguments. */
        public Builder arguments(List<String> args) {
            arguments.addAll(args);
            return this;
        }

        /** An environment variable added to this JVM's environment for the process. */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Where its standard output and error go (appended; default: a new temporary file). */
        public Builder logFile(Path file) {
            this.logFile = Objects.requireNonNull(file, "logFile");
            return this;
        }

        /** How long to wait for the ready line (default 60 s). */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = Objects.requireNonNull(timeout, "readyTimeout");
            return this;
        }

        /** How long {@code close()} waits after SIGTERM before it kills (default 10 s). */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = Objects.requireNonNull(timeout, "stopTimeout");
            return this;
        }

        public EmulatorLauncher build() {
            return new EmulatorLauncher(this);
        }

        /** {@code build().start()}. */
        public LaunchedEmulator start() {
            return build().start();
        }
    }
}

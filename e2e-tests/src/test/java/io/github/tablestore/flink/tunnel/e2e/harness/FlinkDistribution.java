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
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Flink distribution of the line being built (2.2.0, or 1.20.3 with {@code -Pflink-1.20})
 * would provide, assembled from the build: the jars of its
 * {@code lib/} (resolved by Maven into {@code cluster.classpath}), the SQL Gateway's jar from its
 * {@code opt/}, and the JVM options its scripts add.
 */
public final class FlinkDistribution {
    /**
     * The {@code --add-exports/--add-opens} list of the distribution's default {@code config.yaml}
     * ({@code env.java.opts.all}, later {@code env.java.default-opts.all}): what Flink needs on JDK 17.
     */
    public static final List<String> JDK17_DEFAULT_OPTS =
            List.of(
                    "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final List<Path> lib;
    private final List<Path> sqlGateway;

    private FlinkDistribution(List<Path> lib, List<Path> sqlGateway) {
        this.lib = lib;
        this.sqlGateway = sqlGateway;
    }

    /** From the classpath files the build wrote (system properties set by failsafe). */
    public static FlinkDistribution fromBuild() {
        List<Path> lib = readClasspath(E2eSettings.path("e2e.clusterClasspath"));
        List<Path> gateway = readClasspath(E2eSettings.path("e2e.gatewayClasspath"));
        for (Path jar : lib) {
            // The connector must reach the cluster only through the job jar or ADD JAR.
            if (jar.toString()
                    .contains("io" + File.separator + "github" + File.separator + "tablestore")) {
                throw new IllegalStateException(
                        "The cluster classpath must not contain the connector: " + jar);
            }
        }
        if (gateway.isEmpty()) {
            throw new IllegalStateException("No SQL Gateway jar in the gateway classpath");
        }
        return new FlinkDistribution(lib, gateway);
    }

    private static List<Path> readClasspath(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            List<Path> entries = new ArrayList<>();
            for (String entry : text.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    Path p = Paths.get(entry);
                    if (!Files.isRegularFile(p)) {
                        throw new IllegalStateException("Missing jar " + p + " listed in " + file);
                    }
                    entries.add(p);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read " + file + " (run the build through `verify`)", e);
        }
    }

    /** The JobManager's and TaskManagers' classpath ({@code lib/}). */
    public List<Path> lib() {
        return lib;
    }

    /** The SQL Gateway's classpath: {@code lib/} plus {@code opt/flink-sql-gateway}. */
    public List<Path> sqlGatewayClasspath() {
        List<Path> all = new ArrayList<>(lib);
        all.addAll(sqlGateway);
        return all;
    }
}

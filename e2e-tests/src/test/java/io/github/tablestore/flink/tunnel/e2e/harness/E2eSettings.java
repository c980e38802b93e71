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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The build's inputs to the tests, passed by failsafe as system properties (see the pom). */
public final class E2eSettings {
    private E2eSettings() {}

    public static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(
                    "System property "
                            + property
                            + " is not set: run the end-to-end tests through Maven (`./mvnw verify -pl e2e-tests -am`)");
        }
        return Paths.get(value).toAbsolutePath();
    }

    /** A file the build produced; fails with advice when it is missing. */
    public static Path existingFile(String property) {
        Path p = path(property);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(
                    p + " (" + property + ") does not exist: build it with `./mvnw package`");
        }
        return p;
    }

    public static Path workDir() {
        return path("e2e.workDir");
    }

    public static Path jobJar() {
        return existingFile("e2e.jobJar");
    }

    /** The shaded {@code flink-sql-connector-tablestore-tunnel} jar. */
    public static Path sqlConnectorJar() {
        return existingFile("e2e.sqlConnectorJar");
    }

    public static Path emulatorJar() {
        return existingFile("e2e.emulatorJar");
    }
}

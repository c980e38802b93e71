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
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** A {@code java} command line, with the JDK that runs the tests. */
final class JavaCommand {
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<Path> classpath = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private String mainClass;

    static Path javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    JavaCommand jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    JavaCommand jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    JavaCommand classpath(List<Path> entries) {
        classpath.addAll(entries);
        return this;
    }

    JavaCommand mainClass(String name) {
        this.mainClass = name;
        return this;
    }

    JavaCommand arguments(List<String> args) {
        arguments.addAll(args);
        return this;
    }

    List<String> build() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        List<String> cp = new ArrayList<>();
        for (Path p : classpath) {
            cp.add(p.toString());
        }
        command.add("-classpath");
        command.add(String.join(File.pathSeparator, cp));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }
}

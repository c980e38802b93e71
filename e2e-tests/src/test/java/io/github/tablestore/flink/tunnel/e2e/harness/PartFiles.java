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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The committed output of a {@code FileSink}: every part file under a directory whose name does not
 * start with {@code .} or {@code _} (in-progress and pending files are hidden until the checkpoint
 * that covers them completes).
 */
public final class PartFiles {
    private PartFiles() {}

    public static List<String> committedLines(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files =
                    walk.filter(Files::isRegularFile)
                            .filter(PartFiles::isCommitted)
                            .collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            return retryLater(e); // a file renamed while listing
        }
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
            } catch (NoSuchFileException e) {
                return retryLater(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    private static boolean isCommitted(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("_");
    }

    private static List<String> retryLater(Exception e) {
        throw new IllegalStateException("Output changed while reading it; read again", e);
    }
}

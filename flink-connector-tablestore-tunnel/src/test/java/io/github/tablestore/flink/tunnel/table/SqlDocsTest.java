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

package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.table.lookup.LookupOptions;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.util.TimeUtils;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/sql.md lists exactly the factory's options, with their VVR keys, defaults and types. */
class SqlDocsTest {
    private static final TablestoreTunnelTableFactory FACTORY = new TablestoreTunnelTableFactory();

    private static String docs() throws IOException {
        Path path = Paths.get("..", "docs", "sql.md");
        return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    }

    /** Rows of the option tables under "## Options" and "## Lookup joins": option → its cells. */
    private static Map<String, List<String>> documentedOptions() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        optionRows(docs().split("\n## Options\n")[1].split("\n## ")[0], rows);
        optionRows(docs().split("\n## Lookup joins\n")[1].split("\n## ")[0], rows);
        return rows;
    }

    private static void optionRows(String section, Map<String, List<String>> rows) {
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
                cells.add(cell.trim().replace("`", ""));
            }
            if (cells.size() == 6) {
                rows.put(cells.get(0), cells);
            }
        }
    }

    @Test
    void theOptionsTableMatchesTheFactory() throws IOException {
        Map<String, List<String>> documented = documentedOptions();
        List<ConfigOption<?>> options = new ArrayList<>(FACTORY.requiredOptions());
        options.addAll(FACTORY.optionalOptions());
        Set<String> expectedKeys = new TreeSet<>();
        for (ConfigOption<?> option : options) {
            if (isVvrCompatibilityOnly(option)) {
                continue;
            }
            expectedKeys.add(option.key());
            List<String> row = documented.get(option.key());
            assertThat(row).as("docs row of %s", option.key()).isNotNull();
            assertThat(row.get(1))
                    .as("VVR key of %s", option.key())
                    .isEqualTo(fallbackKeys(option));
            assertThat(row.get(2))
                    .as("required %s", option.key())
                    .isEqualTo(FACTORY.requiredOptions().contains(option) ? "yes" : "no");
            assertThat(row.get(3)).as("default of %s", option.key()).isEqualTo(defaultText(option));
        }
        assertThat(new TreeSet<>(documented.keySet())).isEqualTo(expectedKeys);
    }

    @Test
    void everyVvrTuningOptionIsListedAsMappedOrRejected() throws IOException {
        String section = docs().split("\n### VVR tuning options\n")[1].split("\n## ")[0];
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.substring(1).split("\\|");
                rows.put(cells[0].trim().replace("`", ""), cells[1].trim());
            }
        }
        Set<String> expected = new TreeSet<>();
        for (ConfigOption<?> option : VvrTuningOptions.ALL) {
            expected.add(option.key());
            boolean rejected =
                    option == VvrTuningOptions.IO_THREAD_COUNT
                            || option == VvrTuningOptions.DATA_FETCH_TIMEOUT_MS;
            assertThat(rows.get(option.key()))
                    .as("docs row of VVR option %s", option.key())
                    .startsWith(rejected ? "rejected" : "mapped");
        }
        expected.add(TablestoreTunnelTableOptions.VVR_STREAM_ORIGIN_COLUMN_MAPPING.key());
        assertThat(rows.get(TablestoreTunnelTableOptions.VVR_STREAM_ORIGIN_COLUMN_MAPPING.key()))
                .startsWith("rejected");
        assertThat(new TreeSet<>(rows.keySet())).isEqualTo(expected);
    }

    @Test
    void theMetadataTableListsEveryKey() throws IOException {
        String section = docs().split("\n## Metadata\n")[1].split("\n## ")[0];
        for (TunnelMetadata m : TunnelMetadata.values()) {
            assertThat(section).contains("| `" + m.key + "` |");
        }
        assertThat(section).contains("| `" + TunnelMetadata.ORIGIN_PREFIX + "<column>` |");
    }

    @Test
    void theMappedVvrLookupOptionsAreListed() throws IOException {
        String section = docs().split("\n## Lookup joins\n")[1].split("\n## ")[0];
        for (ConfigOption<?> option : LookupOptions.VVR_MAPPED) {
            assertThat(section).contains("| `" + option.key() + "`");
        }
    }

    private static boolean isVvrCompatibilityOnly(ConfigOption<?> option) {
        return VvrTuningOptions.ALL.contains(option)
                || LookupOptions.VVR_MAPPED.contains(option)
                || option == TablestoreTunnelTableOptions.VVR_STREAM_ORIGIN_COLUMN_MAPPING;
    }

    private static String fallbackKeys(ConfigOption<?> option) {
        List<String> keys = new ArrayList<>();
        for (FallbackKey key : option.fallbackKeys()) {
            keys.add(key.getKey());
        }
        return String.join(", ", keys);
    }

    private static String defaultText(ConfigOption<?> option) {
        if (!option.hasDefaultValue()) {
            return "(none)";
        }
        Object value = option.defaultValue();
        return value instanceof Duration
                ? TimeUtils.formatWithHighestUnit((Duration) value)
                : value.toString();
    }
}

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

package io.github.tablestore.flink.tunnel.source.it;

import io.github.tablestore.flink.tunnel.source.testing.KeyValueSchema;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Shared bits of the MiniCluster tests. */
final class ItSupport {
    static final Duration DEADLINE = Duration.ofSeconds(90);

    private ItSupport() {}

    /** An environment checkpointing every 100 ms; {@code restarts} fixed-delay restarts (0: none). */
    static StreamExecutionEnvironment env(int parallelism, int restarts, Configuration extra) {
        StreamExecutionEnvironment env = uncheckpointedEnv(parallelism, restarts, extra);
        env.enableCheckpointing(100);
        return env;
    }

    /** An environment without checkpoints; {@code restarts} fixed-delay restarts (0: none). */
    static StreamExecutionEnvironment uncheckpointedEnv(
            int parallelism, int restarts, Configuration extra) {
        Configuration conf = new Configuration(extra);
        if (restarts > 0) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restarts);
            conf.set(
                    RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                    Duration.ofMillis(100));
        } else {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    /** Takes records from {@code it} until {@code done} holds for what was taken. */
    static List<String> take(Iterator<String> it, List<String> into, Predicate<List<String>> done) {
        while (!done.test(into)) {
            into.add(it.next());
        }
        return into;
    }

    /** Key → values in arrival order ("DELETE" for deletions). */
    static Map<Long, List<String>> historyByKey(List<String> lines) {
        Map<Long, List<String>> byKey = new TreeMap<>();
        for (String line : lines) {
            String v =
                    KeyValueSchema.action(line).equals("DELETE_ROW")
                            ? "DELETE"
                            : KeyValueSchema.value(line);
            byKey.computeIfAbsent(KeyValueSchema.id(line), k -> new ArrayList<>()).add(v);
        }
        return byKey;
    }

    /** Key → values of the records from stream channels (not "BaseData_"), in arrival order. */
    static Map<Long, List<String>> streamHistoryByKey(List<String> lines) {
        List<String> stream = new ArrayList<>();
        for (String line : lines) {
            if (!KeyValueSchema.channel(line).startsWith("BaseData_")) {
                stream.add(line);
            }
        }
        return historyByKey(stream);
    }

    static Map<Long, List<String>> expected(long from, long to, String... values) {
        Map<Long, List<String>> m = new LinkedHashMap<>();
        for (long k = from; k < to; k++) {
            m.put(k, List.of(values));
        }
        return m;
    }

    static void waitFor(BooleanSupplier condition, String what) throws Exception {
        waitFor(condition, what, DEADLINE);
    }

    /** Waits until {@code condition} holds, at most {@code within}. */
    static void waitFor(BooleanSupplier condition, String what, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(
                        "Timed out after " + within.toMillis() + " ms waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling interval of a deadline wait
        }
    }
}

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

package io.github.tablestore.flink.tunnel.benchmarks.decode;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs {@link DecodeBenchmark} through JMH (forked JVMs on the driver's class path). */
public final class DecodeRunner {
    private DecodeRunner() {}

    /** Benchmark name → {score, error} in ns per record. */
    public static Map<String, double[]> run(int forks, int seconds) throws Exception {
        Options options =
                new OptionsBuilder()
                        .include(DecodeBenchmark.class.getName() + "\\.")
                        .forks(forks)
                        .warmupIterations(3)
                        .warmupTime(TimeValue.seconds(seconds))
                        .measurementIterations(5)
                        .measurementTime(TimeValue.seconds(seconds))
                        .jvmArgs("-Xms1g", "-Xmx1g", "-XX:+UseG1GC")
                        .shouldFailOnError(true)
                        .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            out.put(
                    name,
                    new double[] {
                        r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()
                    });
        }
        return out;
    }
}

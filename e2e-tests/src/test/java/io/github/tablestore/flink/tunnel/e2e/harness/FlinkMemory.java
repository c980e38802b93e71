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

import io.github.tablestore.flink.tunnel.e2e.compat.JobManagerSpecs;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The memory settings Flink's start scripts derive before they launch a JobManager or TaskManager
 * ({@code BashJavaUtils GET_JM_RESOURCE_PARAMS / GET_TM_RESOURCE_PARAMS}): JVM options such as
 * {@code -Xmx}, and {@code -D} dynamic properties that pin every memory component. A
 * TaskManagerRunner refuses to start without the latter. Computed with the same Flink code, from
 * the same configuration the processes read.
 */
final class FlinkMemory {
    private FlinkMemory() {}

    static Params jobManager(Map<String, String> config) {
        Configuration conf = Configuration.fromMap(config);
        JobManagerProcessSpec spec = JobManagerSpecs.fromConfig(conf);
        return new Params(
                words(JobManagerProcessUtils.generateJvmParametersStr(spec, conf)),
                words(JobManagerProcessUtils.generateDynamicConfigsStr(spec)));
    }

    static Params taskManager(Map<String, String> config) {
        TaskExecutorProcessSpec spec =
                TaskExecutorProcessUtils.processSpecFromConfig(Configuration.fromMap(config));
        return new Params(
                words(ProcessMemoryUtils.generateJvmParametersStr(spec)),
                words(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)));
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : Arrays.asList(s.trim().split("\\s+"))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** JVM options and program arguments ({@code -D key=value ...}). */
    static final class Params {
        final List<String> jvmOptions;
        final List<String> dynamicProperties;

        Params(List<String> jvmOptions, List<String> dynamicProperties) {
            this.jvmOptions = jvmOptions;
            this.dynamicProperties = dynamicProperties;
        }
    }
}

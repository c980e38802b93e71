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

package io.github.tablestore.flink.tunnel.source.it.suite;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.connector.testframe.environment.MiniClusterTestEnvironment;
import org.apache.flink.connector.testframe.environment.TestEnvironmentSettings;
import org.apache.flink.connector.testframe.testsuites.SourceTestSuiteBase;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cases of Flink's source test suite that read a bounded source, run in BATCH runtime mode
 * ({@link TunnelSourceTestSuiteITCase} runs the whole suite in streaming mode). The suite's
 * framework runs every case it has in one environment, so these call its bounded cases directly
 * with an environment that runs jobs as batch jobs.
 */
class TunnelSourceBatchSuiteITCase {
    private static final MiniClusterTestEnvironment FLINK = new BatchEnvironment();
    private static final EmulatorResource TABLESTORE = new EmulatorResource();
    private final SourceTestSuiteBase<String> suite = new SourceTestSuiteBase<String>() {};

    /** The framework's MiniCluster environment, creating batch execution environments. */
    private static final class BatchEnvironment extends MiniClusterTestEnvironment {
        @Override
        public StreamExecutionEnvironment createExecutionEnvironment(
                TestEnvironmentSettings settings) {
            StreamExecutionEnvironment env = super.createExecutionEnvironment(settings);
            env.setRuntimeMode(RuntimeExecutionMode.BATCH);
            return env;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        FLINK.startUp();
        TABLESTORE.startUp();
    }

    @AfterAll
    static void stop() throws Exception {
        TABLESTORE.tearDown();
        FLINK.tearDown();
    }

    private static TunnelSourceExternalContext tunnels() {
        return new TunnelSourceExternalContext(TABLESTORE.emulator());
    }

    @Test
    void singleSplit() throws Exception {
        try (TunnelSourceExternalContext context = tunnels()) {
            suite.testSourceSingleSplit(FLINK, context, CheckpointingMode.EXACTLY_ONCE);
        }
    }

    @Test
    void multipleSplits() throws Exception {
        try (TunnelSourceExternalContext context = tunnels()) {
            suite.testMultipleSplits(FLINK, context, CheckpointingMode.EXACTLY_ONCE);
        }
    }

    @Test
    void idleReader() throws Exception {
        try (TunnelSourceExternalContext context = tunnels()) {
            suite.testIdleReader(FLINK, context, CheckpointingMode.EXACTLY_ONCE);
        }
    }
}

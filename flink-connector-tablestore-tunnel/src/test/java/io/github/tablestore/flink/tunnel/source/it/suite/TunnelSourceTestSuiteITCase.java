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

import org.apache.flink.connector.testframe.environment.MiniClusterTestEnvironment;
import org.apache.flink.connector.testframe.external.ExternalContextFactory;
import org.apache.flink.connector.testframe.junit.annotations.TestContext;
import org.apache.flink.connector.testframe.junit.annotations.TestEnv;
import org.apache.flink.connector.testframe.junit.annotations.TestExternalSystem;
import org.apache.flink.connector.testframe.junit.annotations.TestSemantics;
import org.apache.flink.connector.testframe.testsuites.SourceTestSuiteBase;
import org.apache.flink.core.execution.CheckpointingMode;

/**
 * Flink's own source test suite (flink-connector-test-utils) on the tunnel source: every case,
 * nothing overridden, under both semantics, with a MiniCluster (1 TaskManager × 6 slots), the
 * emulator as the external system and {@link TunnelSourceExternalContext} mapping splits to
 * tunnel channels.
 */
class TunnelSourceTestSuiteITCase extends SourceTestSuiteBase<String> {

    @TestEnv final MiniClusterTestEnvironment flink = new MiniClusterTestEnvironment();

    @TestExternalSystem final EmulatorResource tablestore = new EmulatorResource();

    @TestSemantics
    final CheckpointingMode[] semantics =
            new CheckpointingMode[] {
                CheckpointingMode.EXACTLY_ONCE, CheckpointingMode.AT_LEAST_ONCE
            };

    @TestContext
    final ExternalContextFactory<TunnelSourceExternalContext> tunnels =
            testName -> new TunnelSourceExternalContext(tablestore.emulator());
}

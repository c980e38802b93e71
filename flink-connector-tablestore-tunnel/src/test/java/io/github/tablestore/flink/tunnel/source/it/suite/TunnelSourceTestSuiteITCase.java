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

    @TestEnv
    final MiniClusterTestEnvironment flink = new MiniClusterTestEnvironment();

    @TestExternalSystem
    final EmulatorResource tablestore = new EmulatorResource();

    @TestSemantics
    final CheckpointingMode[] semantics =
            new CheckpointingMode[] {CheckpointingMode.EXACTLY_ONCE, CheckpointingMode.AT_LEAST_ONCE};

    @TestContext
    final ExternalContextFactory<TunnelSourceExternalContext> tunnels =
            testName -> new TunnelSourceExternalContext(tablestore.emulator());
}

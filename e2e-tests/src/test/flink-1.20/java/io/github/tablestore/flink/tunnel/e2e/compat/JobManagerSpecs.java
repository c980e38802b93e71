package io.github.tablestore.flink.tunnel.e2e.compat;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;

/**
 * The JobManager's memory as Flink 1.20's start scripts compute it (BashJavaUtils): 1.20 still maps
 * the legacy heap option onto the JVM heap, through a method 2.x replaced by a plain
 * {@code processSpecFromConfig} (package-private in 1.20).
 */
public final class JobManagerSpecs {
    private JobManagerSpecs() {}

    public static JobManagerProcessSpec fromConfig(Configuration conf) {
        return JobManagerProcessUtils.processSpecFromConfigWithNewOptionToInterpretLegacyHeap(
                conf, JobManagerOptions.JVM_HEAP_MEMORY);
    }
}

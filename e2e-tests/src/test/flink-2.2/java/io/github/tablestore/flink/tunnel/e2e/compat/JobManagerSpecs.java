package io.github.tablestore.flink.tunnel.e2e.compat;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;

/** The JobManager's memory as Flink 2.2's start scripts compute it (BashJavaUtils). */
public final class JobManagerSpecs {
    private JobManagerSpecs() {}

    public static JobManagerProcessSpec fromConfig(Configuration conf) {
        return JobManagerProcessUtils.processSpecFromConfig(conf);
    }
}

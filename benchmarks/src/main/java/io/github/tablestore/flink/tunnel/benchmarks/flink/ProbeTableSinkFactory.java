package io.github.tablestore.flink.tunnel.benchmarks.flink;

import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.SinkV2Provider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.FactoryUtil;

/**
 * SQL sink {@code 'connector' = 'bench-probe'}: discards rows (internal {@link RowData}, no
 * conversion) and reports them to the {@link Probe} named by {@code 'run-id'}, like the
 * DataStream runs' {@link ProbeSink}.
 */
public final class ProbeTableSinkFactory implements DynamicTableSinkFactory {
    public static final String IDENTIFIER = "bench-probe";
    static final ConfigOption<String> RUN_ID = ConfigOptions.key("run-id").stringType().noDefaultValue();

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(RUN_ID);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        return new ProbeTableSink(helper.getOptions().get(RUN_ID));
    }

    private static final class ProbeTableSink implements DynamicTableSink {
        private final String runId;

        ProbeTableSink(String runId) {
            this.runId = runId;
        }

        @Override
        public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
            return requestedMode;
        }

        @Override
        public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
            return SinkV2Provider.of(new ProbeSink<RowData>(runId));
        }

        @Override
        public DynamicTableSink copy() {
            return new ProbeTableSink(runId);
        }

        @Override
        public String asSummaryString() {
            return IDENTIFIER;
        }
    }
}

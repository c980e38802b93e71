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

package io.github.tablestore.flink.tunnel.benchmarks.flink;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.SinkV2Provider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.Set;

/**
 * SQL sink {@code 'connector' = 'bench-probe'}: discards rows (internal {@link RowData}, no
 * conversion) and reports them to the {@link Probe} named by {@code 'run-id'}, like the
 * DataStream runs' {@link ProbeSink}.
 */
public final class ProbeTableSinkFactory implements DynamicTableSinkFactory {
    public static final String IDENTIFIER = "bench-probe";
    static final ConfigOption<String> RUN_ID =
            ConfigOptions.key("run-id").stringType().noDefaultValue();

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

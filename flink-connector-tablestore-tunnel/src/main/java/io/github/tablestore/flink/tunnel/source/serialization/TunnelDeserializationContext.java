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

package io.github.tablestore.flink.tunnel.source.serialization;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * What a {@link TunnelRecordDeserializationSchema} is opened with in a reader: its metric group
 * ({@code deserializer} under the reader's) and Flink's standard {@code numRecordsInErrors}
 * counter of the reader, for records the schema drops as invalid.
 */
@PublicEvolving
public final class TunnelDeserializationContext
        implements DeserializationSchema.InitializationContext {
    private final SourceReaderContext reader;
    private final MetricGroup group;

    public TunnelDeserializationContext(SourceReaderContext reader) {
        this.reader = reader;
        this.group = reader.metricGroup().addGroup("deserializer");
    }

    @Override
    public MetricGroup getMetricGroup() {
        return group;
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
        return reader.getUserCodeClassLoader();
    }

    /** The reader's {@code numRecordsInErrors} (FLIP-33): count each record dropped as invalid. */
    public Counter numRecordsInErrors() {
        return reader.metricGroup().getNumRecordsInErrorsCounter();
    }
}

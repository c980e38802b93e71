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

package io.github.tablestore.flink.tunnel.e2e.jobs;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Numbers each key's changes in the order they arrive: {@code <id>|<n>|<rest of the line>}.
 *
 * <p>The counter is keyed state, so it is checkpointed with the source's positions: after a
 * failover the replayed changes get their old numbers again. Read back from the exactly-once file
 * sink, a key's numbers are therefore 0, 1, 2, … without gaps or repeats exactly when every change
 * arrived once, and sorting by them gives the order the job saw.
 */
public final class ArrivalOrder extends KeyedProcessFunction<Long, String, String> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> arrivals;

    @Override
    public void open(OpenContext openContext) {
        arrivals = getRuntimeContext().getState(new ValueStateDescriptor<>("arrivals", Types.LONG));
    }

    @Override
    public void processElement(String line, Context ctx, Collector<String> out) throws Exception {
        Long seen = arrivals.value();
        long n = seen == null ? 0 : seen;
        arrivals.update(n + 1);
        int cut = line.indexOf('|');
        out.collect(line.substring(0, cut) + "|" + n + line.substring(cut));
    }
}

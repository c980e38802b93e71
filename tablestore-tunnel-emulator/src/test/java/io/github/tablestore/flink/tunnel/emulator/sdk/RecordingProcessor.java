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

package io.github.tablestore.flink.tunnel.emulator.sdk;

import com.alicloud.openservices.tablestore.model.StreamRecord;
import com.alicloud.openservices.tablestore.tunnel.worker.IChannelProcessor;
import com.alicloud.openservices.tablestore.tunnel.worker.ProcessRecordsInput;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** An SDK channel processor that remembers every record with its channel and arrival order. */
final class RecordingProcessor implements IChannelProcessor {
    /** One delivered record. */
    static final class Delivery {
        final long order;
        final String channelId;
        final StreamRecord record;

        Delivery(long order, String channelId, StreamRecord record) {
            this.order = order;
            this.channelId = channelId;
            this.record = record;
        }

        String key() {
            return record.getPrimaryKey().getPrimaryKeyColumn(0).getValue().asString();
        }

        @Override
        public String toString() {
            return order + ":" + channelId + ":" + record.getRecordType() + ":" + key();
        }
    }

    private static final AtomicLong ORDER = new AtomicLong();
    private final List<Delivery> deliveries = new ArrayList<>();

    @Override
    public void process(ProcessRecordsInput input) {
        synchronized (this) {
            for (StreamRecord r : input.getRecords()) {
                deliveries.add(new Delivery(ORDER.incrementAndGet(), input.getChannelId(), r));
            }
        }
    }

    @Override
    public void shutdown() {}

    synchronized List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    synchronized int size() {
        return deliveries.size();
    }

    /** Whether a stream channel (not base data) delivered this change. */
    synchronized boolean hasChange(String key, StreamRecord.RecordType type) {
        for (Delivery d : deliveries) {
            if (!d.channelId.startsWith("BaseData_")
                    && d.key().equals(key)
                    && d.record.getRecordType() == type) {
                return true;
            }
        }
        return false;
    }
}

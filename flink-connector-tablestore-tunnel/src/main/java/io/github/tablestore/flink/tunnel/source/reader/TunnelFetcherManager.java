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

package io.github.tablestore.flink.tunnel.source.reader;

import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.fetcher.SingleThreadFetcherManager;
import org.apache.flink.connector.base.source.reader.fetcher.SplitFetcher;
import org.apache.flink.connector.base.source.reader.fetcher.SplitFetcherTask;

import java.util.List;
import java.util.function.Supplier;

/**
 * The reader's single fetcher, plus one thing Flink's manager lacks: telling the split reader to
 * release channels. The request runs as a task on the fetcher thread, queued behind earlier
 * split additions from the same (task) thread, so it always finds the channels it names.
 */
final class TunnelFetcherManager
        extends SingleThreadFetcherManager<ChannelBatch, TunnelChannelSplit> {

    TunnelFetcherManager(Supplier<TunnelChannelSplitReader> splitReaders, Configuration config) {
        super(splitReaders::get, config);
    }

    /** Asks the split reader to stop these channels; returns false if no fetcher is running. */
    boolean release(List<String> channelIds) {
        SplitFetcher<ChannelBatch, TunnelChannelSplit> fetcher = getRunningFetcher();
        if (fetcher == null) {
            return false;
        }
        TunnelChannelSplitReader reader = (TunnelChannelSplitReader) fetcher.getSplitReader();
        List<String> ids = List.copyOf(channelIds);
        fetcher.enqueueTask(
                new SplitFetcherTask() {
                    @Override
                    public boolean run() {
                        reader.release(ids);
                        return true;
                    }

                    @Override
                    public void wakeUp() {}
                });
        return true;
    }
}

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

package io.github.tablestore.flink.tunnel.client.model;

/**
 * Status of a channel. {@code WAIT} appears only in DescribeTunnel (a channel assigned to nobody);
 * heartbeats carry the other four.
 */
public enum ChannelStatus {
    WAIT,
    OPEN,
    CLOSING,
    CLOSE,
    TERMINATED;

    public static ChannelStatus fromWireName(String name) {
        return valueOf(name);
    }
}

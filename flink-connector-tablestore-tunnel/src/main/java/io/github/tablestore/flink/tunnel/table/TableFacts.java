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

package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.model.TunnelType;

import java.util.List;

/** What the planning-time check learned from the service: the table's key and the tunnel type. */
final class TableFacts {
    /** The table's primary-key column names, in order. */
    final List<String> primaryKey;

    /** Columns whose before-image the table's stream keeps. */
    final List<String> originColumns;

    /** The tunnel's type: the existing tunnel's, else the configured one or BASE_AND_STREAM. */
    final TunnelType tunnelType;

    TableFacts(List<String> primaryKey, List<String> originColumns, TunnelType tunnelType) {
        this.primaryKey = List.copyOf(primaryKey);
        this.originColumns = List.copyOf(originColumns);
        this.tunnelType = tunnelType;
    }
}

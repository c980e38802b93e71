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

package io.github.tablestore.flink.tunnel.emulator.store;

/** How a table's rows route to partitions, by the partition key (first primary-key column). */
public enum PartitionScheme {
    /**
     * Ranges of the partition key's value, as the real service partitions: used when a table is
     * created with split points. Base-data channels then cover contiguous key ranges.
     */
    RANGE,
    /**
     * Ranges of a stable 32-bit hash of the partition key: used when a table is created with a
     * partition count only, so that any test data spreads over all partitions.
     */
    HASH
}

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

/** A read asked for stream-log entries that retention has already dropped. */
public final class LogExpiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LogExpiredException(String shardId, long wanted, long firstRetained) {
        super(
                "stream log of shard "
                        + shardId
                        + " expired: position "
                        + wanted
                        + " is before the oldest retained entry "
                        + firstRetained);
    }
}

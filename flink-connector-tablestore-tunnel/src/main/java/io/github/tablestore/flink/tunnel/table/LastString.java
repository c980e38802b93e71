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

import org.apache.flink.table.data.StringData;

import java.nio.charset.StandardCharsets;

/**
 * The {@link StringData} of the string last asked for. A reader emits many records of one channel
 * in a row, so its channel id is encoded once per run of records instead of once per record. The
 * value is already in binary form, so copying it between operators is a plain byte copy. Not
 * thread-safe.
 */
final class LastString {
    private String last;
    private StringData data;

    StringData of(String s) {
        if (s != last) {
            if (last == null || !last.equals(s)) {
                data = StringData.fromBytes(s.getBytes(StandardCharsets.UTF_8));
            }
            last = s;
        }
        return data;
    }
}

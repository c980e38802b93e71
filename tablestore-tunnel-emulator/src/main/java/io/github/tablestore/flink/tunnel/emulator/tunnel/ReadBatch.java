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

package io.github.tablestore.flink.tunnel.emulator.tunnel;

import java.util.List;

/** A ReadRecords answer before serialization: pre-encoded record frames and the next token. */
public final class ReadBatch {
    private final List<byte[]> frames;
    private final int bytes;
    private final String nextToken;
    private final boolean mayMoreRecord;

    ReadBatch(List<byte[]> frames, int bytes, String nextToken, boolean mayMoreRecord) {
        this.frames = frames;
        this.bytes = bytes;
        this.nextToken = nextToken;
        this.mayMoreRecord = mayMoreRecord;
    }

    /** Each a complete {@code ReadRecordsResponse.records} field. */
    public List<byte[]> frames() {
        return frames;
    }

    public int bytes() {
        return bytes;
    }

    public String nextToken() {
        return nextToken;
    }

    /** More records are available right now. */
    public boolean mayMoreRecord() {
        return mayMoreRecord;
    }
}

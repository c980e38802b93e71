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

import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;

import java.util.List;

/** One batch of a base-data scan: pre-encoded PUT_ROW frames and where the next batch starts. */
public final class BaseBatch {
    private final List<byte[]> frames;
    private final int bytes;
    private final PrimaryKey next;

    BaseBatch(List<byte[]> frames, int bytes, PrimaryKey next) {
        this.frames = frames;
        this.bytes = bytes;
        this.next = next;
    }

    public List<byte[]> frames() {
        return frames;
    }

    public int bytes() {
        return bytes;
    }

    /** Key of the next row of the span, or {@code null} when the span is fully read. */
    public PrimaryKey next() {
        return next;
    }
}

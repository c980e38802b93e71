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

package io.github.tablestore.flink.tunnel.client.plainbuffer;

/**
 * PlainBuffer bytes that cannot be decoded: bad header, truncation, unknown tag or type, absurd
 * length, checksum mismatch, or a cell that breaks the rules of its context. The message says what
 * is wrong and where; {@link #offset()} is the byte offset from the start of the buffer (its
 * position when decoding began).
 */
public final class PlainBufferException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public PlainBufferException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** Byte offset of the problem, counted from the start of the decoded buffer. */
    public long offset() {
        return offset;
    }
}

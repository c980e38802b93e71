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

package io.github.tablestore.flink.tunnel.client.internal;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The zlib streams of Tablestore's compression: deflates request bodies (request compression) and
 * inflates the responses the service sends when response compression is on.
 */
final class Deflate {
    /** Refuse to allocate more than this for one response, whatever a header claims. */
    static final int MAX_INFLATED_SIZE = 256 * 1024 * 1024;

    private Deflate() {}

    /** {@code raw} as one zlib stream (header, deflate data, Adler-32), default level. */
    static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 2));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates {@code compressed}, which must hold exactly one zlib stream of exactly
     * {@code expectedSize} bytes.
     *
     * @throws DataFormatException if the stream is corrupt, shorter or longer than announced
     */
    static byte[] inflate(byte[] compressed, int expectedSize) throws DataFormatException {
        if (expectedSize < 0 || expectedSize > MAX_INFLATED_SIZE) {
            throw new DataFormatException(
                    "announced size "
                            + expectedSize
                            + " is out of range [0, "
                            + MAX_INFLATED_SIZE
                            + "]");
        }
        byte[] out = new byte[expectedSize];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            int n = 0;
            while (n < expectedSize && !inflater.finished()) {
                int got = inflater.inflate(out, n, expectedSize - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException(
                            "stream ends after "
                                    + n
                                    + " of "
                                    + expectedSize
                                    + " announced bytes (compressed offset "
                                    + inflater.getTotalIn()
                                    + ")");
                }
                n += got;
            }
            if (!inflater.finished()) {
                // Output is full; the stream must end here without producing more.
                byte[] probe = new byte[1];
                if (inflater.inflate(probe) > 0 || !inflater.finished()) {
                    throw new DataFormatException(
                            "stream holds more than the announced " + expectedSize + " bytes");
                }
            }
            if (n != expectedSize) {
                throw new DataFormatException(
                        "stream holds " + n + " bytes, announced " + expectedSize);
            }
            return out;
        } finally {
            inflater.end();
        }
    }
}

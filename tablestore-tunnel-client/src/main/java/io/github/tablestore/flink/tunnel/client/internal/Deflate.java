package io.github.tablestore.flink.tunnel.client.internal;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Inflates the zlib streams Tablestore sends when response compression is on. */
final class Deflate {
    /** Refuse to allocate more than this for one response, whatever a header claims. */
    static final int MAX_INFLATED_SIZE = 256 * 1024 * 1024;

    private Deflate() {}

    /**
     * Inflates {@code compressed}, which must hold exactly one zlib stream of exactly
     * {@code expectedSize} bytes.
     *
     * @throws DataFormatException if the stream is corrupt, shorter or longer than announced
     */
    static byte[] inflate(byte[] compressed, int expectedSize) throws DataFormatException {
        if (expectedSize < 0 || expectedSize > MAX_INFLATED_SIZE) {
            throw new DataFormatException("announced size " + expectedSize + " is out of range [0, "
                    + MAX_INFLATED_SIZE + "]");
        }
        byte[] out = new byte[expectedSize];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            int n = 0;
            while (n < expectedSize && !inflater.finished()) {
                int got = inflater.inflate(out, n, expectedSize - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("stream ends after " + n + " of " + expectedSize
                            + " announced bytes (compressed offset " + inflater.getTotalIn() + ")");
                }
                n += got;
            }
            if (!inflater.finished()) {
                // Output is full; the stream must end here without producing more.
                byte[] probe = new byte[1];
                if (inflater.inflate(probe) > 0 || !inflater.finished()) {
                    throw new DataFormatException("stream holds more than the announced " + expectedSize + " bytes");
                }
            }
            if (n != expectedSize) {
                throw new DataFormatException("stream holds " + n + " bytes, announced " + expectedSize);
            }
            return out;
        } finally {
            inflater.end();
        }
    }
}

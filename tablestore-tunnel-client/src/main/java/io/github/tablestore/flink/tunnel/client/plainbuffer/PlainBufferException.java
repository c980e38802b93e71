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

package io.github.tablestore.flink.tunnel.source;

/**
 * A failure the source cannot recover from by retrying: the message says what happened to which
 * tunnel and what to do about it. The cause, when present, is the service's error.
 */
public class TunnelSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TunnelSourceException(String message) {
        super(message);
    }

    public TunnelSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}

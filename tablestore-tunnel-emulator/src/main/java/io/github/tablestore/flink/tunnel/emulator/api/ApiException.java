package io.github.tablestore.flink.tunnel.emulator.api;

import java.util.Objects;

/**
 * A failed call as the service reports it: HTTP status, Tablestore error code and message. Thrown
 * anywhere below the HTTP layer and turned into an error response there.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String errorCode;

    public ApiException(int httpStatus, String errorCode, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    @Override
    public String toString() {
        return httpStatus + " " + errorCode + ": " + getMessage();
    }
}

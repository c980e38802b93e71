package io.github.tablestore.flink.tunnel.client.internal;

/** A successful HTTP response: its (decompressed) body and the service's request id. */
final class WireResponse {
    private final byte[] body;
    private final String requestId;
    private final int status;

    WireResponse(byte[] body, String requestId, int status) {
        this.body = body;
        this.requestId = requestId;
        this.status = status;
    }

    int status() {
        return status;
    }

    /** The body bytes; owned by the caller, nobody else holds them. */
    byte[] body() {
        return body;
    }

    /** The {@code x-ots-requestid} header, or {@code null} if the response had none. */
    String requestId() {
        return requestId;
    }
}

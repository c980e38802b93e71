package io.github.tablestore.flink.tunnel.emulator.api;

/** One API: a serialized protobuf request in, a serialized protobuf response out. */
@FunctionalInterface
public interface Operation {
    /**
     * @throws ApiException for every failure the service reports with an error code
     */
    byte[] handle(byte[] requestBody);
}

package io.github.tablestore.flink.tunnel.client;

import io.github.tablestore.flink.tunnel.client.internal.OkHttpTunnelClient;

/** Creates {@link TunnelClient}s. The one entry point to this module's client. */
public final class TunnelClients {
    private TunnelClients() {}

    /**
     * A client over OkHttp with its own connection pool. Close it when done.
     *
     * @throws NullPointerException if {@code config} is null
     */
    public static TunnelClient create(TunnelClientConfig config) {
        return new OkHttpTunnelClient(config);
    }
}

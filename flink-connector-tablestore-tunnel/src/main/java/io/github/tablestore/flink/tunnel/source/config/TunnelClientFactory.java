package io.github.tablestore.flink.tunnel.source.config;

import io.github.tablestore.flink.tunnel.client.TunnelClient;
import java.io.Serializable;

/**
 * Builds the {@link TunnelClient} through which the enumerator (on the JobManager) and every
 * reader (on the TaskManagers) talk to the service. Shipped with the source, so it must be
 * serializable and must not reveal secrets in {@code toString}. Wrapping one is how tests inject
 * faults.
 */
public interface TunnelClientFactory extends Serializable {

    /** A new client; the caller closes it. */
    TunnelClient createClient();

    /** Where the client connects, for messages and logs (e.g. instance and endpoint). No secrets. */
    String describeTarget();
}

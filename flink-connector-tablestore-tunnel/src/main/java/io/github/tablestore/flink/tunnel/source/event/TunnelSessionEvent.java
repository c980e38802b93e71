package io.github.tablestore.flink.tunnel.source.event;

import java.util.Objects;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Enumerator → reader: the tunnel session readers must use for ReadRecords and Checkpoint, and
 * the tunnel's creation time (the Flink timestamp of base-data records). Sent to every reader
 * when it registers and whenever the enumerator connects anew (a lost lease gives a new client
 * id). Readers hold their channels until they have one.
 */
public final class TunnelSessionEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final String tunnelId;
    private final String clientId;
    private final long tunnelCreateTimeMillis;

    public TunnelSessionEvent(String tunnelId, String clientId, long tunnelCreateTimeMillis) {
        this.tunnelId = Objects.requireNonNull(tunnelId, "tunnelId");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.tunnelCreateTimeMillis = tunnelCreateTimeMillis;
    }

    public String tunnelId() {
        return tunnelId;
    }

    public String clientId() {
        return clientId;
    }

    /** When the tunnel was created, ms since the epoch. */
    public long tunnelCreateTimeMillis() {
        return tunnelCreateTimeMillis;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TunnelSessionEvent)) {
            return false;
        }
        TunnelSessionEvent that = (TunnelSessionEvent) o;
        return tunnelId.equals(that.tunnelId) && clientId.equals(that.clientId)
                && tunnelCreateTimeMillis == that.tunnelCreateTimeMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tunnelId, clientId, tunnelCreateTimeMillis);
    }

    @Override
    public String toString() {
        return "TunnelSessionEvent{tunnel=" + tunnelId + ", client=" + clientId + "}";
    }
}

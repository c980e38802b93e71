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

    private final SessionIds session;

    public TunnelSessionEvent(SessionIds session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    public SessionIds session() {
        return session;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TunnelSessionEvent)) {
            return false;
        }
        TunnelSessionEvent that = (TunnelSessionEvent) o;
        return session.equals(that.session)
                && session.tunnelCreateTimeMillis() == that.session.tunnelCreateTimeMillis();
    }

    @Override
    public int hashCode() {
        return session.hashCode();
    }

    @Override
    public String toString() {
        return "TunnelSessionEvent{" + session + "}";
    }
}

package io.github.tablestore.flink.tunnel.emulator.tunnel;

/** A connected tunnel client: its id, tag, lease timeout and last heartbeat. */
final class ClientSession {
    final String id;
    final String tag;
    final long timeoutMillis;
    final long connectedMillis;
    long lastHeartbeatMillis;

    ClientSession(String id, String tag, long timeoutMillis, long nowMillis) {
        this.id = id;
        this.tag = tag;
        this.timeoutMillis = timeoutMillis;
        this.connectedMillis = nowMillis;
        this.lastHeartbeatMillis = nowMillis;
    }

    boolean isExpired(long nowMillis) {
        return nowMillis - lastHeartbeatMillis > timeoutMillis;
    }
}

package io.github.tablestore.flink.tunnel.client.model;

/** What a tunnel delivers: a table's full data, its changes, or the full data then the changes. */
public enum TunnelType {
    BASE_DATA("BaseData"),
    STREAM("Stream"),
    BASE_AND_STREAM("BaseAndStream");

    private final String wireName;

    TunnelType(String wireName) {
        this.wireName = wireName;
    }

    /** The name the service uses in DescribeTunnel/ListTunnel responses. */
    public String wireName() {
        return wireName;
    }

    public static TunnelType fromWireName(String name) {
        for (TunnelType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown tunnel type '" + name + "'");
    }
}

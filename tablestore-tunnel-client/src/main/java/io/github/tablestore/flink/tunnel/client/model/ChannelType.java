package io.github.tablestore.flink.tunnel.client.model;

/** Kind of channel: a base-data (full scan) range or a stream shard. */
public enum ChannelType {
    BASE_DATA("BaseData"),
    STREAM("Stream");

    private final String wireName;

    ChannelType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ChannelType fromWireName(String name) {
        for (ChannelType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown channel type '" + name + "'");
    }
}

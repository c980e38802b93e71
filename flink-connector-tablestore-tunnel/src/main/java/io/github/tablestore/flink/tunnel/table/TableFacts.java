package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import java.util.List;

/** What the planning-time check learned from the service: the table's key and the tunnel type. */
final class TableFacts {
    /** The table's primary-key column names, in order. */
    final List<String> primaryKey;
    /** Columns whose before-image the table's stream keeps. */
    final List<String> originColumns;
    /** The tunnel's type: the existing tunnel's, else the configured one or BASE_AND_STREAM. */
    final TunnelType tunnelType;

    TableFacts(List<String> primaryKey, List<String> originColumns, TunnelType tunnelType) {
        this.primaryKey = List.copyOf(primaryKey);
        this.originColumns = List.copyOf(originColumns);
        this.tunnelType = tunnelType;
    }
}

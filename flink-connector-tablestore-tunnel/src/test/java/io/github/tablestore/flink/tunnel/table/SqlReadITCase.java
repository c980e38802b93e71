package io.github.tablestore.flink.tunnel.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SQL over a BaseAndStream tunnel of the emulator, on a MiniCluster. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlReadITCase {
    static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = SqlTestSupport.miniCluster(REPORTER);

    private TablestoreEmulator emulator;

    @BeforeEach
    void start() {
        emulator = TablestoreEmulator.builder().readLimits(10, 1 << 20).start();
        SqlTestSupport.createOrders(emulator, 2);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static final String COLUMNS = "order_id STRING, line INT, amount DOUBLE, status STRING, "
            + "updated TIMESTAMP_LTZ(3), ";

    @Test
    void baseAndStreamWithMetadataGivesFullRowsOfEveryChange() throws Exception {
        SqlTestSupport.putOrder(emulator, "a", 1, 10.5, "NEW", 1_000);
        SqlTestSupport.putOrder(emulator, "a", 2, 20.0, "NEW", 2_000);
        SqlTestSupport.putOrder(emulator, "b", 1, 30.0, "PAID", 3_000);
        StreamTableEnvironment tEnv = SqlTestSupport.tableEnv(2);
        tEnv.executeSql("CREATE TABLE orders (" + COLUMNS
                + "op STRING METADATA FROM 'type' VIRTUAL, "
                + "ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL, "
                + "channel STRING METADATA FROM 'channel-id' VIRTUAL, "
                + "seq STRING METADATA FROM 'sequence-info' VIRTUAL, "
                + "old_status STRING METADATA FROM 'origin.status' VIRTUAL, "
                + "PRIMARY KEY (order_id, line) NOT ENFORCED)"
                + SqlTestSupport.with(emulator, "flink-orders", ""));
        TableResult result = tEnv.executeSql(
                "SELECT order_id, line, amount, status, updated, op, ts IS NULL, seq IS NULL, old_status, channel "
                        + "FROM orders");
        List<Row> got = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            SqlTestSupport.take(it, got, rows -> rows.size() == 3);
            // Base data: PUT rows without time or stream position, from base-data channels.
            for (Row r : got) {
                assertThat(r.getField(5)).isEqualTo("PUT");
                assertThat(r.getField(6)).isEqualTo(true);
                assertThat(r.getField(7)).isEqualTo(true);
                assertThat((String) r.getField(9)).startsWith("BaseData_");
            }
            assertThat(head(got)).containsExactlyInAnyOrder(
                    row("a", 1, 10.5, "NEW", 1_000, "PUT", true, true, null),
                    row("a", 2, 20.0, "NEW", 2_000, "PUT", true, true, null),
                    row("b", 1, 30.0, "PAID", 3_000, "PUT", true, true, null));

            // Changes: a partial update, a cell deletion, a row deletion, a new row.
            SqlTestSupport.update(emulator, "a", 1, Cell.put("status", ColumnValue.ofString("PAID")));
            SqlTestSupport.update(emulator, "a", 1, Cell.deleteAllVersions("updated"));
            SqlTestSupport.delete(emulator, "b", 1);
            SqlTestSupport.putOrder(emulator, "c", 1, 5.0, "NEW", 4_000);
            List<Row> changes = new ArrayList<>();
            SqlTestSupport.take(it, changes, rows -> rows.size() == 4);
            for (Row r : changes) {
                assertThat(r.getKind()).isEqualTo(RowKind.INSERT);
                assertThat(r.getField(6)).as("stream records have a time").isEqualTo(false);
                assertThat(r.getField(7)).as("stream records have a position").isEqualTo(false);
                assertThat((String) r.getField(9)).doesNotStartWith("BaseData_");
            }
            // The partial update carries the untouched columns from the base data.
            assertThat(head(changes)).containsExactlyInAnyOrder(
                    row("a", 1, 10.5, "PAID", 1_000, "UPDATE", false, false, "NEW"),
                    row("a", 1, 10.5, "PAID", null, "UPDATE", false, false, "PAID"),
                    row("b", 1, null, null, null, "DELETE", false, false, "PAID"),
                    row("c", 1, 5.0, "NEW", 4_000, "PUT", false, false, null));
            // Per key in order: a/1 first gets PAID, then loses 'updated'.
            List<String> a1 = new ArrayList<>();
            for (Row r : changes) {
                if ("a".equals(r.getField(0))) {
                    a1.add(String.valueOf(r.getField(4)));
                }
            }
            assertThat(a1).containsExactly(Instant.ofEpochMilli(1_000).toString(), "null");
        }
    }

    private static String row(String orderId, int line, Double amount, String status, Integer updatedMillis,
            String op, boolean tsNull, boolean seqNull, String oldStatus) {
        Row r = Row.of(orderId, line, amount, status,
                updatedMillis == null ? null : Instant.ofEpochMilli(updatedMillis), op, tsNull, seqNull, oldStatus);
        return r.toString();
    }

    /** The rows without their channel id (the last field), as strings. */
    private static List<String> head(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            Row h = new Row(r.getKind(), r.getArity() - 1);
            for (int i = 0; i < h.getArity(); i++) {
                h.setField(i, r.getField(i));
            }
            out.add(h.toString());
        }
        return out;
    }
}

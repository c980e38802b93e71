package io.github.tablestore.flink.tunnel.table;

import java.nio.charset.StandardCharsets;
import org.apache.flink.table.data.StringData;

/**
 * The {@link StringData} of the string last asked for. A reader emits many records of one channel
 * in a row, so its channel id is encoded once per run of records instead of once per record. The
 * value is already in binary form, so copying it between operators is a plain byte copy. Not
 * thread-safe.
 */
final class LastString {
    private String last;
    private StringData data;

    StringData of(String s) {
        if (s != last) {
            if (last == null || !last.equals(s)) {
                data = StringData.fromBytes(s.getBytes(StandardCharsets.UTF_8));
            }
            last = s;
        }
        return data;
    }
}

/*
 * Copyright 2026 The Tablestore Tunnel Flink connector authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.tablestore.flink.tunnel.client.plainbuffer;

import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random rows and records from a plain {@link Random}, for tests that run outside jqwik. */
final class RandomModels {
    private static final String[] NAMES = {"pk", "id", "c", "name", "列名", "x", "\uD83D\uDE00"};
    private final Random random;

    RandomModels(Random random) {
        this.random = random;
    }

    String name() {
        return random.nextInt(4) > 0
                ? NAMES[random.nextInt(NAMES.length)]
                : "col" + random.nextInt(1000);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(
                    random.nextInt(5) == 0
                            ? (char) (0x4E00 + random.nextInt(200))
                            : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    byte[] binary() {
        byte[] b = new byte[random.nextInt(12)];
        random.nextBytes(b);
        return b;
    }

    long timestamp() {
        return 1_600_000_000_000L + random.nextInt(1 << 30);
    }

    ColumnValue keyValue() {
        switch (random.nextInt(8)) {
            case 0:
            case 1:
                return ColumnValue.ofLong(random.nextLong());
            case 2:
            case 3:
                return ColumnValue.ofString(text());
            case 4:
            case 5:
                return ColumnValue.ofBinary(binary());
            case 6:
                return random.nextBoolean() ? ColumnValue.INF_MIN : ColumnValue.INF_MAX;
            default:
                return ColumnValue.AUTO_INCREMENT;
        }
    }

    ColumnValue cellValue() {
        switch (random.nextInt(5)) {
            case 0:
                return ColumnValue.ofLong(random.nextLong());
            case 1:
                return ColumnValue.ofDouble(Double.longBitsToDouble(random.nextLong()));
            case 2:
                return ColumnValue.ofBoolean(random.nextBoolean());
            case 3:
                return ColumnValue.ofString(text());
            default:
                return ColumnValue.ofBinary(binary());
        }
    }

    PrimaryKey primaryKey() {
        List<PrimaryKeyColumn> columns = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            columns.add(new PrimaryKeyColumn(name(), keyValue()));
        }
        return new PrimaryKey(columns);
    }

    Cell rowCell() {
        switch (random.nextInt(5)) {
            case 0:
                return Cell.put(name(), cellValue(), timestamp());
            case 1:
                return Cell.put(name(), cellValue());
            case 2:
                return Cell.deleteOneVersion(name(), timestamp());
            case 3:
                return Cell.deleteAllVersions(name());
            default:
                return Cell.increment(name(), random.nextLong());
        }
    }

    Cell tunnelCell() {
        switch (random.nextInt(3)) {
            case 0:
                return Cell.put(name(), cellValue(), timestamp());
            case 1:
                return Cell.deleteOneVersion(name(), timestamp());
            default:
                return Cell.deleteAllVersions(name());
        }
    }

    SequenceInfo sequenceInfo() {
        return random.nextBoolean()
                ? new SequenceInfo(random.nextInt(), random.nextLong(), random.nextInt())
                : null;
    }

    Row row() {
        List<Cell> cells = new ArrayList<>();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            cells.add(rowCell());
        }
        return new Row(primaryKey(), cells, random.nextBoolean(), sequenceInfo());
    }

    TunnelRecord record() {
        List<Cell> cells = new ArrayList<>();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            cells.add(tunnelCell());
        }
        List<Cell> origin = new ArrayList<>();
        int m = random.nextInt(3);
        for (int i = 0; i < m; i++) {
            origin.add(tunnelCell());
        }
        PrimaryKey pk;
        do {
            pk = primaryKey();
        } while (hasMarker(pk));
        RecordAction action = RecordAction.values()[random.nextInt(3)];
        return new TunnelRecord(action, pk, cells, sequenceInfo(), origin);
    }

    private static boolean hasMarker(PrimaryKey pk) {
        for (PrimaryKeyColumn c : pk.columns()) {
            if (!c.value().type().allowedInCell()) {
                return true;
            }
        }
        return false;
    }
}

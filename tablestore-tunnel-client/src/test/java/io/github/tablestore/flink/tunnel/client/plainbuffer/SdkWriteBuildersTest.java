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
import io.github.tablestore.flink.tunnel.client.record.Row;

import com.alicloud.openservices.tablestore.core.protocol.PlainBufferBuilder;
import com.alicloud.openservices.tablestore.model.Column;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.RowDeleteChange;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.RowUpdateChange;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the SDK's SyncClient actually sends for PutRow, UpdateRow and DeleteRow (its public change
 * builders) decodes into the expected rows, and our encoder produces the same bytes.
 */
class SdkWriteBuildersTest {
    private static final long TS = 1700000000123L;

    private static com.alicloud.openservices.tablestore.model.PrimaryKey sdkKey() {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("pk", PrimaryKeyValue.fromString("键"))
                .addPrimaryKeyColumn("bin", PrimaryKeyValue.fromBinary(new byte[] {0, (byte) 0xFF}))
                .addPrimaryKeyColumn("seq", PrimaryKeyValue.AUTO_INCREMENT)
                .build();
    }

    private static final PrimaryKey KEY =
            PrimaryKey.of(
                    new PrimaryKeyColumn("pk", ColumnValue.ofString("键")),
                    new PrimaryKeyColumn("bin", ColumnValue.ofBinary(new byte[] {0, (byte) 0xFF})),
                    new PrimaryKeyColumn("seq", ColumnValue.AUTO_INCREMENT));

    @Test
    void putRowChange() throws Exception {
        RowPutChange change = new RowPutChange("t", sdkKey());
        change.addColumn(
                "s", com.alicloud.openservices.tablestore.model.ColumnValue.fromString("v"), TS);
        change.addColumn("i", com.alicloud.openservices.tablestore.model.ColumnValue.fromLong(-5));
        change.addColumn(
                "d", com.alicloud.openservices.tablestore.model.ColumnValue.fromDouble(2.5));
        change.addColumn(
                "b", com.alicloud.openservices.tablestore.model.ColumnValue.fromBoolean(true));
        change.addColumn(
                "x",
                com.alicloud.openservices.tablestore.model.ColumnValue.fromBinary(
                        new byte[] {1, 2}));
        Row expected =
                Row.of(
                        KEY,
                        List.of(
                                Cell.put("s", ColumnValue.ofString("v"), TS),
                                Cell.put("i", ColumnValue.ofLong(-5)),
                                Cell.put("d", ColumnValue.ofDouble(2.5)),
                                Cell.put("b", ColumnValue.ofBoolean(true)),
                                Cell.put("x", ColumnValue.ofBinary(new byte[] {1, 2}))));
        assertDecodesAndReEncodes(PlainBufferBuilder.buildRowPutChangeWithHeader(change), expected);
    }

    @Test
    void updateRowChange() throws Exception {
        RowUpdateChange change = new RowUpdateChange("t", sdkKey());
        change.put(
                "s", com.alicloud.openservices.tablestore.model.ColumnValue.fromString("new"), TS);
        change.deleteColumn("old", TS - 1);
        change.deleteColumns("gone");
        change.increment(
                new Column(
                        "counter",
                        com.alicloud.openservices.tablestore.model.ColumnValue.fromLong(3)));
        Row expected =
                Row.of(
                        KEY,
                        List.of(
                                Cell.put("s", ColumnValue.ofString("new"), TS),
                                Cell.deleteOneVersion("old", TS - 1),
                                Cell.deleteAllVersions("gone"),
                                Cell.increment("counter", 3)));
        assertDecodesAndReEncodes(
                PlainBufferBuilder.buildRowUpdateChangeWithHeader(change), expected);
    }

    @Test
    void deleteRowChange() throws Exception {
        RowDeleteChange change = new RowDeleteChange("t", sdkKey());
        assertDecodesAndReEncodes(
                PlainBufferBuilder.buildRowDeleteChangeWithHeader(change),
                new Row(KEY, List.of(), true, null));
    }

    private static void assertDecodesAndReEncodes(byte[] sdkBytes, Row expected) {
        assertThat(PlainBufferDecoder.decodeRow(ByteBuffer.wrap(sdkBytes))).isEqualTo(expected);
        assertThat(Hex.of(PlainBufferEncoder.encodeRow(expected))).isEqualTo(Hex.of(sdkBytes));
    }
}

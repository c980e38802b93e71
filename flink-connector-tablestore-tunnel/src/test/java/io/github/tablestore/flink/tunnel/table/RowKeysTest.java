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

package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.client.record.ColumnValue;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKeyColumn;

import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RowKeysTest {

    private static PrimaryKey key(ColumnValue... values) {
        List<PrimaryKeyColumn> columns = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            columns.add(new PrimaryKeyColumn("k" + i, values[i]));
        }
        return new PrimaryKey(columns);
    }

    private static String stateKey(PrimaryKey key) {
        return RowKeys.key(RowKeys.encode(key));
    }

    @Test
    void theEncodingIsFixed() {
        // Part of the state: a change of this form makes existing state unreachable.
        byte[] encoded =
                RowKeys.encode(
                        key(
                                ColumnValue.ofLong(258),
                                ColumnValue.ofString("é"),
                                ColumnValue.ofBinary(new byte[] {(byte) 0xff})));
        assertThat(encoded)
                .containsExactly(
                        'i',
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        1,
                        2,
                        's',
                        0,
                        0,
                        0,
                        2,
                        (byte) 0xc3,
                        (byte) 0xa9,
                        'b',
                        0,
                        0,
                        0,
                        1,
                        (byte) 0xff);
    }

    @Test
    void slicedValuesEncodeLikeTheirCopies() {
        byte[] body = "xxabcxx".getBytes(StandardCharsets.UTF_8);
        ByteBuffer view = ByteBuffer.wrap(body).asReadOnlyBuffer();
        assertThat(
                        stateKey(
                                key(
                                        ColumnValue.ofUtf8Slice(view, 2, 3),
                                        ColumnValue.ofBinarySlice(view, 0, 2))))
                .isEqualTo(
                        stateKey(
                                key(
                                        ColumnValue.ofString("abc"),
                                        ColumnValue.ofBinary(new byte[] {'x', 'x'}))));
    }

    @Test
    void keysAreEqualExactlyWhenThePrimaryKeysAre() {
        Random random = new Random(42);
        Map<String, PrimaryKey> seen = new HashMap<>();
        for (int n = 0; n < 20_000; n++) {
            PrimaryKey pk = randomKey(random);
            PrimaryKey before = seen.putIfAbsent(stateKey(pk), pk);
            if (before != null) {
                assertThat(before).isEqualTo(pk);
            }
        }
        // Boundaries a naive concatenation would confuse.
        assertThat(stateKey(key(ColumnValue.ofString("ab"), ColumnValue.ofString("c"))))
                .isNotEqualTo(stateKey(key(ColumnValue.ofString("a"), ColumnValue.ofString("bc"))));
        assertThat(stateKey(key(ColumnValue.ofString("a"))))
                .isNotEqualTo(stateKey(key(ColumnValue.ofBinary(new byte[] {'a'}))));
        assertThat(stateKey(key(ColumnValue.ofLong(0))))
                .isNotEqualTo(stateKey(key(ColumnValue.ofString(""))));
        assertThat(seen.size()).isGreaterThan(1000);
    }

    private static PrimaryKey randomKey(Random random) {
        int columns = 1 + random.nextInt(3);
        ColumnValue[] values = new ColumnValue[columns];
        for (int i = 0; i < columns; i++) {
            switch (random.nextInt(3)) {
                case 0:
                    values[i] = ColumnValue.ofLong(random.nextInt(5) - 2);
                    break;
                case 1:
                    values[i] = ColumnValue.ofString("ab".substring(0, random.nextInt(3)));
                    break;
                default:
                    byte[] b = new byte[random.nextInt(3)];
                    random.nextBytes(b);
                    values[i] = ColumnValue.ofBinary(b);
            }
        }
        return key(values);
    }

    @Test
    void keysSurviveFlinksStringSerializer() throws Exception {
        String key =
                stateKey(
                        key(
                                ColumnValue.ofLong(-1),
                                ColumnValue.ofString("ключ"),
                                ColumnValue.ofBinary(new byte[] {0, (byte) 0x80, (byte) 0xff})));
        DataOutputSerializer out = new DataOutputSerializer(64);
        StringSerializer.INSTANCE.serialize(key, out);
        String back =
                StringSerializer.INSTANCE.deserialize(
                        new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(back).isEqualTo(key);
        assertThat(back.hashCode()).isEqualTo(key.hashCode());
    }

    @Test
    void describesKeysReadably() {
        assertThat(
                        RowKeys.describe(
                                stateKey(
                                        key(
                                                ColumnValue.ofLong(-7),
                                                ColumnValue.ofString("a b"),
                                                ColumnValue.ofBinary(
                                                        new byte[] {0x0f, (byte) 0xa0})))))
                .isEqualTo("[-7, \"a b\", 0x0fa0]");
        assertThat(RowKeys.describe(stateKey(key(ColumnValue.INF_MIN)))).isEqualTo("[INF_MIN]");
        assertThat(RowKeys.describe("not a key")).endsWith("?]");
        assertThat(RowKeys.describe("")).isEqualTo("[]");
    }
}

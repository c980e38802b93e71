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

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Crc8Test {

    @Test
    void tableMatchesPolynomial0x07() {
        int[] expected = {0x00, 0x07, 0x0E, 0x09, 0x1C, 0x1B, 0x12, 0x15};
        for (int i = 0; i < expected.length; i++) {
            assertThat(Crc8.updateByte(0, i)).isEqualTo(expected[i]);
        }
    }

    @Test
    void standardCheckValue() {
        // CRC-8 (poly 0x07, init 0, no reflection, no final XOR) of "123456789" is 0xF4.
        assertThat(Crc8.update(0, "123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xF4);
    }

    @Test
    void integersAreFedLittleEndianAndAllVariantsAgree() {
        byte[] le = {0x78, 0x56, 0x34, 0x12, (byte) 0xF0, (byte) 0xDE, (byte) 0xBC, (byte) 0x9A};
        assertThat(Crc8.updateInt(3, 0x12345678)).isEqualTo(Crc8.update(3, le, 0, 4));
        assertThat(Crc8.updateLong(3, 0x9ABCDEF012345678L)).isEqualTo(Crc8.update(3, le));
        ByteBuffer buffer =
                ByteBuffer.wrap(new byte[] {9, 9, 0x78, 0x56, 0x34, 0x12}).asReadOnlyBuffer();
        assertThat(Crc8.update(3, buffer, 2, 4)).isEqualTo(Crc8.updateInt(3, 0x12345678));
        assertThat(buffer.position()).isZero();
        assertThat(Crc8.update(5, (byte) 0x80)).isEqualTo(Crc8.updateByte(5, 0x180));
    }

    /** The 8-bytes-at-a-time paths agree with a bit-by-bit polynomial division for every length and offset. */
    @Test
    void slicedUpdatesMatchBitwiseReference() {
        Random random = new Random(8);
        byte[] data = new byte[200];
        random.nextBytes(data);
        for (int offset = 0; offset < 9; offset++) {
            for (int length = 0; offset + length <= data.length; length++) {
                int start = random.nextInt(256);
                int expected = bitwise(start, data, offset, length);
                assertThat(Crc8.update(start, data, offset, length)).isEqualTo(expected);
                for (ByteOrder order :
                        new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                    ByteBuffer heap = ByteBuffer.wrap(data).asReadOnlyBuffer().order(order);
                    assertThat(Crc8.update(start, heap, offset, length)).isEqualTo(expected);
                }
            }
        }
    }

    private static int bitwise(int crc, byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return crc;
    }

    @Test
    void realServiceTokenKeyChecksums() {
        // Cell key="5": name, value type STRING, int32 length, bytes -> 0x20; row: cell CRC then
        // "no delete marker" -> 0xAE.
        int cell = Crc8.update(0, "key".getBytes(StandardCharsets.UTF_8));
        cell = Crc8.updateByte(cell, 0x03);
        cell = Crc8.updateInt(cell, 1);
        cell = Crc8.updateByte(cell, '5');
        assertThat(cell).isEqualTo(0x20);
        assertThat(Crc8.updateByte(Crc8.updateByte(0, cell), 0)).isEqualTo(0xAE);
    }
}

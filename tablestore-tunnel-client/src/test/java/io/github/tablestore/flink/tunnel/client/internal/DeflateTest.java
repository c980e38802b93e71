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

package io.github.tablestore.flink.tunnel.client.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeflateTest {

    static byte[] zlib(byte[] raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater())) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    @Property(tries = 100)
    void inflatesWhatZlibDeflated(@ForAll @Size(max = 5000) byte[] raw) throws Exception {
        assertThat(Deflate.inflate(zlib(raw), raw.length)).isEqualTo(raw);
    }

    @Test
    void rejectsWrongSizesTruncationAndAbsurdClaims() throws Exception {
        byte[] raw = new byte[1000];
        Arrays.fill(raw, (byte) 'a');
        byte[] z = zlib(raw);
        assertThatThrownBy(() -> Deflate.inflate(z, 999))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("more than");
        assertThatThrownBy(() -> Deflate.inflate(z, 1001)).isInstanceOf(DataFormatException.class);
        assertThatThrownBy(() -> Deflate.inflate(Arrays.copyOf(z, z.length - 4), 1000))
                .isInstanceOf(DataFormatException.class);
        assertThatThrownBy(() -> Deflate.inflate(z, Integer.MAX_VALUE))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> Deflate.inflate(new byte[] {1, 2, 3, 4}, 10))
                .isInstanceOf(DataFormatException.class);
    }
}

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

import io.github.tablestore.flink.tunnel.client.model.RawRecord;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrupt input: random bytes and mutations of valid encodings (bit flips, truncations, inserted
 * and deleted bytes, length fields set huge or negative, stray tags, duplicated regions) run
 * through every decoding entry point. Each attempt must either decode or fail with a {@link
 * PlainBufferException} whose offset lies within the input; anything else (an out-of-bounds read,
 * a buffer underflow, a negative array size, an OOM) fails the test and prints the input. Seeded,
 * so every run checks the same inputs; the timeout only guards against a hang.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PlainBufferFuzzTest {
    private static final long SEED = 0x5EEDL;
    private static final int MUTATIONS_PER_INPUT = 100;
    private static final int[] ABSURD_LENGTHS = {
        Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0x7FFFFFF0, 0x10000, 0x80, 0
    };

    /** Valid encodings of all kinds. */
    private static final List<byte[]> CORPUS = new ArrayList<>();

    /** Valid single-row encodings with a primary key (rows and tunnel records). */
    private static final List<byte[]> ROWS = new ArrayList<>();

    /** Valid origin-record encodings (no primary key). */
    private static final List<byte[]> ORIGINS = new ArrayList<>();

    private static byte[] validRecord;

    private final PlainBufferDecoder decoder = new PlainBufferDecoder();
    private final ColumnFilter someColumns = ColumnFilter.of("c", "name", "列名", "x");

    @BeforeAll
    static void buildCorpus() {
        RandomModels models = new RandomModels(new Random(SEED));
        ROWS.add(Hex.bytes(ReferenceVectorsTest.PUT_ROW));
        ROWS.add(Hex.bytes(ReferenceVectorsTest.UPDATE_ROW));
        ROWS.add(Hex.bytes(ReferenceVectorsTest.STREAM_UPDATE));
        ROWS.add(Hex.bytes(ReferenceVectorsTest.STREAM_DELETE));
        for (int i = 0; i < 40; i++) {
            ROWS.add(PlainBufferEncoder.encodeRow(models.row()));
            TunnelRecord record = models.record();
            ROWS.add(PlainBufferEncoder.encodeRecord(record));
            if (!record.originColumns().isEmpty()) {
                ORIGINS.add(PlainBufferEncoder.encodeImageColumns(record.originColumns()));
            }
        }
        CORPUS.addAll(ROWS);
        CORPUS.addAll(ORIGINS);
        validRecord = Hex.bytes(ReferenceVectorsTest.STREAM_UPDATE);
    }

    @Test
    void mutatedEncodingsDecodeOrFailWithPlainBufferException() {
        Random random = new Random(SEED + 1);
        int attempts = 0;
        for (byte[] valid : CORPUS) {
            for (int i = 0; i < MUTATIONS_PER_INPUT; i++) {
                decodeEverywhere(mutate(valid, random));
                attempts++;
            }
        }
        assertThat(attempts).isGreaterThan(10_000);
    }

    @Test
    void randomBytesDecodeOrFailWithPlainBufferException() {
        Random random = new Random(SEED + 2);
        byte[] header = {0x75, 0, 0, 0};
        for (int i = 0; i < 8_000; i++) {
            byte[] input = new byte[random.nextInt(64)];
            random.nextBytes(input);
            if (random.nextBoolean() && input.length >= 4) {
                System.arraycopy(header, 0, input, 0, 4); // get past the header check
            }
            if (random.nextBoolean()) {
                // Bias bytes towards valid tags so the parser gets deeper.
                for (int j = 4; j < input.length; j++) {
                    if (random.nextInt(3) == 0) {
                        input[j] = (byte) (1 + random.nextInt(15));
                    }
                }
            }
            decodeEverywhere(input);
        }
    }

    @Test
    void everyFourByteWindowSetToAnAbsurdLengthIsHandled() {
        for (byte[] valid : CORPUS.subList(0, 10)) {
            for (int at = 0; at + 4 <= valid.length; at++) {
                for (int length : ABSURD_LENGTHS) {
                    byte[] input = valid.clone();
                    ByteBuffer.wrap(input)
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .putInt(at, length);
                    decodeEverywhere(input);
                }
            }
        }
    }

    @Test
    void everyTruncationOfAValidEncodingFails() {
        for (byte[] valid : CORPUS) {
            boolean origin = ORIGINS.contains(valid);
            for (int length = 0; length < valid.length; length++) {
                assertCorruptionDetected(Arrays.copyOf(valid, length), origin);
            }
        }
    }

    /**
     * A single flipped bit is always caught, except inside the sequence-info extension (which no
     * checksum covers, as in the SDKs): CRC-8 detects every single-bit error in the bytes it
     * covers, and a flip in a tag or length byte breaks the structure.
     */
    @Test
    void everySingleBitFlipOutsideTheExtensionIsDetected() {
        for (byte[] valid : CORPUS.subList(0, 20)) {
            checkSingleBitFlips(valid, false);
        }
        for (byte[] valid : ORIGINS.subList(0, 10)) {
            checkSingleBitFlips(valid, true);
        }
    }

    private void checkSingleBitFlips(byte[] valid, boolean origin) {
        {
            int extensionStart = extensionStart(valid);
            for (int at = 0; at < valid.length; at++) {
                if (at >= extensionStart && at < valid.length - 2) {
                    continue;
                }
                for (int bit = 0; bit < 8; bit++) {
                    byte[] input = valid.clone();
                    input[at] ^= (byte) (1 << bit);
                    assertCorruptionDetected(input, origin);
                }
            }
        }
    }

    /** Start of the extension (tag 0x0B, length 24) at its fixed place before the row checksum, or the length. */
    private static int extensionStart(byte[] valid) {
        int at = valid.length - 2 - 29;
        if (at >= 0 && valid[at] == 0x0B && valid[at + 1] == 24 && valid[at + 5] == 0x0C) {
            return at;
        }
        return valid.length;
    }

    /** The decoder that accepts the uncorrupted input must reject this corruption of it. */
    private void assertCorruptionDetected(byte[] input, boolean origin) {
        ByteBuffer buffer = ByteBuffer.wrap(input).asReadOnlyBuffer();
        Object decoded;
        try {
            decoded =
                    origin
                            ? decoder.decodeRecord(
                                    new RawRecord(
                                            RecordAction.UPDATE_ROW,
                                            ByteBuffer.wrap(validRecord).asReadOnlyBuffer(),
                                            buffer))
                            : PlainBufferDecoder.decodeRow(buffer);
        } catch (PlainBufferException expected) {
            assertThat(expected.offset()).isBetween(0L, (long) input.length);
            return;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("Corrupt input " + Hex.of(input) + " threw " + e, e);
        }
        if (origin && input.length == 0) {
            return; // an empty origin record counts as absent
        }
        throw new AssertionError("Decoded corrupt input " + Hex.of(input) + " as " + decoded);
    }

    private void decodeEverywhere(byte[] input) {
        ByteBuffer buffer = ByteBuffer.wrap(input).asReadOnlyBuffer();
        attempt(input, () -> PlainBufferDecoder.decodeRow(buffer));
        attempt(input, () -> PlainBufferDecoder.decodeRows(buffer));
        attempt(input, () -> PlainBufferDecoder.decodePrimaryKey(buffer));
        attempt(
                input,
                () -> decoder.decodeRecord(new RawRecord(RecordAction.UPDATE_ROW, buffer, null)));
        attempt(
                input,
                () ->
                        decoder.decodeRecord(
                                new RawRecord(RecordAction.PUT_ROW, buffer, null), someColumns));
        ByteBuffer record = ByteBuffer.wrap(validRecord).asReadOnlyBuffer();
        attempt(
                input,
                () -> decoder.decodeRecord(new RawRecord(RecordAction.UPDATE_ROW, record, buffer)));
        attempt(
                input,
                () ->
                        decoder.decodeRecord(
                                new RawRecord(RecordAction.UPDATE_ROW, record, buffer),
                                someColumns));
    }

    private static void attempt(byte[] input, Runnable decode) {
        try {
            decode.run();
        } catch (PlainBufferException e) {
            if (e.offset() < 0 || e.offset() > input.length) {
                throw new AssertionError(
                        "Offset " + e.offset() + " outside input " + Hex.of(input), e);
            }
        } catch (RuntimeException | Error e) {
            throw new AssertionError("Input " + Hex.of(input) + " threw " + e, e);
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(8)) {
                case 0: // bit flip
                    b[at] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1: // truncate
                    b = Arrays.copyOf(b, at);
                    break;
                case 2: // insert bytes
                    {
                        byte[] extra = new byte[1 + random.nextInt(8)];
                        random.nextBytes(extra);
                        b = splice(b, at, 0, extra);
                    }
                    break;
                case 3: // delete bytes
                    b = splice(b, at, Math.min(b.length - at, 1 + random.nextInt(8)), new byte[0]);
                    break;
                case 4: // absurd length
                    if (at + 4 <= b.length) {
                        int length = ABSURD_LENGTHS[random.nextInt(ABSURD_LENGTHS.length)];
                        ByteBuffer.wrap(b)
                                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                                .putInt(at, length);
                    }
                    break;
                case 5: // stray tag
                    b[at] = (byte) random.nextInt(17);
                    break;
                case 6: // duplicate a region
                    {
                        int len = Math.min(b.length - at, 1 + random.nextInt(16));
                        b = splice(b, at, 0, Arrays.copyOfRange(b, at, at + len));
                    }
                    break;
                default: // random byte
                    b[at] = (byte) random.nextInt(256);
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}

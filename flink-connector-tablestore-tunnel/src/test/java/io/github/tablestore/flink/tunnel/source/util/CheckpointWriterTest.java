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

package io.github.tablestore.flink.tunnel.source.util;

import io.github.tablestore.flink.tunnel.client.ErrorCodes;
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.TunnelClient;
import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.emulator.TablestoreEmulator;
import io.github.tablestore.flink.tunnel.emulator.junit.TablestoreEmulatorExtension;
import io.github.tablestore.flink.tunnel.source.TestSources;
import io.github.tablestore.flink.tunnel.source.config.TunnelSourceConfig;
import io.github.tablestore.flink.tunnel.source.serialization.TunnelRecordDeserializationSchema;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.testing.FaultInjectingClientFactory;
import io.github.tablestore.flink.tunnel.source.testing.TestTables;
import io.github.tablestore.flink.tunnel.source.testing.TunnelSessionFixture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Storing positions in the tunnel, against the emulator's sequence-number rules. */
class CheckpointWriterTest {
    @RegisterExtension
    final TablestoreEmulatorExtension tablestore =
            new TablestoreEmulatorExtension(b -> b.readLimits(5, 1 << 20));

    private FaultInjectingClientFactory faults;
    private TunnelClient client;
    private TunnelSessionFixture session;
    private String channel;
    private String position;
    private CheckpointWriter writer;

    @BeforeEach
    void start() {
        TablestoreEmulator emulator = tablestore.emulator();
        TestTables.create(emulator, "t", 1);
        TestTables.putRange(emulator, "t", 0, 20, "v");
        TunnelSourceConfig config =
                TestSources.builder(
                                emulator,
                                "t",
                                "tn",
                                TunnelType.BASE_DATA,
                                TunnelRecordDeserializationSchema.json(),
                                Duration.ofSeconds(1),
                                f -> faults = new FaultInjectingClientFactory(f))
                        .build()
                        .config();
        client = config.clientFactory().createClient();
        session = new TunnelSessionFixture(client, "t", "tn", TunnelType.BASE_DATA);
        TunnelChannelSplit split = session.openSplits().get(0);
        channel = split.channelId();
        position =
                client.readRecords(session.tunnelId, session.clientId, channel, split.token())
                        .nextToken();
        writer = new CheckpointWriter(client);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private ChannelCheckpoint stored() {
        return client.getCheckpoint(session.tunnelId, session.clientId, channel);
    }

    @Test
    void storesWithTheNextSequenceNumber() {
        long seq = stored().sequenceNumber();
        CheckpointWriter.Result r =
                writer.store(session.tunnelId, session.clientId, channel, position, seq);
        assertThat(r.outcome()).isEqualTo(CheckpointWriter.Outcome.STORED);
        assertThat(r.sequenceNumber()).isEqualTo(seq + 1);
        assertThat(stored().token()).isEqualTo(position);
    }

    @Test
    void aStaleSequenceNumberIsResolvedFromTheStoredCheckpoint() {
        long seq = stored().sequenceNumber();
        client.checkpoint(
                session.tunnelId, session.clientId, channel, position, seq + 5); // another writer
        String later =
                client.readRecords(session.tunnelId, session.clientId, channel, position)
                        .nextToken();
        CheckpointWriter.Result r =
                writer.store(session.tunnelId, session.clientId, channel, later, seq);
        assertThat(r.outcome()).isEqualTo(CheckpointWriter.Outcome.STORED);
        assertThat(r.sequenceNumber()).isEqualTo(seq + 6);
        assertThat(stored().token()).isEqualTo(later);
    }

    @Test
    void aFinishedCheckpointIsNeverOverwrittenAndAStoredTokenNotWrittenAgain() {
        CheckpointWriter.Result done =
                writer.store(
                        session.tunnelId,
                        session.clientId,
                        channel,
                        ChannelCheckpoint.FINISHED_TOKEN,
                        -1);
        assertThat(done.outcome()).isEqualTo(CheckpointWriter.Outcome.STORED);
        int writes = faults.hooks().checkpoints.size();
        assertThat(
                        writer.store(
                                        session.tunnelId,
                                        session.clientId,
                                        channel,
                                        ChannelCheckpoint.FINISHED_TOKEN,
                                        -1)
                                .outcome())
                .isEqualTo(CheckpointWriter.Outcome.ALREADY_FINISHED);
        assertThat(writer.store(session.tunnelId, session.clientId, channel, position, 0).outcome())
                .isEqualTo(CheckpointWriter.Outcome.ALREADY_FINISHED);
        assertThat(stored().isFinished()).isTrue();
        assertThat(faults.hooks().checkpoints).hasSize(writes); // nothing written over it
    }

    @Test
    void givesUpAfterThreeMismatchesAndThrowsOtherErrors() {
        faults.hooks().fail("checkpoint", 3, ErrorCodes.SEQUENCE_NUMBER_NOT_MATCH, 400, false);
        assertThat(writer.store(session.tunnelId, session.clientId, channel, position, 0).outcome())
                .isEqualTo(CheckpointWriter.Outcome.CONTENDED);
        faults.hooks().fail("checkpoint", 1, ErrorCodes.AUTH_FAILED, 403, false);
        assertThatThrownBy(
                        () ->
                                writer.store(
                                        session.tunnelId, session.clientId, channel, position, 0))
                .isInstanceOf(TablestoreException.class)
                .satisfies(
                        e ->
                                assertThat(((TablestoreException) e).errorCode())
                                        .isEqualTo(ErrorCodes.AUTH_FAILED));
        assertThat(List.of(stored().token())).doesNotContain(position);
    }
}

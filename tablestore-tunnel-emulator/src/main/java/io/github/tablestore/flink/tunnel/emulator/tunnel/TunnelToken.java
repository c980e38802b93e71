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

package io.github.tablestore.flink.tunnel.emulator.tunnel;

import io.github.tablestore.flink.tunnel.client.model.ChannelCheckpoint;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferDecoder;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferEncoder;
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferException;
import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.emulator.api.Errors;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import java.util.Base64;

/**
 * A channel position in the service's token shape: Base64 of {@code Token{version 2, content =
 * TokenContentV2}}, or the literal {@code finished}.
 *
 * <ul>
 *   <li>base data: {@code primary_key} = PlainBuffer key of the next row to read;
 *   <li>stream: {@code iterator} = {@code <shard id>:<log index>} (clients only test that it is
 *       non-empty), {@code timestamp} = how far the channel has consumed, µs;
 * </ul>
 *
 * {@code total_count} carries the records delivered so far on the channel. Immutable.
 */
final class TunnelToken {
    enum Kind {
        BASE,
        STREAM,
        FINISHED
    }

    static final TunnelToken FINISHED = new TunnelToken(Kind.FINISHED, null, null, 0, 0, 0);

    private static final long VERSION = 2;

    private final Kind kind;
    private final PrimaryKey nextKey;
    private final String shardId;
    private final long index;
    private final long timestampMicros;
    private final long totalCount;

    private TunnelToken(
            Kind kind,
            PrimaryKey nextKey,
            String shardId,
            long index,
            long timestampMicros,
            long totalCount) {
        this.kind = kind;
        this.nextKey = nextKey;
        this.shardId = shardId;
        this.index = index;
        this.timestampMicros = timestampMicros;
        this.totalCount = totalCount;
    }

    static TunnelToken base(PrimaryKey nextKey, long totalCount) {
        return new TunnelToken(Kind.BASE, nextKey, null, 0, 0, totalCount);
    }

    static TunnelToken stream(String shardId, long index, long timestampMicros, long totalCount) {
        return new TunnelToken(Kind.STREAM, null, shardId, index, timestampMicros, totalCount);
    }

    Kind kind() {
        return kind;
    }

    PrimaryKey nextKey() {
        return nextKey;
    }

    String shardId() {
        return shardId;
    }

    long index() {
        return index;
    }

    long timestampMicros() {
        return timestampMicros;
    }

    long totalCount() {
        return totalCount;
    }

    String encode() {
        if (kind == Kind.FINISHED) {
            return ChannelCheckpoint.FINISHED_TOKEN;
        }
        TunnelProtos.TokenContentV2.Builder content =
                TunnelProtos.TokenContentV2.newBuilder().setTotalCount(totalCount);
        if (kind == Kind.BASE) {
            content.setPrimaryKey(
                    ByteString.copyFrom(PlainBufferEncoder.encodePrimaryKey(nextKey)));
        } else {
            content.setIterator(shardId + ":" + index).setTimestamp(timestampMicros);
        }
        TunnelProtos.Token token =
                TunnelProtos.Token.newBuilder()
                        .setVersion(VERSION)
                        .setContent(content.build().toByteString())
                        .build();
        return Base64.getEncoder().encodeToString(token.toByteArray());
    }

    /** Parses a token a client sent; anything malformed is OTSParameterInvalid. */
    static TunnelToken parse(String text) {
        if (text == null || text.isEmpty()) {
            throw Errors.parameterInvalid("The token is empty.");
        }
        if (ChannelCheckpoint.FINISHED_TOKEN.equals(text)) {
            return FINISHED;
        }
        try {
            TunnelProtos.Token token =
                    TunnelProtos.Token.parseFrom(Base64.getDecoder().decode(text));
            if (token.getVersion() != VERSION) {
                throw Errors.parameterInvalid(
                        "Unsupported token version " + token.getVersion() + ".");
            }
            TunnelProtos.TokenContentV2 c =
                    TunnelProtos.TokenContentV2.parseFrom(token.getContent());
            if (!c.getIterator().isEmpty()) {
                String it = c.getIterator();
                int colon = it.lastIndexOf(':');
                if (colon <= 0) {
                    throw Errors.parameterInvalid("Invalid stream token.");
                }
                long index = Long.parseLong(it.substring(colon + 1));
                if (index < 0) {
                    throw Errors.parameterInvalid("Invalid stream token.");
                }
                return stream(it.substring(0, colon), index, c.getTimestamp(), c.getTotalCount());
            }
            if (c.hasPrimaryKey()) {
                PrimaryKey key =
                        PlainBufferDecoder.decodePrimaryKey(
                                c.getPrimaryKey().asReadOnlyByteBuffer());
                return base(key, c.getTotalCount());
            }
            throw Errors.parameterInvalid("Invalid token: neither a base nor a stream position.");
        } catch (IllegalArgumentException
                | InvalidProtocolBufferException
                | PlainBufferException e) {
            throw Errors.parameterInvalid("Invalid token.");
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case BASE:
                return "base@" + nextKey;
            case STREAM:
                return "stream@" + shardId + ":" + index;
            default:
                return "finished";
        }
    }
}

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

package io.github.tablestore.flink.tunnel.source.split;

import io.github.tablestore.flink.tunnel.client.model.ChannelType;

import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned binary form of {@link TunnelChannelSplit}.
 *
 * <p>Version 1: channelId (UTF), channel type (byte: 0 base data, 1 stream), token (length-prefixed
 * UTF-8, tokens may exceed 64 KiB), sequence number (long), parent count (int) and parent ids (UTF).
 * Version 2 appends a flags byte (bit 0: released). Version 3 appends the assignment number
 * (long). A new version appends fields; {@link
 * #deserialize} keeps reading every earlier one.
 */
public final class TunnelChannelSplitSerializer
        implements SimpleVersionedSerializer<TunnelChannelSplit> {
    public static final TunnelChannelSplitSerializer INSTANCE = new TunnelChannelSplitSerializer();

    static final int VERSION_1 = 1;
    static final int VERSION_2 = 2;
    static final int VERSION_3 = 3;
    public static final int CURRENT_VERSION = VERSION_3;

    private static final int FLAG_RELEASED = 1;

    private static final byte TYPE_BASE_DATA = 0;
    private static final byte TYPE_STREAM = 1;

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(TunnelChannelSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + split.token().length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(split, out);
        }
        return bytes.toByteArray();
    }

    /** Writes the current version's fields; used inside the enumerator state too. */
    public static void write(TunnelChannelSplit split, DataOutputStream out) throws IOException {
        out.writeUTF(split.channelId());
        out.writeByte(split.channelType() == ChannelType.STREAM ? TYPE_STREAM : TYPE_BASE_DATA);
        writeLongString(split.token(), out);
        out.writeLong(split.sequenceNumber());
        out.writeInt(split.parentChannelIds().size());
        for (String parent : split.parentChannelIds()) {
            out.writeUTF(parent);
        }
        out.writeByte(split.isReleased() ? FLAG_RELEASED : 0);
        out.writeLong(split.assignment());
    }

    @Override
    public TunnelChannelSplit deserialize(int version, byte[] serialized) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            TunnelChannelSplit split = read(version, in);
            if (in.available() > 0) {
                throw new IOException(
                        "Unexpected "
                                + in.available()
                                + " trailing bytes in a tunnel split of version "
                                + version);
            }
            return split;
        }
    }

    /** Reads a split written by {@link #write} in the given version. */
    public static TunnelChannelSplit read(int version, DataInputStream in) throws IOException {
        if (version < VERSION_1 || version > VERSION_3) {
            throw new IOException(
                    "Unknown tunnel split serializer version "
                            + version
                            + " (this connector reads versions 1.."
                            + CURRENT_VERSION
                            + "); was the state written by a newer connector?");
        }
        String channelId = in.readUTF();
        byte type = in.readByte();
        ChannelType channelType;
        if (type == TYPE_STREAM) {
            channelType = ChannelType.STREAM;
        } else if (type == TYPE_BASE_DATA) {
            channelType = ChannelType.BASE_DATA;
        } else {
            throw new IOException("Unknown channel type " + type + " in the split of " + channelId);
        }
        String token = readLongString(in);
        long sequenceNumber = in.readLong();
        int parents = in.readInt();
        if (parents < 0 || parents > 1024) {
            throw new IOException(
                    "Corrupt parent count " + parents + " in the split of " + channelId);
        }
        List<String> parentIds = new ArrayList<>(parents);
        for (int i = 0; i < parents; i++) {
            parentIds.add(in.readUTF());
        }
        boolean released = false;
        if (version >= VERSION_2) {
            int flags = in.readUnsignedByte();
            if ((flags & ~FLAG_RELEASED) != 0) {
                throw new IOException("Unknown flags " + flags + " in the split of " + channelId);
            }
            released = (flags & FLAG_RELEASED) != 0;
        }
        long assignment = 0;
        if (version >= VERSION_3) {
            assignment = in.readLong();
            if (assignment < 0) {
                throw new IOException(
                        "Corrupt assignment number "
                                + assignment
                                + " in the split of "
                                + channelId);
            }
        }
        return new TunnelChannelSplit(
                channelId, channelType, token, sequenceNumber, parentIds, released, assignment);
    }

    /** Writes a string of any length (writeUTF stops at 64 KiB). */
    public static void writeLongString(String s, DataOutputStream out) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    public static String readLongString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 64 * 1024 * 1024) {
            throw new IOException("Corrupt string length " + length);
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}

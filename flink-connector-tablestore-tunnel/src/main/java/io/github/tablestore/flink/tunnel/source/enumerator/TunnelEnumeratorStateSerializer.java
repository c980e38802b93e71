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

package io.github.tablestore.flink.tunnel.source.enumerator;

import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplit;
import io.github.tablestore.flink.tunnel.source.split.TunnelChannelSplitSerializer;

import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Versioned binary form of {@link TunnelEnumeratorState}.
 *
 * <p>Version 1: tunnelId and clientId (each a presence byte then UTF), the split serializer
 * version used for the pending splits (int), pending count (int) and splits, assigned count
 * (int) and ids (UTF), finished count (int) and ids (UTF). Sets are written sorted so equal
 * states give equal bytes.
 *
 * <p>Version 2 appends the released splits: count (int) and splits (in the split serializer
 * version written at the start).
 *
 * <p>Version 3 appends, for each assigned id in the order written, the number of its assignment
 * (long), then the next assignment number (long); its splits are in split version 3.
 */
public final class TunnelEnumeratorStateSerializer
        implements SimpleVersionedSerializer<TunnelEnumeratorState> {
    public static final TunnelEnumeratorStateSerializer INSTANCE =
            new TunnelEnumeratorStateSerializer();

    static final int VERSION_1 = 1;
    static final int VERSION_2 = 2;
    static final int VERSION_3 = 3;
    public static final int CURRENT_VERSION = VERSION_3;

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(TunnelEnumeratorState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeNullable(state.tunnelId(), out);
            writeNullable(state.clientId(), out);
            out.writeInt(TunnelChannelSplitSerializer.CURRENT_VERSION);
            out.writeInt(state.pendingSplits().size());
            for (TunnelChannelSplit split : state.pendingSplits()) {
                TunnelChannelSplitSerializer.write(split, out);
            }
            writeIds(state.assignedChannels(), out);
            writeIds(state.finishedChannels(), out);
            out.writeInt(state.releasedSplits().size());
            for (TunnelChannelSplit split : state.releasedSplits()) {
                TunnelChannelSplitSerializer.write(split, out);
            }
            for (String id : new TreeSet<>(state.assignedChannels())) {
                out.writeLong(state.assignments().get(id));
            }
            out.writeLong(state.nextAssignment());
        }
        return bytes.toByteArray();
    }

    @Override
    public TunnelEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version < VERSION_1 || version > VERSION_3) {
            throw new IOException(
                    "Unknown tunnel enumerator state version "
                            + version
                            + " (this connector reads versions 1.."
                            + CURRENT_VERSION
                            + "); was the state written by a newer connector?");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            String tunnelId = readNullable(in);
            String clientId = readNullable(in);
            int splitVersion = in.readInt();
            int pendingCount = readCount(in, "pending split");
            List<TunnelChannelSplit> pending = new ArrayList<>(pendingCount);
            for (int i = 0; i < pendingCount; i++) {
                pending.add(TunnelChannelSplitSerializer.read(splitVersion, in));
            }
            Set<String> assigned = readIds(in, "assigned channel");
            Set<String> finished = readIds(in, "finished channel");
            List<TunnelChannelSplit> released = new ArrayList<>();
            if (version >= VERSION_2) {
                int releasedCount = readCount(in, "released split");
                for (int i = 0; i < releasedCount; i++) {
                    released.add(TunnelChannelSplitSerializer.read(splitVersion, in));
                }
            }
            Map<String, Long> assignments = new TreeMap<>();
            long nextAssignment = 1;
            for (String id : new TreeSet<>(assigned)) {
                assignments.put(id, version >= VERSION_3 ? readAssignment(in, id) : 0L);
            }
            if (version >= VERSION_3) {
                nextAssignment = in.readLong();
                if (nextAssignment < 1) {
                    throw new IOException(
                            "Corrupt next assignment number "
                                    + nextAssignment
                                    + " in enumerator state");
                }
            }
            if (in.available() > 0) {
                throw new IOException(
                        "Unexpected "
                                + in.available()
                                + " trailing bytes in tunnel enumerator state of version "
                                + version);
            }
            return new TunnelEnumeratorState(
                    tunnelId, clientId, pending, assignments, finished, released, nextAssignment);
        }
    }

    private static long readAssignment(DataInputStream in, String channelId) throws IOException {
        long n = in.readLong();
        if (n < 0) {
            throw new IOException(
                    "Corrupt assignment number "
                            + n
                            + " of channel "
                            + channelId
                            + " in enumerator state");
        }
        return n;
    }

    private static void writeNullable(String s, DataOutputStream out) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeIds(Set<String> ids, DataOutputStream out) throws IOException {
        out.writeInt(ids.size());
        for (String id : new TreeSet<>(ids)) {
            out.writeUTF(id);
        }
    }

    private static Set<String> readIds(DataInputStream in, String what) throws IOException {
        int count = readCount(in, what);
        Set<String> ids = new LinkedHashSet<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.readUTF());
        }
        return ids;
    }

    private static int readCount(DataInputStream in, String what) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 10_000_000) {
            throw new IOException("Corrupt " + what + " count " + count + " in enumerator state");
        }
        return count;
    }
}

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
import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferReader.CellRules;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.PrimaryKey;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;
import io.github.tablestore.flink.tunnel.client.record.Row;
import io.github.tablestore.flink.tunnel.client.record.SequenceInfo;
import io.github.tablestore.flink.tunnel.client.record.TunnelRecord;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Decodes PlainBuffer bytes into {@link Row}s, {@link PrimaryKey}s and {@link TunnelRecord}s.
 *
 * <p>Every cell checksum and row checksum is verified; any malformed input ends in a {@link
 * PlainBufferException} naming the problem and its byte offset (counted from the buffer's position
 * when decoding began). Decoding reads from the buffer's position to its limit and never moves the
 * caller's position. String and binary values of the result alias the input buffer (no copy), so
 * its bytes must not change afterwards.
 *
 * <p>The static methods are thread-safe. An instance, used for tunnel records on the hot path,
 * keeps a column-name cache and reusable scratch space: use one instance per thread.
 */
public final class PlainBufferDecoder {
    private final NameCache names = new NameCache();
    private final PlainBufferReader reader = new PlainBufferReader(names);

    /** Decodes one row that follows a header, e.g. a PutRow row or a GetRow result. */
    public static Row decodeRow(ByteBuffer buffer) {
        PlainBufferReader r = new PlainBufferReader(null);
        r.begin(buffer.duplicate(), null);
        r.readHeader();
        r.readRow(true, CellRules.ROW, null);
        r.expectEnd("the row");
        return toRow(r);
    }

    /** Decodes a header followed by any number of rows (a GetRange result). Empty input has no rows. */
    public static List<Row> decodeRows(ByteBuffer buffer) {
        PlainBufferReader r = new PlainBufferReader(null);
        r.begin(buffer.duplicate(), null);
        if (r.isEmpty()) {
            return Collections.emptyList();
        }
        r.readHeader();
        List<Row> rows = new ArrayList<>();
        while (!r.atEnd()) {
            r.readRow(true, CellRules.ROW, null);
            rows.add(toRow(r));
        }
        return Collections.unmodifiableList(rows);
    }

    /** Decodes the primary key of one row that follows a header (a token key or DeleteRow key). */
    public static PrimaryKey decodePrimaryKey(ByteBuffer buffer) {
        PlainBufferReader r = new PlainBufferReader(null);
        r.begin(buffer.duplicate(), null);
        r.readHeader();
        r.readRow(true, CellRules.ROW, null);
        r.expectEnd("the row");
        return r.toPrimaryKey();
    }

    /** Number of column names this decoder has cached (for tests). */
    int cachedNameCount() {
        return names.size();
    }

    private static Row toRow(PlainBufferReader r) {
        return new Row(r.toPrimaryKey(), r.cells(), r.deleteMarker(), r.sequenceInfo());
    }

    /** Decodes a tunnel record with all of its columns. */
    public TunnelRecord decodeRecord(RawRecord raw) {
        return decodeRecord(raw, ColumnFilter.all());
    }

    /**
     * Decodes a tunnel record, materializing only the attribute columns {@code filter} includes
     * (in the record, its origin columns and, for an UPDATE_ROW, its latest columns); the primary key is always decoded. Cells follow
     * the tunnel rules: a PUT has a value and a timestamp, DELETE_ONE_VERSION a timestamp only,
     * DELETE_ALL_VERSIONS neither; other operations are errors. The delete marker is accepted and
     * ignored. A record without a sequence-info extension (base data) has none.
     */
    public TunnelRecord decodeRecord(RawRecord raw, ColumnFilter filter) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(filter, "filter");
        PlainBufferReader r = reader;
        PrimaryKey primaryKey;
        List<Cell> columns;
        SequenceInfo sequenceInfo;
        List<Cell> originColumns = Collections.emptyList();
        List<Cell> latestColumns = null;
        try {
            r.begin(raw.record(), null);
            r.readHeader();
            r.readRow(true, CellRules.TUNNEL, filter);
            r.expectEnd("the row");
            primaryKey = r.toPrimaryKey();
            columns = List.copyOf(r.cells());
            sequenceInfo = r.sequenceInfo();

            ByteBuffer origin = raw.originRecord();
            // An empty origin record is treated as absent.
            if (origin != null && origin.hasRemaining()) {
                r.begin(origin, "origin record");
                r.readHeader();
                r.readRow(false, CellRules.TUNNEL, filter);
                r.expectEnd("the row");
                originColumns = List.copyOf(r.cells());
            }
            // A PUT's own cells are its whole row after the change: its after-image is not
            // decoded (nor its checksum checked), which saves decoding every put twice.
            ByteBuffer latest = raw.action() == RecordAction.UPDATE_ROW ? raw.latestRecord() : null;
            if (latest != null && latest.hasRemaining()) {
                r.begin(latest, "latest record");
                r.readHeader();
                r.readRow(false, CellRules.TUNNEL, filter);
                r.expectEnd("the row");
                latestColumns = List.copyOf(r.cells());
            }
        } finally {
            r.end(); // the decoder outlives the response: do not pin its body
        }
        return new TunnelRecord(
                raw.action(), primaryKey, columns, sequenceInfo, originColumns, latestColumns);
    }
}

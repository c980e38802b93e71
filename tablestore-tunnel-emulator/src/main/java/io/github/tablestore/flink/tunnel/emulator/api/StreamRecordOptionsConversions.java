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

package io.github.tablestore.flink.tunnel.emulator.api;

import io.github.tablestore.flink.tunnel.client.proto.TunnelProtos;
import io.github.tablestore.flink.tunnel.emulator.store.RecordImages;

/** Stream record options between the wire ({@code StreamRecordOptions}) and {@link RecordImages}. */
final class StreamRecordOptionsConversions {
    private StreamRecordOptionsConversions() {}

    /**
     * The options CreateTunnel sets; {@code null} when neither image is set. A column selection
     * that is absent or INVALID is unset; fields 1–3 are not modelled.
     */
    static RecordImages fromWire(TunnelProtos.StreamRecordOptions o) {
        return RecordImages.of(
                o.hasOldColumnsToGet()
                        ? columns(o.getOldColumnsToGet(), "old_columns_to_get")
                        : null,
                o.hasNewColumnsToGet()
                        ? columns(o.getNewColumnsToGet(), "new_columns_to_get")
                        : null);
    }

    private static RecordImages.Columns columns(TunnelProtos.StreamColumn c, String what) {
        switch (c.getType()) {
            case ALL_COLUMNS:
                return RecordImages.Columns.all();
            case INPUT_COLUMNS:
                return RecordImages.Columns.input();
            case SPECIFIED_COLUMN:
                return RecordImages.Columns.specified(c.getColumnNameList(), what);
            case INVALID:
            default:
                return null;
        }
    }

    /** What DescribeTunnel and ListTunnel report; an unset half is sent as INVALID. */
    static TunnelProtos.StreamRecordOptions toWire(RecordImages images) {
        return TunnelProtos.StreamRecordOptions.newBuilder()
                .setOldColumnsToGet(column(images.before()))
                .setNewColumnsToGet(column(images.after()))
                .build();
    }

    private static TunnelProtos.StreamColumn column(RecordImages.Columns c) {
        TunnelProtos.StreamColumn.Builder b = TunnelProtos.StreamColumn.newBuilder();
        if (c == null) {
            return b.setType(TunnelProtos.StreamColumnType.INVALID).build();
        }
        switch (c.kind()) {
            case ALL:
                return b.setType(TunnelProtos.StreamColumnType.ALL_COLUMNS).build();
            case INPUT:
                return b.setType(TunnelProtos.StreamColumnType.INPUT_COLUMNS).build();
            case SPECIFIED:
                return b.setType(TunnelProtos.StreamColumnType.SPECIFIED_COLUMN)
                        .addAllColumnName(c.names())
                        .build();
            default:
                throw new AssertionError(c.kind());
        }
    }
}

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

package io.github.tablestore.flink.tunnel.emulator.store;

import io.github.tablestore.flink.tunnel.client.plainbuffer.PlainBufferEncoder;
import io.github.tablestore.flink.tunnel.client.record.Cell;
import io.github.tablestore.flink.tunnel.client.record.RecordAction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds a change's record frame for a tunnel with stream record options (modelled, not verified
 * against the service): the after-image in {@code latest_record} (none for a delete) and, when the
 * before-image is set, the row before the change in {@code origin_record} instead of the table
 * stream's origin columns. Each image holds the newest version of each selected attribute column,
 * with its timestamp, in name order; a row with none of them gets an encoded empty image.
 */
final class ImageFrames {
    private ImageFrames() {}

    static byte[] build(ChangeLogEntry e, RecordImages images) {
        boolean delete = e.action() == RecordAction.DELETE_ROW;
        byte[] origin = null;
        if (images.before() != null) {
            origin =
                    images.before().kind() == RecordImages.Columns.Kind.ALL && e.before() != null
                            ? e.before().fullImage()
                            : PlainBufferEncoder.encodeImageColumns(
                                    beforeCells(e, images.before()));
        }
        byte[] latest = null;
        if (images.after() != null && !delete) {
            latest =
                    images.after().kind() == RecordImages.Columns.Kind.ALL
                            ? e.after().fullImage()
                            : PlainBufferEncoder.encodeImageColumns(afterCells(e, images.after()));
        }
        if (origin == null && latest == null) {
            return e.frame(); // a delete with only an after-image set: nothing changes
        }
        return RecordFrames.withImages(e.frame(), origin, latest);
    }

    /** INPUT: the columns the change put that the row still has after it. */
    private static List<Cell> afterCells(ChangeLogEntry e, RecordImages.Columns columns) {
        switch (columns.kind()) {
            case ALL:
                return e.after().latestCells();
            case SPECIFIED:
                return latest(e.after(), columns.sortedNames());
            case INPUT:
                return latest(e.after(), new TreeSet<>(Arrays.asList(e.written())));
            default:
                throw new AssertionError(columns.kind());
        }
    }

    /**
     * INPUT: the columns the change wrote or removed. A PutRow replaces and a DeleteRow removes
     * the whole row, so for them that is every column the row had.
     */
    private static List<Cell> beforeCells(ChangeLogEntry e, RecordImages.Columns columns) {
        StoredRow before = e.before();
        if (before == null) {
            return List.of();
        }
        switch (columns.kind()) {
            case ALL:
                return before.latestCells();
            case SPECIFIED:
                return latest(before, columns.sortedNames());
            case INPUT:
                if (e.action() != RecordAction.UPDATE_ROW) {
                    return before.latestCells();
                }
                TreeSet<String> names = new TreeSet<>(Arrays.asList(e.written()));
                names.addAll(Arrays.asList(e.removed()));
                return latest(before, names);
            default:
                throw new AssertionError(columns.kind());
        }
    }

    /** The newest version of each of {@code names} (in order) that the row has. */
    private static List<Cell> latest(StoredRow row, Collection<String> names) {
        List<Cell> cells = new ArrayList<>(names.size());
        for (String name : names) {
            List<Version> vs = row.versions(name);
            if (!vs.isEmpty()) {
                cells.add(Cell.put(name, vs.get(0).value, vs.get(0).timestamp));
            }
        }
        return cells;
    }
}

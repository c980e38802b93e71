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

package io.github.tablestore.flink.tunnel.table;

import org.apache.flink.table.types.logical.LogicalType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the source produces for one query: the projected physical columns (name, type, whether it
 * is a primary-key column) followed by the requested metadata columns. Immutable.
 */
final class RowShape implements Serializable {
    private static final long serialVersionUID = 1L;

    final String tableName;
    final String[] names;
    final LogicalType[] types;
    final boolean[] primaryKey;
    final String[] metadataKeys;
    final LogicalType[] metadataTypes;

    RowShape(
            String tableName,
            List<String> names,
            List<LogicalType> types,
            List<Boolean> primaryKey,
            List<String> metadataKeys,
            List<LogicalType> metadataTypes) {
        this.tableName = tableName;
        this.names = names.toArray(new String[0]);
        this.types = types.toArray(new LogicalType[0]);
        this.primaryKey = new boolean[primaryKey.size()];
        for (int i = 0; i < this.primaryKey.length; i++) {
            this.primaryKey[i] = primaryKey.get(i);
        }
        this.metadataKeys = metadataKeys.toArray(new String[0]);
        this.metadataTypes = metadataTypes.toArray(new LogicalType[0]);
    }

    int physicalCount() {
        return names.length;
    }

    int metadataCount() {
        return metadataKeys.length;
    }

    /** Whether a projected physical column is a declared-NOT-NULL attribute column. */
    boolean notNullAttribute(int i) {
        return !primaryKey[i] && !types[i].isNullable();
    }

    /** The projected attribute (non-primary-key) columns: what the readers must decode. */
    List<String> attributeNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (!primaryKey[i]) {
                out.add(names[i]);
            }
        }
        return out;
    }

    boolean hasAttributes() {
        for (boolean pk : primaryKey) {
            if (!pk) {
                return true;
            }
        }
        return false;
    }
}

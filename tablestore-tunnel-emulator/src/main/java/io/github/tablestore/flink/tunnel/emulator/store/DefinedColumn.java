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

import java.util.Objects;

/** A defined (pre-declared attribute) column of a table, kept as CreateTable gave it. */
public final class DefinedColumn {
    /** The types a defined column can have. */
    public enum Type {
        INTEGER,
        DOUBLE,
        BOOLEAN,
        STRING,
        BLOB
    }

    private final String name;
    private final Type type;

    public DefinedColumn(String name, Type type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }
}

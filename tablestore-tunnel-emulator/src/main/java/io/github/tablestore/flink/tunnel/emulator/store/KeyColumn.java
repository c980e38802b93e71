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

import io.github.tablestore.flink.tunnel.client.model.TableDescription.PrimaryKeyType;

import java.util.Objects;

/** One primary-key column of a table: name, type, and whether it is auto-increment. */
public final class KeyColumn {
    private final String name;
    private final PrimaryKeyType type;
    private final boolean autoIncrement;

    public KeyColumn(String name, PrimaryKeyType type, boolean autoIncrement) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.autoIncrement = autoIncrement;
    }

    public String name() {
        return name;
    }

    public PrimaryKeyType type() {
        return type;
    }

    public boolean autoIncrement() {
        return autoIncrement;
    }
}

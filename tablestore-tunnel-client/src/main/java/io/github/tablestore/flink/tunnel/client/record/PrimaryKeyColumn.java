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

package io.github.tablestore.flink.tunnel.client.record;

import java.util.Objects;

/** One column of a {@link PrimaryKey}: a name and an integer, string or binary value (or a marker). */
public final class PrimaryKeyColumn {
    private final String name;
    private final ColumnValue value;

    public PrimaryKeyColumn(String name, ColumnValue value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
        if (!value.type().allowedInPrimaryKey()) {
            throw new IllegalArgumentException(
                    "Primary-key column '" + name + "' cannot hold a " + value.type() + " value");
        }
    }

    public String name() {
        return name;
    }

    public ColumnValue value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PrimaryKeyColumn)) {
            return false;
        }
        PrimaryKeyColumn other = (PrimaryKeyColumn) o;
        return name.equals(other.name) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + value.hashCode();
    }

    @Override
    public String toString() {
        return name + '=' + value;
    }
}

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

import java.util.List;

/** A table's stream settings as CreateTable/UpdateTable set them. Immutable. */
public final class StreamSettings {
    static final StreamSettings DISABLED = new StreamSettings(false, 0, List.of(), 0);

    private final boolean enabled;
    private final int expirationHours;
    private final List<String> originColumns;
    private final long lastEnableMicros;

    public StreamSettings(
            boolean enabled,
            int expirationHours,
            List<String> originColumns,
            long lastEnableMicros) {
        this.enabled = enabled;
        this.expirationHours = expirationHours;
        this.originColumns = List.copyOf(originColumns);
        this.lastEnableMicros = lastEnableMicros;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Log retention in hours as the user set it; 0 when unset. */
    public int expirationHours() {
        return expirationHours;
    }

    /** Columns whose previous values stream records carry (origin columns). */
    public List<String> originColumns() {
        return originColumns;
    }

    public long lastEnableMicros() {
        return lastEnableMicros;
    }
}

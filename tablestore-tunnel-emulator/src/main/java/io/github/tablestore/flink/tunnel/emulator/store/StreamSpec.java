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
import java.util.Objects;

/**
 * The stream part of CreateTable or UpdateTable, before {@link Instance#streamSettings} checks
 * it and stamps the time it was enabled.
 */
public final class StreamSpec {
    public static final StreamSpec DISABLED = new StreamSpec(false, 0, List.of());

    private final boolean enabled;
    private final int expirationHours;
    private final List<String> originColumns;

    /**
     * @param expirationHours 0 for the emulator's default retention
     * @param originColumns the before-image columns the stream keeps
     */
    public StreamSpec(boolean enabled, int expirationHours, List<String> originColumns) {
        this.enabled = enabled;
        this.expirationHours = expirationHours;
        this.originColumns = List.copyOf(Objects.requireNonNull(originColumns, "originColumns"));
    }

    public boolean enabled() {
        return enabled;
    }

    public int expirationHours() {
        return expirationHours;
    }

    public List<String> originColumns() {
        return originColumns;
    }
}

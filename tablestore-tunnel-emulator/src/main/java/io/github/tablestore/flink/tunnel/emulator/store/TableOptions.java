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
import java.util.Optional;

/**
 * A table's options as CreateTable and UpdateTable gave them; each is absent until set, so that
 * DescribeTable answers exactly what was set. Only max versions changes how the table behaves.
 * Immutable.
 */
public final class TableOptions {
    public static final TableOptions NONE = new TableOptions(null, null, null, null, null);

    private final Integer timeToLive;
    private final Integer maxVersions;
    private final Long deviationCellVersionInSec;
    private final Boolean allowUpdate;
    private final Boolean updateFullRow;

    public TableOptions(
            Integer timeToLive,
            Integer maxVersions,
            Long deviationCellVersionInSec,
            Boolean allowUpdate,
            Boolean updateFullRow) {
        this.timeToLive = timeToLive;
        this.maxVersions = maxVersions;
        this.deviationCellVersionInSec = deviationCellVersionInSec;
        this.allowUpdate = allowUpdate;
        this.updateFullRow = updateFullRow;
    }

    /** Seconds, -1 for ever. */
    public Optional<Integer> timeToLive() {
        return Optional.ofNullable(timeToLive);
    }

    public Optional<Integer> maxVersions() {
        return Optional.ofNullable(maxVersions);
    }

    public Optional<Long> deviationCellVersionInSec() {
        return Optional.ofNullable(deviationCellVersionInSec);
    }

    public Optional<Boolean> allowUpdate() {
        return Optional.ofNullable(allowUpdate);
    }

    public Optional<Boolean> updateFullRow() {
        return Optional.ofNullable(updateFullRow);
    }

    /** These options with every option that {@code update} sets replaced (UpdateTable). */
    public TableOptions updatedWith(TableOptions update) {
        Objects.requireNonNull(update, "update");
        return new TableOptions(
                update.timeToLive != null ? update.timeToLive : timeToLive,
                update.maxVersions != null ? update.maxVersions : maxVersions,
                update.deviationCellVersionInSec != null
                        ? update.deviationCellVersionInSec
                        : deviationCellVersionInSec,
                update.allowUpdate != null ? update.allowUpdate : allowUpdate,
                update.updateFullRow != null ? update.updateFullRow : updateFullRow);
    }
}

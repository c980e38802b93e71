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

package io.github.tablestore.flink.tunnel.client.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A shard of a table's stream with its parents: one parent after a split, two after a merge,
 * none for an original shard. A tunnel's stream channel is named after its shard.
 */
public final class StreamShard {
    private final String shardId;
    private final String parentId;
    private final String parentSiblingId;

    public StreamShard(String shardId, String parentId, String parentSiblingId) {
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.parentId = emptyToNull(parentId);
        this.parentSiblingId = emptyToNull(parentSiblingId);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public String shardId() {
        return shardId;
    }

    /** The parent shard, or {@code null}. */
    public String parentId() {
        return parentId;
    }

    /** The second parent of a merged shard, or {@code null}. */
    public String parentSiblingId() {
        return parentSiblingId;
    }

    /** All parents (zero, one or two). */
    public List<String> parents() {
        if (parentId == null && parentSiblingId == null) {
            return Collections.emptyList();
        }
        List<String> parents = new ArrayList<>(2);
        if (parentId != null) {
            parents.add(parentId);
        }
        if (parentSiblingId != null) {
            parents.add(parentSiblingId);
        }
        return Collections.unmodifiableList(parents);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StreamShard)) {
            return false;
        }
        StreamShard that = (StreamShard) o;
        return shardId.equals(that.shardId)
                && Objects.equals(parentId, that.parentId)
                && Objects.equals(parentSiblingId, that.parentSiblingId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shardId, parentId, parentSiblingId);
    }

    @Override
    public String toString() {
        return shardId + (parents().isEmpty() ? "" : " <- " + parents());
    }
}

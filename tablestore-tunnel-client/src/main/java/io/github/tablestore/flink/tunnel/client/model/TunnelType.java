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

/** What a tunnel delivers: a table's full data, its changes, or the full data then the changes. */
public enum TunnelType {
    BASE_DATA("BaseData"),
    STREAM("Stream"),
    BASE_AND_STREAM("BaseAndStream");

    private final String wireName;

    TunnelType(String wireName) {
        this.wireName = wireName;
    }

    /** The name the service uses in DescribeTunnel/ListTunnel responses. */
    public String wireName() {
        return wireName;
    }

    public static TunnelType fromWireName(String name) {
        for (TunnelType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown tunnel type '" + name + "'");
    }
}

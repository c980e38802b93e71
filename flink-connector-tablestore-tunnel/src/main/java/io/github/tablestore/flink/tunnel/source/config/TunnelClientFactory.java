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

package io.github.tablestore.flink.tunnel.source.config;

import io.github.tablestore.flink.tunnel.client.TunnelClient;

import java.io.Serializable;

/**
 * Builds the {@link TunnelClient} through which the enumerator (on the JobManager) and every
 * reader (on the TaskManagers) talk to the service. Shipped with the source, so it must be
 * serializable and must not reveal secrets in {@code toString}. Wrapping one is how tests inject
 * faults.
 */
public interface TunnelClientFactory extends Serializable {

    /** A new client; the caller closes it. */
    TunnelClient createClient();

    /** Where the client connects, for messages and logs (e.g. instance and endpoint). No secrets. */
    String describeTarget();
}

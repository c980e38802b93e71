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

package io.github.tablestore.flink.tunnel.source.testing;

import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.auth.EnvironmentCredentials;
import io.github.tablestore.flink.tunnel.source.config.CredentialsProviderFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Credentials from the environment, as {@link CredentialsProviderFactory#fromEnvironment()} reads
 * them, but from a given map instead of the process's environment: a test cannot unset the
 * variables of its own JVM.
 */
public final class GivenEnvironmentCredentials implements CredentialsProviderFactory {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> environment;

    public GivenEnvironmentCredentials(Map<String, String> environment) {
        this.environment = new HashMap<>(environment);
    }

    @Override
    public CredentialsProvider create() {
        return EnvironmentCredentials.provider(environment::get);
    }

    @Override
    public String toString() {
        return "credentials from a given environment with " + environment.keySet();
    }
}

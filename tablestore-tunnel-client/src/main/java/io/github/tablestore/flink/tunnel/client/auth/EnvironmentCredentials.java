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

package io.github.tablestore.flink.tunnel.client.auth;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The environment variables Tablestore tools read credentials from. */
public final class EnvironmentCredentials {
    public static final String ACCESS_KEY_ID = "TABLESTORE_ACCESS_KEY_ID";
    public static final String ACCESS_KEY_SECRET = "TABLESTORE_ACCESS_KEY_SECRET";

    /** Optional; set for temporary (STS) credentials. */
    public static final String SESSION_TOKEN = "TABLESTORE_SESSION_TOKEN";

    private EnvironmentCredentials() {}

    /**
     * Reads credentials from {@code environment}.
     *
     * @throws MissingCredentialsException naming the missing or blank variable
     */
    public static Credentials read(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        return read(environment::get);
    }

    /**
     * Reads credentials through {@code variables} (name → value, null when unset), e.g. {@code
     * System::getenv}.
     *
     * @throws MissingCredentialsException naming the missing or blank variable
     */
    public static Credentials read(Function<String, String> variables) {
        String id = required(variables, ACCESS_KEY_ID);
        String secret = required(variables, ACCESS_KEY_SECRET);
        String token = variables.apply(SESSION_TOKEN);
        return Credentials.of(id.trim(), secret.trim(), token == null ? null : token.trim());
    }

    /**
     * A provider that reads the variables through {@code variables} whenever credentials are
     * asked for, so a missing variable fails the request (with a {@link
     * MissingCredentialsException} naming it) rather than the creation of the client.
     */
    public static CredentialsProvider provider(Function<String, String> variables) {
        Objects.requireNonNull(variables, "variables");
        return new CredentialsProvider() {
            @Override
            public Credentials credentials() {
                return read(variables);
            }

            @Override
            public String toString() {
                return "EnvironmentCredentialsProvider("
                        + ACCESS_KEY_ID
                        + ", "
                        + ACCESS_KEY_SECRET
                        + ")";
            }
        };
    }

    private static String required(Function<String, String> variables, String name) {
        String value = variables.apply(name);
        if (value == null || value.trim().isEmpty()) {
            throw new MissingCredentialsException("environment variable " + name + " is not set");
        }
        return value;
    }
}

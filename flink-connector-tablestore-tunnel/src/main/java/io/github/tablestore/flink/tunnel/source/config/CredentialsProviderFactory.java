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

import io.github.tablestore.flink.tunnel.client.auth.Credentials;
import io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider;
import io.github.tablestore.flink.tunnel.client.auth.EnvironmentCredentials;

import java.io.Serializable;
import java.util.Objects;

/**
 * Creates the {@link CredentialsProvider} on each JVM that talks to the service (the JobManager
 * and every TaskManager). Serializable because it travels with the job; its {@code toString}
 * never shows a secret.
 */
@FunctionalInterface
public interface CredentialsProviderFactory extends Serializable {

    CredentialsProvider create();

    /**
     * Reads {@value EnvironmentCredentials#ACCESS_KEY_ID}, {@value
     * EnvironmentCredentials#ACCESS_KEY_SECRET} and optionally {@value
     * EnvironmentCredentials#SESSION_TOKEN} from the environment of each JVM when it connects.
     */
    static CredentialsProviderFactory fromEnvironment() {
        return new FromEnvironment();
    }

    /** Fixed credentials, shipped with the job (masked in {@code toString}). */
    static CredentialsProviderFactory of(Credentials credentials) {
        return new Fixed(
                credentials.accessKeyId(),
                credentials.accessKeySecret(),
                credentials.securityToken());
    }

    /** Reads the credentials from the environment on every JVM. */
    final class FromEnvironment implements CredentialsProviderFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public CredentialsProvider create() {
            // Read on use: a missing variable then fails the first call, where the source reports
            // it with the side (JobManager or TaskManager) it is missing on.
            return EnvironmentCredentials.provider(System::getenv);
        }

        @Override
        public String toString() {
            return "credentials from the environment ("
                    + EnvironmentCredentials.ACCESS_KEY_ID
                    + ", "
                    + EnvironmentCredentials.ACCESS_KEY_SECRET
                    + ")";
        }
    }

    /** The same credentials everywhere. */
    final class Fixed implements CredentialsProviderFactory {
        private static final long serialVersionUID = 1L;

        private final String accessKeyId;
        private final String accessKeySecret;
        private final String securityToken;

        Fixed(String accessKeyId, String accessKeySecret, String securityToken) {
            this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
            this.accessKeySecret = Objects.requireNonNull(accessKeySecret, "accessKeySecret");
            this.securityToken = securityToken;
        }

        @Override
        public CredentialsProvider create() {
            return securityToken == null
                    ? CredentialsProvider.of(accessKeyId, accessKeySecret)
                    : CredentialsProvider.of(accessKeyId, accessKeySecret, securityToken);
        }

        @Override
        public String toString() {
            return "fixed credentials (accessKeyId="
                    + accessKeyId
                    + ", accessKeySecret=****"
                    + (securityToken != null ? ", securityToken=****" : "")
                    + ")";
        }
    }

    /** A provider that is itself serializable, shipped as it is. */
    final class Shipped implements CredentialsProviderFactory {
        private static final long serialVersionUID = 1L;

        private final CredentialsProvider provider;

        public <P extends CredentialsProvider & Serializable> Shipped(P provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
        }

        @Override
        public CredentialsProvider create() {
            return provider;
        }

        @Override
        public String toString() {
            return provider.toString();
        }
    }
}

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

import java.util.Objects;

/**
 * An AccessKey pair, optionally with an STS security token (temporary credentials). Immutable.
 * {@link #toString()} shows the AccessKey ID only; the secret and the token never leave this
 * object except through their accessors.
 */
public final class Credentials {
    private final String accessKeyId;
    private final String accessKeySecret;
    private final String securityToken;

    private Credentials(String accessKeyId, String accessKeySecret, String securityToken) {
        this.accessKeyId = requireText(accessKeyId, "accessKeyId");
        this.accessKeySecret = requireText(accessKeySecret, "accessKeySecret");
        this.securityToken =
                securityToken == null || securityToken.isEmpty() ? null : securityToken;
    }

    /** Long-term credentials: an AccessKey ID and its secret. */
    public static Credentials of(String accessKeyId, String accessKeySecret) {
        return new Credentials(accessKeyId, accessKeySecret, null);
    }

    /**
     * Temporary credentials: an STS AccessKey pair and its security token ({@code null} or empty
     * for none).
     */
    public static Credentials of(String accessKeyId, String accessKeySecret, String securityToken) {
        return new Credentials(accessKeyId, accessKeySecret, securityToken);
    }

    private static String requireText(String value, String name) {
        // Messages name the setting, never its value.
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return value;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String accessKeySecret() {
        return accessKeySecret;
    }

    /** The STS security token, or {@code null} for long-term credentials. */
    public String securityToken() {
        return securityToken;
    }

    public boolean hasSecurityToken() {
        return securityToken != null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Credentials)) {
            return false;
        }
        Credentials that = (Credentials) o;
        return accessKeyId.equals(that.accessKeyId)
                && accessKeySecret.equals(that.accessKeySecret)
                && Objects.equals(securityToken, that.securityToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, accessKeySecret, securityToken);
    }

    @Override
    public String toString() {
        return "Credentials{accessKeyId="
                + accessKeyId
                + ", accessKeySecret=****"
                + (securityToken != null ? ", securityToken=****" : "")
                + "}";
    }
}

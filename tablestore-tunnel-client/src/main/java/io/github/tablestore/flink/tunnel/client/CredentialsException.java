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

package io.github.tablestore.flink.tunnel.client;

import io.github.tablestore.flink.tunnel.client.auth.MissingCredentialsException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The request was not sent because there were no usable credentials ({@link
 * ErrorCodes#CLIENT_CREDENTIALS_ERROR}). {@link #isMissing()}: none are configured (e.g. an
 * environment variable is unset), so retrying in this process cannot help. A provider that failed
 * on I/O (e.g. an STS endpoint that did not answer) may succeed later: {@link #isRetryable()}.
 * Any other provider failure, a provider answering null or credentials that cannot be sent are
 * neither. The message names what is wrong, never a secret; a provider's own exception is kept
 * as the cause, its message not repeated.
 */
public final class CredentialsException extends TablestoreException {
    private static final long serialVersionUID = 1L;

    private final boolean missing;
    private final String problem;

    private CredentialsException(
            String problem, boolean missing, boolean retryable, Throwable cause) {
        super(ErrorCodes.CLIENT_CREDENTIALS_ERROR, problem, 0, null, retryable, cause);
        this.missing = missing;
        this.problem = problem;
    }

    /** The provider reported that credentials are not configured. */
    public static CredentialsException missing(MissingCredentialsException e) {
        return new CredentialsException("no credentials: " + e.getMessage(), true, false, e);
    }

    /** The provider threw; named by the exception types of its cause chain, not their messages. */
    public static CredentialsException providerFailed(RuntimeException e) {
        StringBuilder types = new StringBuilder(e.getClass().getName());
        boolean io = false;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            io |= t instanceof IOException || t instanceof UncheckedIOException;
            if (t != e) {
                types.append(" caused by ").append(t.getClass().getName());
            }
        }
        return new CredentialsException("the credentials provider failed: " + types, false, io, e);
    }

    /** Credentials that exist but cannot be used (null, or not sendable in a header). */
    public static CredentialsException unusable(String problem) {
        return new CredentialsException(problem, false, false, null);
    }

    /** Whether no credentials are configured at all (not a transient failure). */
    public boolean isMissing() {
        return missing;
    }

    /** What is wrong, e.g. "no credentials: environment variable X is not set"; no secret. */
    public String problem() {
        return problem;
    }
}

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

package io.github.tablestore.flink.tunnel.source.util;

import io.github.tablestore.flink.tunnel.client.CredentialsException;
import io.github.tablestore.flink.tunnel.client.ErrorCodes;
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.client.auth.EnvironmentCredentials;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;

import org.apache.flink.annotation.Internal;
import org.apache.flink.runtime.execution.SuppressRestartsException;

/** Sorts service errors into "retry", "session lost" and "fail the job with advice". */
@Internal
public final class TunnelErrors {
    private TunnelErrors() {}

    /** Where the failing call ran: messages say which processes need fixing. */
    public enum Side {
        JOB_MANAGER("on the JobManager (where the source's enumerator runs)"),
        TASK_MANAGER("on a TaskManager (where the source's readers run)");

        private final String where;

        Side(String where) {
            this.where = where;
        }

        @Override
        public String toString() {
            return where;
        }
    }

    /** The session's lease is gone (heartbeat timeout on the server): connect anew. */
    public static boolean isSessionLost(Throwable t) {
        return t instanceof TablestoreException
                && ((TablestoreException) t).hasCode(ErrorCodes.RESOURCE_GONE);
    }

    public static boolean isSequenceMismatch(Throwable t) {
        return t instanceof TablestoreException
                && ((TablestoreException) t).hasCode(ErrorCodes.SEQUENCE_NUMBER_NOT_MATCH);
    }

    /**
     * Errors that retrying cannot fix: an expired tunnel, rejected, missing or unobtainable
     * credentials, an endpoint that moved, a record that cannot be decoded, a missing table or
     * tunnel. Everything else (5xx,
     * network trouble, throttling, a credentials provider failing on I/O) is retried.
     */
    public static boolean isFatal(Throwable t) {
        if (!(t instanceof TablestoreException)) {
            return false;
        }
        TablestoreException e = (TablestoreException) t;
        String code = e.errorCode();
        return ErrorCodes.TUNNEL_EXPIRED.equals(code)
                || isAuthFailure(code)
                || (ErrorCodes.CLIENT_CREDENTIALS_ERROR.equals(code) && !e.isRetryable())
                || ErrorCodes.CLIENT_ENDPOINT_MOVED.equals(code)
                || ErrorCodes.CLIENT_CORRUPT_RECORD.equals(code)
                || ErrorCodes.PARAMETER_INVALID.equals(code)
                || ErrorCodes.OBJECT_NOT_EXIST.equals(code);
    }

    /** No credentials are configured: a process's environment does not change, so no retry helps. */
    private static boolean isMissingCredentials(TablestoreException e) {
        return e instanceof CredentialsException && ((CredentialsException) e).isMissing();
    }

    private static boolean isAuthFailure(String code) {
        return ErrorCodes.AUTH_FAILED.equals(code)
                || ErrorCodes.PERMISSION_DENIED.equals(code)
                || ErrorCodes.NO_PERMISSION_ACCESS.equals(code);
    }

    /**
     * The exception that fails the job for a fatal error: a {@link TunnelSourceException} with what
     * happened and what to do. An expired tunnel can never be read again, and credentials missing
     * from a process's environment do not appear while it runs, so those two are wrapped in
     * Flink's {@link SuppressRestartsException}: the job fails at once instead of restarting
     * (restarts cannot help, and an unbounded restart strategy would retry forever). Other fatal
     * errors (rejected credentials, a deleted tunnel) stay restartable, as an operator may fix
     * them while the job retries; each attempt fails with the same advice.
     *
     * @param tunnel the tunnel as named to users ("tunnel 'x' of table 't' (instance ...)")
     * @param action what the source was doing, e.g. "heartbeat" or "reading channel c"
     * @param side where the call ran
     */
    public static RuntimeException fatal(
            TablestoreException e, String tunnel, String action, Side side) {
        TunnelSourceException failure = describe(e, tunnel, action, side);
        if (ErrorCodes.TUNNEL_EXPIRED.equals(e.errorCode()) || isMissingCredentials(e)) {
            return new SuppressRestartsException(failure);
        }
        return failure;
    }

    /** The {@link TunnelSourceException} for a fatal error, with advice. */
    public static TunnelSourceException describe(
            TablestoreException e, String tunnel, String action, Side side) {
        String code = e.errorCode();
        String advice;
        if (isMissingCredentials(e)) {
            advice = missingCredentialsAdvice((CredentialsException) e, tunnel, action, side);
        } else if (ErrorCodes.CLIENT_CREDENTIALS_ERROR.equals(code)) {
            String problem =
                    e instanceof CredentialsException
                            ? ((CredentialsException) e).problem()
                            : "see the cause";
            advice =
                    "The credentials provider could not supply credentials "
                            + side
                            + " for "
                            + action
                            + " on the "
                            + tunnel
                            + ": "
                            + problem
                            + ". Check the provider's "
                            + "configuration there (for STS: the role, the STS endpoint and the permission to "
                            + "assume the role); the provider's own error is the cause.";
        } else if (ErrorCodes.CLIENT_ENDPOINT_MOVED.equals(code)) {
            advice =
                    "The endpoint of the "
                            + tunnel
                            + " redirects elsewhere while "
                            + action
                            + " "
                            + side
                            + ": the instance is served at another endpoint. Configure the instance's "
                            + "current endpoint (see the instance in the Tablestore console).";
        } else if (ErrorCodes.CLIENT_CORRUPT_RECORD.equals(code)) {
            advice =
                    "A record of the "
                            + tunnel
                            + " cannot be decoded while "
                            + action
                            + " "
                            + side
                            + ": the data is corrupt or in a format this connector does not know. Report it "
                            + "with this message.";
        } else if (ErrorCodes.TUNNEL_EXPIRED.equals(code)) {
            advice =
                    "The "
                            + tunnel
                            + " has expired: the stream log it still needs is older than "
                            + "the table's stream retention and is gone. Its data cannot be read any more. "
                            + "Delete the tunnel (or choose a new tunnel name) and start the job without "
                            + "state; the new tunnel starts over from a full copy or from its stream start.";
        } else if (isAuthFailure(code)) {
            advice =
                    "Tablestore rejected the credentials used "
                            + side
                            + " while "
                            + action
                            + " on the "
                            + tunnel
                            + ". Check the AccessKey id and secret (or the STS token and "
                            + "its expiry) and that the account may use the instance, the table and Tunnel Service.";
        } else if (ErrorCodes.OBJECT_NOT_EXIST.equals(code)) {
            advice =
                    "The table of the "
                            + tunnel
                            + " does not exist. Check the table and "
                            + "instance names and the endpoint.";
        } else {
            advice =
                    "Tablestore refused "
                            + action
                            + " on the "
                            + tunnel
                            + " as invalid: the "
                            + "table or the tunnel does not exist (or was deleted while the job ran), or a "
                            + "position restored from the job's state does not belong to it. Check the names "
                            + "and the endpoint; a deleted or recreated tunnel needs a restart without state.";
        }
        return new TunnelSourceException(advice + " [" + e.getMessage() + "]", e);
    }

    private static String missingCredentialsAdvice(
            CredentialsException e, String tunnel, String action, Side side) {
        return "No Tablestore credentials "
                + side
                + " for "
                + action
                + " on the "
                + tunnel
                + ": "
                + e.problem()
                + ". Set "
                + EnvironmentCredentials.ACCESS_KEY_ID
                + " and "
                + EnvironmentCredentials.ACCESS_KEY_SECRET
                + " (and "
                + EnvironmentCredentials.SESSION_TOKEN
                + " for STS credentials) in the environment of every JobManager and TaskManager "
                + "process (e.g. with containerized.master.env.* and containerized.taskmanager.env.*) "
                + "and restart them, or configure the credentials in the job. The job is not "
                + "restarted: the environment of a running process does not change.";
    }
}

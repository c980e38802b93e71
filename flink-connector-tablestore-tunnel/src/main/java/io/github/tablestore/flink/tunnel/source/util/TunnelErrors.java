package io.github.tablestore.flink.tunnel.source.util;

import io.github.tablestore.flink.tunnel.client.ErrorCodes;
import io.github.tablestore.flink.tunnel.client.TablestoreException;
import io.github.tablestore.flink.tunnel.source.TunnelSourceException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.runtime.execution.SuppressRestartsException;

/** Sorts service errors into "retry", "session lost" and "fail the job with advice". */
@Internal
public final class TunnelErrors {
    private TunnelErrors() {}

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
     * Errors that retrying cannot fix: an expired tunnel, rejected credentials, a missing table
     * or tunnel. Everything else (5xx, network trouble, throttling) is retried.
     */
    public static boolean isFatal(Throwable t) {
        if (!(t instanceof TablestoreException)) {
            return false;
        }
        String code = ((TablestoreException) t).errorCode();
        return ErrorCodes.TUNNEL_EXPIRED.equals(code)
                || isAuthFailure(code)
                || ErrorCodes.PARAMETER_INVALID.equals(code)
                || ErrorCodes.OBJECT_NOT_EXIST.equals(code);
    }

    private static boolean isAuthFailure(String code) {
        return ErrorCodes.AUTH_FAILED.equals(code)
                || ErrorCodes.PERMISSION_DENIED.equals(code)
                || ErrorCodes.NO_PERMISSION_ACCESS.equals(code);
    }

    /**
     * The exception that fails the job for a fatal error: a {@link TunnelSourceException} with what
     * happened and what to do. An expired tunnel can never be read again, so that one is wrapped
     * in Flink's {@link SuppressRestartsException}: the job fails at once instead of restarting
     * (restarts cannot help, and an unbounded restart strategy would retry forever). Other fatal
     * errors (credentials, a deleted tunnel) stay restartable, as an operator may fix them while
     * the job retries; each attempt fails with the same advice.
     *
     * @param tunnel the tunnel as named to users ("tunnel 'x' of table 't' (instance ...)")
     * @param action what the source was doing, e.g. "heartbeat" or "reading channel c"
     */
    public static RuntimeException fatal(TablestoreException e, String tunnel, String action) {
        TunnelSourceException failure = describe(e, tunnel, action);
        if (ErrorCodes.TUNNEL_EXPIRED.equals(e.errorCode())) {
            return new SuppressRestartsException(failure);
        }
        return failure;
    }

    /** The {@link TunnelSourceException} for a fatal error, with advice. */
    public static TunnelSourceException describe(TablestoreException e, String tunnel, String action) {
        String code = e.errorCode();
        String advice;
        if (ErrorCodes.TUNNEL_EXPIRED.equals(code)) {
            advice = "The " + tunnel + " has expired: the stream log it still needs is older than "
                    + "the table's stream retention and is gone. Its data cannot be read any more. "
                    + "Delete the tunnel (or choose a new tunnel name) and start the job without "
                    + "state; the new tunnel starts over from a full copy or from its stream start.";
        } else if (isAuthFailure(code)) {
            advice = "Tablestore rejected the credentials while " + action + " on the " + tunnel
                    + ". Check the AccessKey id and secret (or the STS token and its expiry) and "
                    + "that the account may use the instance, the table and Tunnel Service.";
        } else if (ErrorCodes.OBJECT_NOT_EXIST.equals(code)) {
            advice = "The table of the " + tunnel + " does not exist. Check the table and "
                    + "instance names and the endpoint.";
        } else {
            advice = "Tablestore refused " + action + " on the " + tunnel + " as invalid: the "
                    + "table or the tunnel does not exist (or was deleted while the job ran), or a "
                    + "position restored from the job's state does not belong to it. Check the names "
                    + "and the endpoint; a deleted or recreated tunnel needs a restart without state.";
        }
        return new TunnelSourceException(advice + " [" + e.getMessage() + "]", e);
    }
}

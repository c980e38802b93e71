package io.github.tablestore.flink.tunnel.client.auth;

/**
 * Thrown by a {@link CredentialsProvider} when credentials are not configured at all, e.g. an
 * environment variable is unset: asking again in the same process cannot help. The message names
 * what is missing and never contains a value.
 */
public class MissingCredentialsException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public MissingCredentialsException(String whatIsMissing) {
        super(whatIsMissing);
    }
}

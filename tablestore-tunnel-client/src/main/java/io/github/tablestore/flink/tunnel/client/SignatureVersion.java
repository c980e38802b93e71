package io.github.tablestore.flink.tunnel.client;

/** How requests are signed. */
public enum SignatureVersion {
    /** HMAC-SHA1 over the request's x-ots headers with the AccessKey secret. The default. */
    V2,
    /** HMAC-SHA256 with a key derived from the secret, the UTC day and the region. */
    V4
}

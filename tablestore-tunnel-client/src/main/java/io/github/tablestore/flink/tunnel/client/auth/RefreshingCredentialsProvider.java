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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Temporary (STS) credentials that are fetched again before they expire: the first request
 * fetches, and any request after {@link Builder#refreshInterval(Duration) refreshInterval} fetches
 * anew. Pick an interval well inside the token's validity (STS tokens last one hour by default;
 * the default interval is 30 minutes).
 *
 * <p>When a refresh fails the previous credentials stay in use (they usually remain valid for a
 * while) and the next refresh is tried after {@link Builder#retryDelay(Duration) retryDelay}.
 * Only when there are no previous credentials does {@link #credentials()} throw. Fetches happen
 * under a lock, so concurrent requests wait for one fetch instead of starting several.
 */
public final class RefreshingCredentialsProvider implements CredentialsProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshingCredentialsProvider.class);

    /** Obtains fresh credentials, e.g. by calling STS AssumeRole. */
    @FunctionalInterface
    public interface Fetcher {
        Credentials fetch() throws Exception;
    }

    private final Fetcher fetcher;
    private final Duration refreshInterval;
    private final Duration retryDelay;
    private final Clock clock;

    private Credentials current;
    private Instant nextRefresh;
    private long fetchCount;

    private RefreshingCredentialsProvider(Builder b) {
        this.fetcher = b.fetcher;
        this.refreshInterval = b.refreshInterval;
        this.retryDelay = b.retryDelay;
        this.clock = b.clock;
    }

    public static Builder builder(Fetcher fetcher) {
        return new Builder(fetcher);
    }

    @Override
    public synchronized Credentials credentials() {
        Instant now = clock.instant();
        if (current != null && now.isBefore(nextRefresh)) {
            return current;
        }
        try {
            Credentials fresh = fetcher.fetch();
            if (fresh == null) {
                throw new IllegalStateException("credentials fetcher returned null");
            }
            current = fresh;
            fetchCount++;
            nextRefresh = now.plus(refreshInterval);
            return current;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (current == null && e instanceof MissingCredentialsException) {
                throw (MissingCredentialsException) e; // not configured: says what is missing
            }
            if (current == null) {
                throw new IllegalStateException(
                        "fetching credentials failed and there are no earlier ones", e);
            }
            // Only the exception type: a fetcher's message is not ours to vouch for.
            LOG.warn(
                    "Refreshing credentials failed ({}); keeping the current ones for {}",
                    e.getClass().getName(),
                    retryDelay);
            nextRefresh = now.plus(retryDelay);
            return current;
        }
    }

    /** How many fetches have succeeded so far. */
    public synchronized long fetchCount() {
        return fetchCount;
    }

    @Override
    public synchronized String toString() {
        return "RefreshingCredentialsProvider{refreshInterval="
                + refreshInterval
                + ", current="
                + (current == null ? "none" : current.toString())
                + "}";
    }

    /** Builder of {@link RefreshingCredentialsProvider}. */
    public static final class Builder {
        private final Fetcher fetcher;
        private Duration refreshInterval = Duration.ofMinutes(30);
        private Duration retryDelay = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder(Fetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        }

        /** How long fetched credentials are used before the next fetch. Default 30 minutes. */
        public Builder refreshInterval(Duration interval) {
            this.refreshInterval = positive(interval, "refreshInterval");
            return this;
        }

        /** How long to keep old credentials after a failed fetch before trying again. Default 10 s. */
        public Builder retryDelay(Duration delay) {
            this.retryDelay = positive(delay, "retryDelay");
            return this;
        }

        /** The clock that decides when to refresh (tests pass a controllable one). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public RefreshingCredentialsProvider build() {
            return new RefreshingCredentialsProvider(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}

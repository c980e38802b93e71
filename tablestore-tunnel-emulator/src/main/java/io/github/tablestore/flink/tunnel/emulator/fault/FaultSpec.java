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

package io.github.tablestore.flink.tunnel.emulator.fault;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A fault to inject: which API it hits, what it does, how often. Immutable; start with
 * {@link #on(String)}:
 *
 * <pre>{@code
 * FaultSpec.on("ReadRecords").tunnelServerUnavailable().times(2)
 * FaultSpec.on("*").dropConnection().probability(0.1)
 * FaultSpec.on("Heartbeat").latency(Duration.ofSeconds(2))
 * }</pre>
 *
 * <p>The API is matched case-insensitively against the request path without its leading slash
 * ({@code tunnel/readrecords}, {@code PutRow}) or that path's last segment ({@code readrecords},
 * {@code heartbeat}); the SDK names {@code CreateTunnel}, {@code DeleteTunnel}, {@code ListTunnel},
 * {@code DescribeTunnel}, {@code ConnectTunnel} and {@code ShutdownTunnel} work too; {@code *}
 * matches every call. A spec fires on every matching call ({@link #times(int)} limits
 * it to the next N) and with probability 1 unless {@link #probability(double)} says otherwise.
 */
public final class FaultSpec {
    /** Number of firings of a spec with no limit. */
    public static final int UNLIMITED = -1;

    private final String api;
    private final FaultKind kind;
    private final int times;
    private final double probability;
    private final Duration latency;
    private final int errorStatus;
    private final String errorCode;
    private final String errorMessage;

    private FaultSpec(
            String api,
            FaultKind kind,
            int times,
            double probability,
            Duration latency,
            int errorStatus,
            String errorCode,
            String errorMessage) {
        this.api = api;
        this.kind = kind;
        this.times = times;
        this.probability = probability;
        this.latency = latency;
        this.errorStatus = errorStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    /** Starts a spec for the calls to {@code api} ({@code *} for all). */
    public static Target on(String api) {
        Objects.requireNonNull(api, "api");
        String trimmed = api.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("api must not be empty (use \"*\" for all calls)");
        }
        return new Target(trimmed.startsWith("/") ? trimmed.substring(1) : trimmed);
    }

    /** The first half of a spec: the API it applies to. Pick the fault next. */
    public static final class Target {
        private final String api;

        private Target(String api) {
            this.api = api;
        }

        public FaultSpec tunnelServerUnavailable() {
            return of(FaultKind.TUNNEL_SERVER_UNAVAILABLE);
        }

        public FaultSpec serverBusy() {
            return of(FaultKind.SERVER_BUSY);
        }

        public FaultSpec tunnelExpired() {
            return of(FaultKind.TUNNEL_EXPIRED);
        }

        public FaultSpec dropConnection() {
            return of(FaultKind.DROP_CONNECTION);
        }

        /** ReadRecords answers with every record's bytes corrupted (see {@link FaultKind#CORRUPT_RECORDS}). */
        public FaultSpec corruptRecords() {
            return of(FaultKind.CORRUPT_RECORDS);
        }

        public FaultSpec latency(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("latency must be positive, got " + delay);
            }
            return new FaultSpec(api, FaultKind.LATENCY, UNLIMITED, 1.0, delay, 0, null, null);
        }

        /** An error response with the given HTTP status and Tablestore error code. */
        public FaultSpec error(int httpStatus, String code, String message) {
            if (httpStatus < 400 || httpStatus > 599) {
                throw new IllegalArgumentException(
                        "error status must be 4xx or 5xx, got " + httpStatus);
            }
            Objects.requireNonNull(code, "code");
            if (code.isEmpty()) {
                throw new IllegalArgumentException("error code must not be empty");
            }
            return new FaultSpec(
                    api,
                    FaultKind.ERROR,
                    UNLIMITED,
                    1.0,
                    Duration.ZERO,
                    httpStatus,
                    code,
                    message == null ? "Injected fault." : message);
        }

        /** The fault of the given kind with its defaults ({@code ERROR}: 500 OTSInternalServerError). */
        public FaultSpec of(FaultKind kind) {
            Objects.requireNonNull(kind, "kind");
            switch (kind) {
                case LATENCY:
                    return latency(Duration.ofSeconds(1));
                case ERROR:
                    return error(500, "OTSInternalServerError", null);
                default:
                    return new FaultSpec(api, kind, UNLIMITED, 1.0, Duration.ZERO, 0, null, null);
            }
        }
    }

    /** Fires on the next {@code n} matching calls only. */
    public FaultSpec times(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("times must be positive, got " + n);
        }
        return new FaultSpec(
                api, kind, n, probability, latency, errorStatus, errorCode, errorMessage);
    }

    /** Fires on each matching call with this probability (0 &lt; p ≤ 1). */
    public FaultSpec probability(double p) {
        if (!(p > 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("probability must be in (0, 1], got " + p);
        }
        return new FaultSpec(api, kind, times, p, latency, errorStatus, errorCode, errorMessage);
    }

    public String api() {
        return api;
    }

    public FaultKind kind() {
        return kind;
    }

    /** How many firings are allowed, or {@link #UNLIMITED}. */
    public int times() {
        return times;
    }

    public double probability() {
        return probability;
    }

    /** Delay of a {@link FaultKind#LATENCY} fault; zero otherwise. */
    public Duration latency() {
        return latency;
    }

    /** HTTP status of an {@link FaultKind#ERROR} fault; 0 otherwise. */
    public int errorStatus() {
        return errorStatus;
    }

    /** Error code of an {@link FaultKind#ERROR} fault; {@code null} otherwise. */
    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** SDK-style names of the tunnel APIs, by the path each one is served on. */
    private static final Map<String, String> TUNNEL_API_NAMES =
            Map.ofEntries(
                    Map.entry("createtunnel", "tunnel/create"),
                    Map.entry("deletetunnel", "tunnel/delete"),
                    Map.entry("listtunnel", "tunnel/list"),
                    Map.entry("describetunnel", "tunnel/describe"),
                    Map.entry("connecttunnel", "tunnel/connect"),
                    Map.entry("shutdowntunnel", "tunnel/shutdown"));

    boolean matches(String action) {
        if (api.equals("*")) {
            return true;
        }
        String a = action.toLowerCase(Locale.ROOT);
        String want = api.toLowerCase(Locale.ROOT);
        want = TUNNEL_API_NAMES.getOrDefault(want, want);
        if (a.equals(want)) {
            return true;
        }
        int slash = a.lastIndexOf('/');
        return slash >= 0 && a.substring(slash + 1).equals(want);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FaultSpec{").append(api).append(' ').append(kind);
        if (kind == FaultKind.LATENCY) {
            sb.append(' ').append(latency.toMillis()).append("ms");
        }
        if (kind == FaultKind.ERROR) {
            sb.append(' ').append(errorStatus).append(' ').append(errorCode);
        }
        if (times != UNLIMITED) {
            sb.append(" times=").append(times);
        }
        if (probability < 1.0) {
            sb.append(" p=").append(probability);
        }
        return sb.append('}').toString();
    }
}

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

package io.github.tablestore.flink.tunnel.table;

import io.github.tablestore.flink.tunnel.source.TunnelSourceOptions;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tuning options of VVR's {@code ots} source. Each one either sets this connector's own
 * option ({@code tunnel.client.*}, {@code tunnel.read.*}) or is refused with what to use instead;
 * none is accepted and ignored. See docs/sql.md.
 */
final class VvrTuningOptions {
    private VvrTuningOptions() {}

    /** VVR's defaults, used when only the strategy is given. */
    static final int VVR_DEFAULT_RETRY_COUNT = 3;

    static final Duration VVR_DEFAULT_RETRY_TIMEOUT = Duration.ofMillis(180_000);

    /** A COUNT strategy has no time limit; the client's longest allowed one. */
    static final Duration LONGEST_RETRY = Duration.ofDays(1);

    static final ConfigOption<String> RETRY_STRATEGY =
            ConfigOptions.key("retryStrategy")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "VVR: TIME (retry within retryTimeoutMs) or COUNT (retry "
                                    + "retryCount times); sets tunnel.client.retry.*.");

    static final ConfigOption<Integer> RETRY_COUNT =
            ConfigOptions.key("retryCount")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            "VVR: retries with retryStrategy COUNT; sets "
                                    + "tunnel.client.retry.max-attempts to retryCount + 1.");

    static final ConfigOption<Long> RETRY_TIMEOUT_MS =
            ConfigOptions.key("retryTimeoutMs")
                    .longType()
                    .noDefaultValue()
                    .withDescription(
                            "VVR: retry time limit (ms) with retryStrategy TIME; sets "
                                    + "tunnel.client.retry.timeout.");

    static final ConfigOption<Long> CONNECT_TIMEOUT =
            ConfigOptions.key("connectTimeout")
                    .longType()
                    .noDefaultValue()
                    .withDescription(
                            "VVR: connect timeout (ms); sets tunnel.client.connect-timeout.");

    static final ConfigOption<Long> SOCKET_TIMEOUT =
            ConfigOptions.key("socketTimeout")
                    .longType()
                    .noDefaultValue()
                    .withDescription(
                            "VVR: socket timeout (ms); sets tunnel.client.socket-timeout.");

    static final ConfigOption<Boolean> ENABLE_REQUEST_COMPRESSION =
            ConfigOptions.key("enableRequestCompression")
                    .booleanType()
                    .noDefaultValue()
                    .withDescription("VVR: sets tunnel.client.request-compression.");

    static final ConfigOption<Integer> CALLBACK_THREAD_POOL_SIZE =
            ConfigOptions.key("callbackThreadPoolSize")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            "VVR: channels processed at once; sets "
                                    + "tunnel.read.max-parallel-channels.");

    static final ConfigOption<String> IO_THREAD_COUNT =
            ConfigOptions.key("ioThreadCount")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("VVR: refused (no I/O thread pool to size).");

    static final ConfigOption<String> DATA_FETCH_TIMEOUT_MS =
            ConfigOptions.key("dataFetchTimeoutMs")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("VVR: refused (no per-channel fetch time budget).");

    static final List<ConfigOption<?>> ALL =
            List.of(
                    RETRY_STRATEGY,
                    RETRY_COUNT,
                    RETRY_TIMEOUT_MS,
                    CONNECT_TIMEOUT,
                    SOCKET_TIMEOUT,
                    ENABLE_REQUEST_COMPRESSION,
                    CALLBACK_THREAD_POOL_SIZE,
                    IO_THREAD_COUNT,
                    DATA_FETCH_TIMEOUT_MS);

    /**
     * The connector options the VVR options set, by key.
     *
     * @param raw the table's options as written, to find a connector option set as well
     * @throws ValidationException for a refused option, a bad value or a contradiction
     */
    static Map<String, String> translate(ReadableConfig options, Map<String, String> raw) {
        if (options.getOptional(IO_THREAD_COUNT).isPresent()) {
            throw refused(
                    IO_THREAD_COUNT,
                    "this connector's HTTP client sends each call from the thread that makes "
                            + "it and has no I/O thread pool to size; the reads in flight per "
                            + "reader are set with '"
                            + TunnelSourceOptions.READ_MAX_PARALLEL_CHANNELS.key()
                            + "'");
        }
        if (options.getOptional(DATA_FETCH_TIMEOUT_MS).isPresent()) {
            throw refused(
                    DATA_FETCH_TIMEOUT_MS,
                    "the readers have no per-channel fetch time budget (each read returns what "
                            + "the channel has at once); with many channels tune '"
                            + TunnelSourceOptions.READ_MAX_PARALLEL_CHANNELS.key()
                            + "' and '"
                            + TunnelSourceOptions.READ_MAX_BACKOFF.key()
                            + "'");
        }
        Map<String, String> out = new LinkedHashMap<>();
        options.getOptional(CONNECT_TIMEOUT)
                .ifPresent(
                        ms ->
                                put(
                                        out,
                                        raw,
                                        CONNECT_TIMEOUT,
                                        TunnelSourceOptions.CLIENT_CONNECT_TIMEOUT,
                                        positiveMillis(CONNECT_TIMEOUT, ms)));
        options.getOptional(SOCKET_TIMEOUT)
                .ifPresent(
                        ms ->
                                put(
                                        out,
                                        raw,
                                        SOCKET_TIMEOUT,
                                        TunnelSourceOptions.CLIENT_SOCKET_TIMEOUT,
                                        positiveMillis(SOCKET_TIMEOUT, ms)));
        options.getOptional(ENABLE_REQUEST_COMPRESSION)
                .ifPresent(
                        on ->
                                put(
                                        out,
                                        raw,
                                        ENABLE_REQUEST_COMPRESSION,
                                        TunnelSourceOptions.CLIENT_REQUEST_COMPRESSION,
                                        on.toString()));
        options.getOptional(CALLBACK_THREAD_POOL_SIZE)
                .ifPresent(
                        n ->
                                put(
                                        out,
                                        raw,
                                        CALLBACK_THREAD_POOL_SIZE,
                                        TunnelSourceOptions.READ_MAX_PARALLEL_CHANNELS,
                                        n.toString()));
        retry(options, raw, out);
        return out;
    }

    private static void retry(
            ReadableConfig options, Map<String, String> raw, Map<String, String> out) {
        String strategy =
                options.getOptional(RETRY_STRATEGY)
                        .map(s -> s.trim().toUpperCase(Locale.ROOT))
                        .orElse(null);
        Integer count = options.getOptional(RETRY_COUNT).orElse(null);
        Long timeoutMs = options.getOptional(RETRY_TIMEOUT_MS).orElse(null);
        if (strategy != null && !strategy.equals("TIME") && !strategy.equals("COUNT")) {
            throw new ValidationException(
                    "Invalid value '"
                            + options.get(RETRY_STRATEGY)
                            + "' for option '"
                            + RETRY_STRATEGY.key()
                            + "': TIME or COUNT");
        }
        if (strategy == null && count != null && timeoutMs != null) {
            throw new ValidationException(
                    "Options '"
                            + RETRY_COUNT.key()
                            + "' and '"
                            + RETRY_TIMEOUT_MS.key()
                            + "' belong to different retry strategies; set '"
                            + RETRY_STRATEGY.key()
                            + "' to COUNT or TIME and keep its option");
        }
        if (strategy == null) {
            strategy = count != null ? "COUNT" : timeoutMs != null ? "TIME" : null;
        }
        if (strategy == null) {
            return;
        }
        ConfigOption<?> from =
                options.getOptional(RETRY_STRATEGY).isPresent() ? RETRY_STRATEGY : null;
        if (strategy.equals("COUNT")) {
            if (timeoutMs != null) {
                throw contradiction(RETRY_TIMEOUT_MS, "COUNT");
            }
            int retries = count == null ? VVR_DEFAULT_RETRY_COUNT : count;
            if (retries < 0 || retries == Integer.MAX_VALUE) {
                throw new ValidationException(
                        "Invalid value '" + retries + "' for option '" + RETRY_COUNT.key() + "'");
            }
            ConfigOption<?> source = count != null ? RETRY_COUNT : from;
            put(
                    out,
                    raw,
                    source,
                    TunnelSourceOptions.CLIENT_RETRY_MAX_ATTEMPTS,
                    Integer.toString(retries + 1));
            put(
                    out,
                    raw,
                    source,
                    TunnelSourceOptions.CLIENT_RETRY_TIMEOUT,
                    LONGEST_RETRY.toMillis() + " ms");
        } else {
            if (count != null) {
                throw contradiction(RETRY_COUNT, "TIME");
            }
            String timeout =
                    timeoutMs == null
                            ? VVR_DEFAULT_RETRY_TIMEOUT.toMillis() + " ms"
                            : positiveMillis(RETRY_TIMEOUT_MS, timeoutMs);
            ConfigOption<?> source = timeoutMs != null ? RETRY_TIMEOUT_MS : from;
            put(out, raw, source, TunnelSourceOptions.CLIENT_RETRY_TIMEOUT, timeout);
            put(
                    out,
                    raw,
                    source,
                    TunnelSourceOptions.CLIENT_RETRY_MAX_ATTEMPTS,
                    Integer.toString(Integer.MAX_VALUE));
        }
    }

    private static void put(
            Map<String, String> out,
            Map<String, String> raw,
            ConfigOption<?> vvr,
            ConfigOption<?> target,
            String value) {
        if (raw.containsKey(target.key())) {
            throw new ValidationException(
                    "Options '"
                            + vvr.key()
                            + "' (VVR) and '"
                            + target.key()
                            + "' both set the same setting; keep one of them");
        }
        out.put(target.key(), value);
    }

    private static String positiveMillis(ConfigOption<?> option, long ms) {
        if (ms <= 0) {
            throw new ValidationException(
                    "Invalid value '"
                            + ms
                            + "' for option '"
                            + option.key()
                            + "': a positive number of milliseconds");
        }
        return ms + " ms";
    }

    private static ValidationException contradiction(ConfigOption<?> option, String strategy) {
        return new ValidationException(
                "Option '"
                        + option.key()
                        + "' does not apply with '"
                        + RETRY_STRATEGY.key()
                        + "' = '"
                        + strategy
                        + "'; remove one of them");
    }

    private static ValidationException refused(ConfigOption<?> option, String why) {
        return new ValidationException(
                "Option '" + option.key() + "' (VVR) is not supported: " + why + ".");
    }
}

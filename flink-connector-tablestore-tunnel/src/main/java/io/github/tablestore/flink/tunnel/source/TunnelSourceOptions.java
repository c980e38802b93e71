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

package io.github.tablestore.flink.tunnel.source;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tuning options of {@link TunnelSource}. Each has a builder setter; the keys are also accepted
 * through {@link TunnelSourceBuilder#setProperty}. Invalid values fail at {@code build()} with a
 * message that names the option.
 */
public final class TunnelSourceOptions {
    private TunnelSourceOptions() {}

    /** The Tunnel Service does not accept heartbeats more often than this. */
    public static final Duration MIN_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

    public static final Duration MIN_READ_MAX_BACKOFF = Duration.ofMillis(200);

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL =
            ConfigOptions.key("tunnel.heartbeat.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How often the enumerator heartbeats the tunnel (at least 5 s). "
                                    + "Heartbeats keep the session's lease and bring new channels.");

    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT =
            ConfigOptions.key("tunnel.heartbeat.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(300))
                    .withDescription(
                            "After this long without a heartbeat the service declares the "
                                    + "session dead and frees its channels; must exceed the heartbeat interval.");

    public static final ConfigOption<String> CLIENT_TAG =
            ConfigOptions.key("tunnel.client.tag")
                    .stringType()
                    .defaultValue("flink-tunnel-source")
                    .withDescription(
                            "Label of the session, shown by the service (DescribeTunnel).");

    public static final ConfigOption<Duration> COMMIT_INTERVAL =
            ConfigOptions.key("tunnel.commit.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "When checkpointing is off, readers store their positions in "
                                    + "the tunnel this often (at-least-once). With checkpointing on, positions "
                                    + "are stored when a checkpoint completes instead.");

    public static final ConfigOption<Duration> READ_MAX_BACKOFF =
            ConfigOptions.key("tunnel.read.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription(
                            "How often an idle stream channel (no changes for a second) is "
                                    + "read: once per this period each, the reader's idle channels evenly spread "
                                    + "over it (at least 200 ms; jittered by 0.75-1.25).");

    public static final ConfigOption<Integer> READ_MAX_PARALLEL_CHANNELS =
            ConfigOptions.key("tunnel.read.max-parallel-channels")
                    .intType()
                    .defaultValue(8)
                    .withDescription("How many channels one reader reads at the same time.");

    public static final ConfigOption<StreamStartMode> STREAM_START =
            ConfigOptions.key("tunnel.stream.start")
                    .enumType(StreamStartMode.class)
                    .defaultValue(StreamStartMode.LATEST)
                    .withDescription(
                            "Where a STREAM tunnel created by the source begins (a BaseAndStream "
                                    + "tunnel's stream always starts where its base data was taken). "
                                    + "When set, an existing STREAM tunnel must have been created "
                                    + "with this start.");

    public static final ConfigOption<Long> STREAM_START_TIMESTAMP =
            ConfigOptions.key("tunnel.stream.start-timestamp")
                    .longType()
                    .noDefaultValue()
                    .withDescription(
                            "Start time, ms since the epoch, with tunnel.stream.start = TIMESTAMP.");

    public static final ConfigOption<Long> STREAM_END_TIMESTAMP =
            ConfigOptions.key("tunnel.stream.end-timestamp")
                    .longType()
                    .noDefaultValue()
                    .withDescription(
                            "Optional end time, ms since the epoch, of a STREAM tunnel created by the "
                                    + "source. With an end the source is bounded: it finishes when every "
                                    + "channel reached the end.");

    public static final ConfigOption<StreamRowImages> STREAM_ROW_IMAGES =
            ConfigOptions.key("tunnel.stream.row-images")
                    .enumType(StreamRowImages.class)
                    .defaultValue(StreamRowImages.NONE)
                    .withDescription(
                            "Full row images the stream records of a STREAM or BASE_AND_STREAM "
                                    + "tunnel created by the source carry (its stream record options): "
                                    + "NONE, AFTER (the complete row after each change) or "
                                    + "BEFORE_AND_AFTER. An existing tunnel must deliver them.");

    public static final ConfigOption<Duration> CLIENT_CONNECT_TIMEOUT =
            ConfigOptions.key("tunnel.client.connect-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "Longest wait for a TCP (and TLS) connection to the endpoint.");

    public static final ConfigOption<Duration> CLIENT_SOCKET_TIMEOUT =
            ConfigOptions.key("tunnel.client.socket-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "Longest wait for the next bytes of a request or response. One HTTP "
                                    + "attempt may take the connect plus the socket timeout, at "
                                    + "least 60 s.");

    public static final ConfigOption<Integer> CLIENT_RETRY_MAX_ATTEMPTS =
            ConfigOptions.key("tunnel.client.retry.max-attempts")
                    .intType()
                    .defaultValue(10)
                    .withDescription(
                            "Attempts in all (the first included) of a call that fails "
                                    + "transiently (503, busy, network), for the calls that may be "
                                    + "repeated (ReadRecords, GetCheckpoint, DescribeTunnel, "
                                    + "DescribeTable); 1 disables client retries (the source still "
                                    + "retries a failed channel or heartbeat with its own backoff).");

    public static final ConfigOption<Duration> CLIENT_RETRY_TIMEOUT =
            ConfigOptions.key("tunnel.client.retry.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription(
                            "No retry of a call starts later than this after its first attempt.");

    public static final ConfigOption<Boolean> CLIENT_REQUEST_COMPRESSION =
            ConfigOptions.key("tunnel.client.request-compression")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Deflate request bodies (Tablestore's x-ots-request-compress-type). "
                                    + "Tunnel requests are small; this mainly saves upstream bytes.");

    /** Every option, for checking keys given by name. */
    static final List<ConfigOption<?>> ALL =
            List.of(
                    HEARTBEAT_INTERVAL,
                    HEARTBEAT_TIMEOUT,
                    CLIENT_TAG,
                    COMMIT_INTERVAL,
                    READ_MAX_BACKOFF,
                    READ_MAX_PARALLEL_CHANNELS,
                    STREAM_START,
                    STREAM_START_TIMESTAMP,
                    STREAM_END_TIMESTAMP,
                    STREAM_ROW_IMAGES,
                    CLIENT_CONNECT_TIMEOUT,
                    CLIENT_SOCKET_TIMEOUT,
                    CLIENT_RETRY_MAX_ATTEMPTS,
                    CLIENT_RETRY_TIMEOUT,
                    CLIENT_REQUEST_COMPRESSION);

    /**
     * Checks every option and their combinations.
     *
     * @param minHeartbeatInterval the smallest allowed heartbeat interval; {@link
     *     #MIN_HEARTBEAT_INTERVAL} for users
     * @throws IllegalArgumentException naming the offending option
     */
    static void validate(Configuration config, Duration minHeartbeatInterval) {
        Set<String> known = new TreeSet<>();
        for (ConfigOption<?> option : ALL) {
            known.add(option.key());
        }
        for (String key : config.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(
                        "Unknown option '" + key + "'; the options are " + known);
            }
        }
        Duration interval = config.get(HEARTBEAT_INTERVAL);
        if (interval.compareTo(minHeartbeatInterval) < 0) {
            throw invalid(HEARTBEAT_INTERVAL, interval, "must be at least " + minHeartbeatInterval);
        }
        Duration timeout = config.get(HEARTBEAT_TIMEOUT);
        if (timeout.compareTo(interval) <= 0) {
            throw invalid(
                    HEARTBEAT_TIMEOUT,
                    timeout,
                    "must be longer than " + HEARTBEAT_INTERVAL.key() + " (" + interval + ")");
        }
        if (timeout.getSeconds() < 1) {
            throw invalid(HEARTBEAT_TIMEOUT, timeout, "must be at least 1 s");
        }
        String tag = config.get(CLIENT_TAG);
        if (tag == null || tag.trim().isEmpty()) {
            throw invalid(CLIENT_TAG, tag, "must not be empty");
        }
        Duration commit = config.get(COMMIT_INTERVAL);
        if (commit.isNegative() || commit.isZero()) {
            throw invalid(COMMIT_INTERVAL, commit, "must be positive");
        }
        Duration backoff = config.get(READ_MAX_BACKOFF);
        if (backoff.compareTo(MIN_READ_MAX_BACKOFF) < 0) {
            throw invalid(READ_MAX_BACKOFF, backoff, "must be at least " + MIN_READ_MAX_BACKOFF);
        }
        int parallel = config.get(READ_MAX_PARALLEL_CHANNELS);
        if (parallel < 1 || parallel > 256) {
            throw invalid(READ_MAX_PARALLEL_CHANNELS, parallel, "must be between 1 and 256");
        }
        for (ConfigOption<Duration> clientTime :
                List.of(CLIENT_CONNECT_TIMEOUT, CLIENT_SOCKET_TIMEOUT, CLIENT_RETRY_TIMEOUT)) {
            Duration d = config.get(clientTime);
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(1)) > 0) {
                throw invalid(clientTime, d, "must be positive and at most 1 d");
            }
        }
        int attempts = config.get(CLIENT_RETRY_MAX_ATTEMPTS);
        if (attempts < 1) {
            throw invalid(CLIENT_RETRY_MAX_ATTEMPTS, attempts, "must be at least 1");
        }
        StreamStartMode start = config.get(STREAM_START);
        Long startTs = config.getOptional(STREAM_START_TIMESTAMP).orElse(null);
        if (start == StreamStartMode.TIMESTAMP && startTs == null) {
            throw new IllegalArgumentException(
                    "Option '"
                            + STREAM_START_TIMESTAMP.key()
                            + "' is required when '"
                            + STREAM_START.key()
                            + "' is TIMESTAMP");
        }
        if (startTs != null && start != StreamStartMode.TIMESTAMP) {
            throw invalid(
                    STREAM_START_TIMESTAMP,
                    startTs,
                    "is only used with '"
                            + STREAM_START.key()
                            + "' = TIMESTAMP (it is "
                            + start
                            + ")");
        }
        if (startTs != null && startTs <= 0) {
            throw invalid(STREAM_START_TIMESTAMP, startTs, "must be a positive epoch millisecond");
        }
        Long endTs = config.getOptional(STREAM_END_TIMESTAMP).orElse(null);
        if (endTs != null && endTs <= 0) {
            throw invalid(STREAM_END_TIMESTAMP, endTs, "must be a positive epoch millisecond");
        }
        if (endTs != null && startTs != null && endTs <= startTs) {
            throw invalid(
                    STREAM_END_TIMESTAMP,
                    endTs,
                    "must be after '" + STREAM_START_TIMESTAMP.key() + "' (" + startTs + ")");
        }
    }

    private static IllegalArgumentException invalid(
            ConfigOption<?> option, Object value, String why) {
        return new IllegalArgumentException(
                "Invalid value '" + value + "' for option '" + option.key() + "': " + why);
    }
}

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

package io.github.tablestore.flink.tunnel.table.lookup;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.connector.source.lookup.LookupOptions.LookupCacheType;
import org.apache.flink.table.connector.source.lookup.LookupOptions.ReloadStrategy;
import org.apache.flink.table.connector.source.lookup.cache.trigger.PeriodicCacheReloadTrigger.ScheduleMode;

import java.time.Duration;
import java.util.List;

/**
 * Options of the {@code tablestore-tunnel} connector as a lookup (dimension) table: Flink's
 * standard {@code lookup.*} options (the same keys, defaults and meaning as Flink's {@link
 * org.apache.flink.table.connector.source.lookup.LookupOptions}), with the Alibaba Cloud VVR
 * {@code ots} connector's names as fallback keys where they mean the same, and VVR's other cache
 * options mapped or refused ({@link LookupSettings}). See docs/sql.md, "Lookup joins".
 */
public final class LookupOptions {
    private LookupOptions() {}

    public static final ConfigOption<LookupCacheType> CACHE =
            org.apache.flink.table.connector.source.lookup.LookupOptions.CACHE_TYPE;

    public static final ConfigOption<Boolean> ASYNC =
            ConfigOptions.key("lookup.async")
                    .booleanType()
                    .defaultValue(false)
                    .withFallbackKeys("async")
                    .withDescription(
                            "Look rows up asynchronously: keys that wait at the same time are read "
                                    + "together with BatchGetRow (up to 100 per request). Flink's "
                                    + "'table.exec.async-lookup.buffer-capacity' bounds how many wait "
                                    + "(VVR: async).");

    public static final ConfigOption<Integer> MAX_RETRIES =
            org.apache.flink.table.connector.source.lookup.LookupOptions.MAX_RETRIES;

    public static final ConfigOption<Duration> PARTIAL_CACHE_EXPIRE_AFTER_ACCESS =
            org.apache.flink.table.connector.source.lookup.LookupOptions
                    .PARTIAL_CACHE_EXPIRE_AFTER_ACCESS;

    public static final ConfigOption<Duration> PARTIAL_CACHE_EXPIRE_AFTER_WRITE =
            org.apache.flink.table.connector.source.lookup.LookupOptions
                    .PARTIAL_CACHE_EXPIRE_AFTER_WRITE;

    public static final ConfigOption<Long> PARTIAL_CACHE_MAX_ROWS =
            ConfigOptions.key("lookup.partial-cache.max-rows")
                    .longType()
                    .noDefaultValue()
                    .withFallbackKeys("cacheSize")
                    .withDescription(
                            "Most rows a PARTIAL cache holds; the least recently used go first "
                                    + "(VVR: cacheSize).");

    public static final ConfigOption<Boolean> PARTIAL_CACHE_CACHE_MISSING_KEY =
            ConfigOptions.key("lookup.partial-cache.cache-missing-key")
                    .booleanType()
                    .defaultValue(true)
                    .withFallbackKeys("cacheEmpty")
                    .withDescription(
                            "Whether a PARTIAL cache also remembers keys without a row "
                                    + "(VVR: cacheEmpty).");

    public static final ConfigOption<ReloadStrategy> FULL_CACHE_RELOAD_STRATEGY =
            org.apache.flink.table.connector.source.lookup.LookupOptions.FULL_CACHE_RELOAD_STRATEGY;

    public static final ConfigOption<Duration> FULL_CACHE_PERIODIC_RELOAD_INTERVAL =
            org.apache.flink.table.connector.source.lookup.LookupOptions
                    .FULL_CACHE_PERIODIC_RELOAD_INTERVAL;

    public static final ConfigOption<ScheduleMode> FULL_CACHE_PERIODIC_RELOAD_SCHEDULE_MODE =
            org.apache.flink.table.connector.source.lookup.LookupOptions
                    .FULL_CACHE_PERIODIC_RELOAD_SCHEDULE_MODE;

    public static final ConfigOption<String> FULL_CACHE_TIMED_RELOAD_ISO_TIME =
            org.apache.flink.table.connector.source.lookup.LookupOptions
                    .FULL_CACHE_TIMED_RELOAD_ISO_TIME;

    public static final ConfigOption<Integer> FULL_CACHE_TIMED_RELOAD_INTERVAL_IN_DAYS =
            org.apache.flink.table.connector.source.lookup.LookupOptions
                    .FULL_CACHE_TIMED_RELOAD_INTERVAL_IN_DAYS;

    // ------------------------------------------------------------------ VVR, mapped or refused

    /** VVR's cache policy: None, LRU (a PARTIAL cache) or ALL (a FULL cache). */
    public static final ConfigOption<String> VVR_CACHE =
            ConfigOptions.key("cache")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "VVR cache policy: None, LRU or ALL; read as 'lookup.cache' NONE, "
                                    + "PARTIAL or FULL when 'lookup.cache' is not set.");

    /** VVR's cache time-to-live: LRU: expiry after access; ALL: the reload interval. */
    public static final ConfigOption<Long> VVR_CACHE_TTL_MS =
            ConfigOptions.key("cacheTTLMs")
                    .longType()
                    .noDefaultValue()
                    .withDescription(
                            "VVR cache time-to-live in ms: with a PARTIAL cache read as "
                                    + "'lookup.partial-cache.expire-after-access', with a FULL cache "
                                    + "as 'lookup.full-cache.periodic-reload.interval'.");

    /** VVR's no-reload time windows of an ALL cache; refused. */
    public static final ConfigOption<String> VVR_CACHE_RELOAD_TIME_BLACKLIST =
            ConfigOptions.key("cacheReloadTimeBlackList")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Not supported: a FULL cache reloads per "
                                    + "'lookup.full-cache.reload-strategy'.");

    /** The VVR keys that are not fallback keys of a standard option (docs: the mapping table). */
    public static final List<ConfigOption<?>> VVR_MAPPED =
            List.of(VVR_CACHE, VVR_CACHE_TTL_MS, VVR_CACHE_RELOAD_TIME_BLACKLIST);

    /** Every lookup option the factory accepts. */
    public static final List<ConfigOption<?>> ALL =
            List.of(
                    CACHE,
                    ASYNC,
                    MAX_RETRIES,
                    PARTIAL_CACHE_EXPIRE_AFTER_ACCESS,
                    PARTIAL_CACHE_EXPIRE_AFTER_WRITE,
                    PARTIAL_CACHE_MAX_ROWS,
                    PARTIAL_CACHE_CACHE_MISSING_KEY,
                    FULL_CACHE_RELOAD_STRATEGY,
                    FULL_CACHE_PERIODIC_RELOAD_INTERVAL,
                    FULL_CACHE_PERIODIC_RELOAD_SCHEDULE_MODE,
                    FULL_CACHE_TIMED_RELOAD_ISO_TIME,
                    FULL_CACHE_TIMED_RELOAD_INTERVAL_IN_DAYS,
                    VVR_CACHE,
                    VVR_CACHE_TTL_MS,
                    VVR_CACHE_RELOAD_TIME_BLACKLIST);
}

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
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.source.lookup.LookupOptions.LookupCacheType;
import org.apache.flink.table.connector.source.lookup.LookupOptions.ReloadStrategy;
import org.apache.flink.table.connector.source.lookup.cache.DefaultLookupCache;
import org.apache.flink.table.connector.source.lookup.cache.LookupCache;
import org.apache.flink.table.connector.source.lookup.cache.trigger.CacheReloadTrigger;
import org.apache.flink.table.connector.source.lookup.cache.trigger.PeriodicCacheReloadTrigger;
import org.apache.flink.table.connector.source.lookup.cache.trigger.TimedCacheReloadTrigger;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The validated lookup options of one table, with VVR's cache options read as the standard ones
 * they stand for (a standard option that is set wins). A bad value fails the planning with a
 * message naming the option.
 */
public final class LookupSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    final LookupCacheType cacheType;
    final boolean async;
    final int maxRetries;
    final Duration expireAfterAccess;
    final Duration expireAfterWrite;
    final Long maxRows;
    final boolean cacheMissingKey;

    /** The full-cache options (standard keys, VVR's mapped in), for Flink's reload triggers. */
    private final Map<String, String> fullCacheOptions;

    private LookupSettings(
            LookupCacheType cacheType,
            boolean async,
            int maxRetries,
            Duration expireAfterAccess,
            Duration expireAfterWrite,
            Long maxRows,
            boolean cacheMissingKey,
            Map<String, String> fullCacheOptions) {
        this.cacheType = cacheType;
        this.async = async;
        this.maxRetries = maxRetries;
        this.expireAfterAccess = expireAfterAccess;
        this.expireAfterWrite = expireAfterWrite;
        this.maxRows = maxRows;
        this.cacheMissingKey = cacheMissingKey;
        this.fullCacheOptions = new HashMap<>(fullCacheOptions);
    }

    /**
     * @param options the table's options (fallback keys resolved by Flink)
     * @throws ValidationException naming the bad option
     */
    public static LookupSettings from(ReadableConfig options) {
        if (options.getOptional(LookupOptions.VVR_CACHE_RELOAD_TIME_BLACKLIST).isPresent()) {
            throw new ValidationException(
                    "Option '"
                            + LookupOptions.VVR_CACHE_RELOAD_TIME_BLACKLIST.key()
                            + "' of the VVR ots connector is not supported: a FULL cache reloads "
                            + "per '"
                            + LookupOptions.FULL_CACHE_RELOAD_STRATEGY.key()
                            + "' (PERIODIC, or TIMED at '"
                            + LookupOptions.FULL_CACHE_TIMED_RELOAD_ISO_TIME.key()
                            + "' to reload at a quiet time of day); remove the option");
        }
        LookupCacheType cacheType =
                options.getOptional(LookupOptions.CACHE)
                        .orElseGet(
                                () ->
                                        options.getOptional(LookupOptions.VVR_CACHE)
                                                .map(LookupSettings::vvrCacheType)
                                                .orElse(LookupCacheType.NONE));
        Long ttlMs = options.getOptional(LookupOptions.VVR_CACHE_TTL_MS).orElse(null);
        if (ttlMs != null && ttlMs <= 0) {
            throw new ValidationException(
                    "Invalid value '"
                            + ttlMs
                            + "' for option '"
                            + LookupOptions.VVR_CACHE_TTL_MS.key()
                            + "': must be a positive number of milliseconds");
        }
        Duration ttl = ttlMs == null ? null : Duration.ofMillis(ttlMs);

        int maxRetries = options.get(LookupOptions.MAX_RETRIES);
        if (maxRetries < 0) {
            throw new ValidationException(
                    "Invalid value '"
                            + maxRetries
                            + "' for option '"
                            + LookupOptions.MAX_RETRIES.key()
                            + "': must not be negative");
        }
        Duration expireAfterAccess =
                options.getOptional(LookupOptions.PARTIAL_CACHE_EXPIRE_AFTER_ACCESS)
                        .orElse(cacheType == LookupCacheType.PARTIAL ? ttl : null);
        Duration expireAfterWrite =
                options.getOptional(LookupOptions.PARTIAL_CACHE_EXPIRE_AFTER_WRITE).orElse(null);
        Long maxRows = options.getOptional(LookupOptions.PARTIAL_CACHE_MAX_ROWS).orElse(null);
        positive(LookupOptions.PARTIAL_CACHE_EXPIRE_AFTER_ACCESS, expireAfterAccess);
        positive(LookupOptions.PARTIAL_CACHE_EXPIRE_AFTER_WRITE, expireAfterWrite);
        if (maxRows != null && maxRows < 1) {
            throw new ValidationException(
                    "Invalid value '"
                            + maxRows
                            + "' for option '"
                            + LookupOptions.PARTIAL_CACHE_MAX_ROWS.key()
                            + "' (VVR: cacheSize): must be at least 1");
        }
        if (cacheType == LookupCacheType.PARTIAL
                && maxRows == null
                && expireAfterAccess == null
                && expireAfterWrite == null) {
            throw new ValidationException(
                    "A PARTIAL lookup cache needs a bound: set '"
                            + LookupOptions.PARTIAL_CACHE_MAX_ROWS.key()
                            + "' (VVR: cacheSize), '"
                            + LookupOptions.PARTIAL_CACHE_EXPIRE_AFTER_ACCESS.key()
                            + "' (VVR: cacheTTLMs) or '"
                            + LookupOptions.PARTIAL_CACHE_EXPIRE_AFTER_WRITE.key()
                            + "'");
        }

        Map<String, String> full = new HashMap<>();
        copy(options, full, LookupOptions.FULL_CACHE_RELOAD_STRATEGY);
        copy(options, full, LookupOptions.FULL_CACHE_PERIODIC_RELOAD_INTERVAL);
        copy(options, full, LookupOptions.FULL_CACHE_PERIODIC_RELOAD_SCHEDULE_MODE);
        copy(options, full, LookupOptions.FULL_CACHE_TIMED_RELOAD_ISO_TIME);
        copy(options, full, LookupOptions.FULL_CACHE_TIMED_RELOAD_INTERVAL_IN_DAYS);
        if (cacheType == LookupCacheType.FULL
                && ttl != null
                && !full.containsKey(LookupOptions.FULL_CACHE_PERIODIC_RELOAD_INTERVAL.key())) {
            full.put(
                    LookupOptions.FULL_CACHE_PERIODIC_RELOAD_INTERVAL.key(),
                    ttl.toMillis() + " ms");
        }
        LookupSettings settings =
                new LookupSettings(
                        cacheType,
                        options.get(LookupOptions.ASYNC),
                        maxRetries,
                        expireAfterAccess,
                        expireAfterWrite,
                        maxRows,
                        options.get(LookupOptions.PARTIAL_CACHE_CACHE_MISSING_KEY),
                        full);
        if (cacheType == LookupCacheType.FULL
                && options.get(LookupOptions.FULL_CACHE_RELOAD_STRATEGY) == ReloadStrategy.PERIODIC
                && !full.containsKey(LookupOptions.FULL_CACHE_PERIODIC_RELOAD_INTERVAL.key())) {
            throw new ValidationException(
                    "A FULL lookup cache that reloads PERIODIC needs '"
                            + LookupOptions.FULL_CACHE_PERIODIC_RELOAD_INTERVAL.key()
                            + "' (VVR: cacheTTLMs), or set '"
                            + LookupOptions.FULL_CACHE_RELOAD_STRATEGY.key()
                            + "' = 'TIMED' with '"
                            + LookupOptions.FULL_CACHE_TIMED_RELOAD_ISO_TIME.key()
                            + "'");
        }
        if (cacheType == LookupCacheType.FULL) {
            try {
                settings.reloadTrigger();
            } catch (RuntimeException e) {
                throw new ValidationException(
                        "Invalid full-cache options ('lookup.full-cache.*'): " + e.getMessage(), e);
            }
        }
        return settings;
    }

    private static LookupCacheType vvrCacheType(String value) {
        switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "NONE":
                return LookupCacheType.NONE;
            case "LRU":
                return LookupCacheType.PARTIAL;
            case "ALL":
                return LookupCacheType.FULL;
            default:
                throw new ValidationException(
                        "Invalid value '"
                                + value
                                + "' for option '"
                                + LookupOptions.VVR_CACHE.key()
                                + "': expected None, LRU or ALL (or use '"
                                + LookupOptions.CACHE.key()
                                + "' = NONE, PARTIAL or FULL)");
        }
    }

    private static void positive(ConfigOption<Duration> option, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new ValidationException(
                    "Invalid value '"
                            + value
                            + "' for option '"
                            + option.key()
                            + "': must be positive");
        }
    }

    private static void copy(ReadableConfig from, Map<String, String> to, ConfigOption<?> option) {
        from.getOptional(option)
                .ifPresent(
                        v ->
                                to.put(
                                        option.key(),
                                        v instanceof Duration
                                                ? ((Duration) v).toMillis() + " ms"
                                                : v.toString()));
    }

    /** A new PARTIAL cache with these bounds. */
    LookupCache partialCache() {
        DefaultLookupCache.Builder b =
                DefaultLookupCache.newBuilder().cacheMissingKey(cacheMissingKey);
        if (expireAfterAccess != null) {
            b.expireAfterAccess(expireAfterAccess);
        }
        if (expireAfterWrite != null) {
            b.expireAfterWrite(expireAfterWrite);
        }
        if (maxRows != null) {
            b.maximumSize(maxRows);
        }
        return b.build();
    }

    /** A new reload trigger of a FULL cache, as Flink builds it from the standard options. */
    CacheReloadTrigger reloadTrigger() {
        Configuration conf = Configuration.fromMap(fullCacheOptions);
        conf.set(LookupOptions.CACHE, LookupCacheType.FULL); // Flink's triggers check it
        return conf.get(LookupOptions.FULL_CACHE_RELOAD_STRATEGY) == ReloadStrategy.TIMED
                ? TimedCacheReloadTrigger.fromConfig(conf)
                : PeriodicCacheReloadTrigger.fromConfig(conf);
    }

    @Override
    public String toString() {
        return "LookupSettings{cache="
                + cacheType
                + ", async="
                + async
                + ", maxRetries="
                + maxRetries
                + ", expireAfterAccess="
                + expireAfterAccess
                + ", expireAfterWrite="
                + expireAfterWrite
                + ", maxRows="
                + maxRows
                + ", cacheMissingKey="
                + cacheMissingKey
                + ", fullCache="
                + fullCacheOptions
                + "}";
    }
}

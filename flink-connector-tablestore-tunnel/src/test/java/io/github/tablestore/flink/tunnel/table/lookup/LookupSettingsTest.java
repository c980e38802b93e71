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

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.source.lookup.LookupOptions.LookupCacheType;
import org.apache.flink.table.connector.source.lookup.cache.trigger.PeriodicCacheReloadTrigger;
import org.apache.flink.table.connector.source.lookup.cache.trigger.TimedCacheReloadTrigger;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lookup options, standard and VVR's, as the factory reads them. */
class LookupSettingsTest {
    private static LookupSettings settings(Map<String, String> options) {
        return LookupSettings.from(Configuration.fromMap(options));
    }

    @Test
    void defaultsAreNoCacheSyncAndThreeRetries() {
        LookupSettings s = settings(Map.of());
        assertThat(s.cacheType).isEqualTo(LookupCacheType.NONE);
        assertThat(s.async).isFalse();
        assertThat(s.maxRetries).isEqualTo(3);
    }

    @Test
    void vvrLruMapsToAPartialCache() {
        LookupSettings s =
                settings(
                        Map.of(
                                "cache", "LRU",
                                "cacheSize", "500",
                                "cacheTTLMs", "60000",
                                "cacheEmpty", "false",
                                "async", "true"));
        assertThat(s.cacheType).isEqualTo(LookupCacheType.PARTIAL);
        assertThat(s.maxRows).isEqualTo(500L);
        assertThat(s.expireAfterAccess).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.cacheMissingKey).isFalse();
        assertThat(s.async).isTrue();
        assertThat(s.partialCache()).isNotNull();
    }

    @Test
    void vvrAllMapsToAFullCacheReloadedEveryTtl() {
        LookupSettings s = settings(Map.of("cache", "all", "cacheTTLMs", "3600000"));
        assertThat(s.cacheType).isEqualTo(LookupCacheType.FULL);
        assertThat(s.reloadTrigger()).isInstanceOf(PeriodicCacheReloadTrigger.class);
        assertThat(s.toString()).contains("lookup.full-cache.periodic-reload.interval=3600000 ms");
    }

    @Test
    void standardOptionsWinOverVvrOnes() {
        LookupSettings s =
                settings(
                        Map.of(
                                "cache", "ALL",
                                "lookup.cache", "PARTIAL",
                                "lookup.partial-cache.expire-after-write", "10 s"));
        assertThat(s.cacheType).isEqualTo(LookupCacheType.PARTIAL);
        assertThat(s.expireAfterWrite).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aTimedFullCacheUsesFlinksTrigger() {
        LookupSettings s =
                settings(
                        Map.of(
                                "lookup.cache", "FULL",
                                "lookup.full-cache.reload-strategy", "TIMED",
                                "lookup.full-cache.timed-reload.iso-time", "03:00"));
        assertThat(s.reloadTrigger()).isInstanceOf(TimedCacheReloadTrigger.class);
    }

    @Test
    void badOrUnsupportedValuesAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> settings(Map.of("cache", "LFU")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'cache'")
                .hasMessageContaining("None, LRU or ALL");
        assertThatThrownBy(
                        () ->
                                settings(
                                        Map.of(
                                                "cache", "ALL",
                                                "cacheTTLMs", "1000",
                                                "cacheReloadTimeBlackList",
                                                        "2017-10-24 14:00 -> 2017-10-24 15:00")))
                .hasMessageContaining("'cacheReloadTimeBlackList'")
                .hasMessageContaining("is not supported");
        assertThatThrownBy(() -> settings(Map.of("cache", "LRU")))
                .hasMessageContaining("needs a bound")
                .hasMessageContaining("cacheSize");
        assertThatThrownBy(() -> settings(Map.of("cache", "ALL")))
                .hasMessageContaining("lookup.full-cache.periodic-reload.interval")
                .hasMessageContaining("cacheTTLMs");
        assertThatThrownBy(() -> settings(Map.of("cacheTTLMs", "0")))
                .hasMessageContaining("'cacheTTLMs'");
        assertThatThrownBy(() -> settings(Map.of("lookup.max-retries", "-1")))
                .hasMessageContaining("'lookup.max-retries'");
        assertThatThrownBy(
                        () ->
                                settings(
                                        Map.of(
                                                "lookup.cache", "PARTIAL",
                                                "lookup.partial-cache.max-rows", "0")))
                .hasMessageContaining("'lookup.partial-cache.max-rows'");
    }
}

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

package io.github.tablestore.flink.tunnel.sql;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded SQL jar: only our packages and META-INF, the factory service entry, license files,
 * and a factory that loads and works from the jar next to Flink's jars alone.
 */
class PackagingITCase {
    private static final String OURS = "io/github/tablestore/flink/tunnel/";

    private static Path jar() {
        String path = System.getProperty("shaded.jar");
        assertThat(path).as("system property shaded.jar (set by failsafe)").isNotNull();
        Path jar = Paths.get(path);
        assertThat(jar).exists();
        return jar;
    }

    @Test
    void holdsOnlyOurPackagesAndMetaInf() throws IOException {
        List<String> foreign = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(jar().toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                names.add(name);
                boolean ok =
                        name.startsWith(OURS)
                                || name.startsWith("META-INF/")
                                || OURS.startsWith(name); // the parent folders io/, io/github/, ...
                if (!ok) {
                    foreign.add(name);
                }
            }
        }
        assertThat(foreign).as("entries outside our packages and META-INF").isEmpty();
        assertThat(names)
                .as("relocated libraries")
                .anyMatch(n -> n.startsWith(OURS + "shaded/okhttp3/"))
                .anyMatch(n -> n.startsWith(OURS + "shaded/okio/"))
                .anyMatch(n -> n.startsWith(OURS + "shaded/kotlin/"))
                .anyMatch(n -> n.startsWith(OURS + "shaded/com/google/protobuf/"))
                .anyMatch(n -> n.startsWith(OURS + "shaded/com/fasterxml/jackson/databind/"));
        assertThat(names)
                .as("no .proto sources, no multi-release leftovers, no module-info")
                .noneMatch(n -> n.endsWith(".proto"))
                .noneMatch(n -> n.startsWith("META-INF/versions/"))
                .noneMatch(n -> n.endsWith("module-info.class"));
    }

    @Test
    void shipsTheFactoryServiceEntryAndTheLicenses() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertThat(
                            read(jar, "META-INF/services/org.apache.flink.table.factories.Factory")
                                    .trim())
                    .isEqualTo(
                            "io.github.tablestore.flink.tunnel.table.TablestoreTunnelTableFactory");
            assertThat(read(jar, "META-INF/LICENSE"))
                    .contains("Apache License")
                    .contains("Version 2.0");
            assertThat(read(jar, "META-INF/licenses/LICENSE.protobuf"))
                    .contains("Google Inc.")
                    .contains("Redistribution and use in source and binary forms");
            String notice = read(jar, "META-INF/NOTICE");
            for (String bundled :
                    List.of(
                            "com.squareup.okhttp3:okhttp-jvm:",
                            "com.squareup.okio:okio-jvm:",
                            "org.jetbrains.kotlin:kotlin-stdlib:",
                            "com.google.protobuf:protobuf-java:",
                            "com.fasterxml.jackson.core:jackson-databind:",
                            "com.fasterxml.jackson.core:jackson-core:",
                            "com.fasterxml.jackson.core:jackson-annotations:")) {
                assertThat(notice).contains(bundled);
            }
            assertThat(notice).doesNotContain("${");
            // jackson-core's bundled FastDoubleParser: its notice and third-party licenses stay.
            assertThat(read(jar, "META-INF/FastDoubleParser-NOTICE")).contains("MIT License");
            assertThat(read(jar, "META-INF/thirdparty-LICENSE")).contains("MIT License");
            assertThat(notice).contains("FastDoubleParser");
        }
    }

    private static String read(JarFile jar, String name) throws IOException {
        JarEntry entry = jar.getJarEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A class loader with the shaded jar and Flink's jars from the test class path — none of our
     * modules' classes or of the bundled libraries — finds the factory in the jar, and the factory
     * and the relocated HTTP client work.
     */
    @Test
    void theFactoryLoadsFromTheJarAlone() throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(jar().toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = Paths.get(entry).getFileName().toString();
            boolean flink = file.startsWith("flink-") && !file.contains("tablestore");
            boolean flinkSupport =
                    file.startsWith("slf4j-api")
                            || file.startsWith("commons-")
                            || file.startsWith("jsr305")
                            || file.startsWith("kryo")
                            || file.startsWith("minlog")
                            || file.startsWith("objenesis");
            if (flink || flinkSupport) {
                urls.add(Paths.get(entry).toUri().toURL());
            }
        }
        try (URLClassLoader loader =
                new URLClassLoader(
                        urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            for (String absent :
                    List.of(
                            "okhttp3.OkHttpClient",
                            "kotlin.Unit",
                            "com.google.protobuf.Message",
                            "com.fasterxml.jackson.databind.ObjectMapper",
                            "io.github.tablestore.flink.tunnel.shaded.okhttp3.OkHttpClient")) {
                if (absent.startsWith("io.")) {
                    assertThat(
                                    loader.loadClass(absent)
                                            .getProtectionDomain()
                                            .getCodeSource()
                                            .getLocation())
                            .isEqualTo(jar().toUri().toURL());
                } else {
                    assertThat(canLoad(loader, absent)).as(absent).isFalse();
                }
            }
            Class<?> factoryInterface =
                    loader.loadClass("org.apache.flink.table.factories.Factory");
            Object found = null;
            for (Object factory : ServiceLoader.load(factoryInterface, loader)) {
                Method id = factoryInterface.getMethod("factoryIdentifier");
                if ("tablestore-tunnel".equals(id.invoke(factory))) {
                    found = factory;
                }
            }
            assertThat(found).as("factory 'tablestore-tunnel' via ServiceLoader").isNotNull();
            assertThat(found.getClass().getProtectionDomain().getCodeSource().getLocation())
                    .isEqualTo(jar().toUri().toURL());
            assertThat(found.getClass().getClassLoader()).isSameAs(loader);
            Object required = factoryInterface.getMethod("requiredOptions").invoke(found);
            assertThat(required.toString()).contains("endpoint").contains("table-name");
            factoryInterface.getMethod("optionalOptions").invoke(found);

            // The relocated OkHttp, Okio and Kotlin work together: build and close a client.
            Class<?> provider =
                    loader.loadClass(
                            "io.github.tablestore.flink.tunnel.client.auth.CredentialsProvider");
            Object credentials =
                    provider.getMethod("of", String.class, String.class)
                            .invoke(null, "id", "secret");
            Class<?> configClass =
                    loader.loadClass("io.github.tablestore.flink.tunnel.client.TunnelClientConfig");
            Object builder = configClass.getMethod("builder").invoke(null);
            Class<?> b = builder.getClass();
            b.getMethod("endpoint", String.class).invoke(builder, "http://127.0.0.1:9");
            b.getMethod("instanceName", String.class).invoke(builder, "packaging");
            b.getMethod("credentialsProvider", provider).invoke(builder, credentials);
            Object config = b.getMethod("build").invoke(builder);
            Object client =
                    loader.loadClass("io.github.tablestore.flink.tunnel.client.TunnelClients")
                            .getMethod("create", configClass)
                            .invoke(null, config);
            assertThat(client.getClass().getName())
                    .startsWith("io.github.tablestore.flink.tunnel.client.");
            ((AutoCloseable) client).close();
        }
    }

    private static boolean canLoad(ClassLoader loader, String name) {
        try {
            loader.loadClass(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

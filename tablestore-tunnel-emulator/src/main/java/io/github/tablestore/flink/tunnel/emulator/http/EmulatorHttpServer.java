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

package io.github.tablestore.flink.tunnel.emulator.http;

import io.github.tablestore.flink.tunnel.client.auth.Credentials;
import io.github.tablestore.flink.tunnel.emulator.EmulatorClock;
import io.github.tablestore.flink.tunnel.emulator.api.Operation;
import io.github.tablestore.flink.tunnel.emulator.fault.Faults;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's built-in HTTP server (HTTP/1.1 with keep-alive) with a thread pool that grows with the
 * number of concurrent requests: the protocol on {@code /}, the admin API on {@code /admin/}.
 */
public final class EmulatorHttpServer implements AutoCloseable {
    // The JDK server writes a response's headers and body separately and, without TCP_NODELAY,
    // Nagle holds the body until the client's delayed ACK: about 40 ms added to every small
    // call (a GetRow took 45 ms instead of under 1). The service has no such stall. Read once,
    // when the JVM's first JDK HttpServer starts; an explicit setting is left as it is.
    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private EmulatorHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** What the server needs to authenticate and answer protocol calls. */
    public static final class Config {
        final String instanceName;
        final Map<String, Credentials> credentials;
        final Credentials defaultSigner;
        final EmulatorClock clock;
        final Duration maxClockSkew;
        final int maxRequestBytes;

        /** Access key ids refused from now on (revoked while running); shared, mutable. */
        final Set<String> revokedKeys;

        public Config(
                String instanceName,
                Map<String, Credentials> credentials,
                Credentials defaultSigner,
                EmulatorClock clock,
                Duration maxClockSkew,
                int maxRequestBytes) {
            this(
                    instanceName,
                    credentials,
                    defaultSigner,
                    clock,
                    maxClockSkew,
                    maxRequestBytes,
                    Set.of());
        }

        public Config(
                String instanceName,
                Map<String, Credentials> credentials,
                Credentials defaultSigner,
                EmulatorClock clock,
                Duration maxClockSkew,
                int maxRequestBytes,
                Set<String> revokedKeys) {
            this.revokedKeys = revokedKeys;
            this.instanceName = instanceName;
            this.credentials = credentials;
            this.defaultSigner = defaultSigner;
            this.clock = clock;
            this.maxClockSkew = maxClockSkew;
            this.maxRequestBytes = maxRequestBytes;
        }
    }

    /** Binds and starts serving. */
    public static EmulatorHttpServer start(
            InetSocketAddress bind,
            Config config,
            Map<String, Operation> operations,
            Faults faults,
            HttpHandler admin) {
        HttpServer server;
        try {
            server = HttpServer.create(bind, 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind, e);
        }
        ApiHandler api =
                new ApiHandler(
                        operations,
                        new RequestAuthenticator(
                                config.instanceName,
                                config.credentials,
                                config.revokedKeys,
                                config.clock,
                                config.maxClockSkew),
                        new ResponseSender(config.clock),
                        faults,
                        config.defaultSigner,
                        config.maxRequestBytes);
        server.createContext("/", api);
        server.createContext("/admin/", admin);
        ExecutorService executor =
                new ThreadPoolExecutor(
                        4,
                        Integer.MAX_VALUE,
                        60,
                        TimeUnit.SECONDS,
                        new SynchronousQueue<>(),
                        daemonThreads());
        server.setExecutor(executor);
        server.start();
        return new EmulatorHttpServer(server, executor);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "tablestore-emulator-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops accepting, closes connections, and ends the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

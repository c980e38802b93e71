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

package io.github.tablestore.flink.tunnel.e2e.harness;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives tests the shared {@link E2eEnvironment} (started on first use, stopped when the test run
 * ends — also after failures: it lives in the root context's store, which closes it) and prints
 * every process's log when a test fails.
 */
public final class E2eExtension implements ParameterResolver, TestWatcher {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(E2eExtension.class);

    static E2eEnvironment environment(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        E2eEnvironment.class, k -> E2eEnvironment.start(), E2eEnvironment.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == E2eEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return environment(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        E2eEnvironment env =
                context.getRoot()
                        .getStore(NAMESPACE)
                        .get(E2eEnvironment.class, E2eEnvironment.class);
        if (env != null) {
            env.printDiagnostics(System.out, context.getDisplayName() + " failed: " + cause);
        }
    }
}

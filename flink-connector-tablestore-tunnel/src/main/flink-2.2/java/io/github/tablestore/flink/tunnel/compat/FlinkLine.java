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

package io.github.tablestore.flink.tunnel.compat;

import org.apache.flink.annotation.Internal;

/**
 * The Flink line this build of the connector targets. The package {@code ...tunnel.compat} is the
 * connector's only code that differs between lines: one implementation per line, in
 * {@code src/main/flink-<line>/java}, the same classes and signatures in each.
 */
@Internal
public final class FlinkLine {
    /** {@code "2.2"} or {@code "1.20"}: the line the connector was compiled against. */
    public static final String LINE = "2.2";

    private FlinkLine() {}
}

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

package io.github.tablestore.flink.tunnel.e2e.jobs;

/**
 * The text form of one change as the jobs write it: {@code <id>|<phase>|<action>|<v>}, where
 * phase is {@code B} for a row of the full scan and {@code S} for a change from the stream.
 * The tests read these lines back from the committed part files.
 */
public final class ChangeLine {
    public static final String BASE = "B";
    public static final String STREAM = "S";

    private ChangeLine() {}

    public static String of(long id, String phase, String action, String value) {
        return id + "|" + phase + "|" + action + "|" + value;
    }

    /** The row id: the text before the first separator. */
    public static long id(String line) {
        return Long.parseLong(line.substring(0, line.indexOf('|')));
    }
}

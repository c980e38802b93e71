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

/**
 * A failure the source cannot recover from by retrying: the message says what happened to which
 * tunnel and what to do about it. The cause, when present, is the service's error.
 */
public class TunnelSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TunnelSourceException(String message) {
        super(message);
    }

    public TunnelSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}

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

package io.github.tablestore.flink.tunnel.source.reader;

import io.github.tablestore.flink.tunnel.source.event.SessionIds;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The session a reader currently uses, shared by the task thread (which sets it from the
 * enumerator's events), the fetcher thread and the committer. Listeners run on the setting thread.
 */
public final class SessionHolder {
    private volatile SessionIds session;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** The current session, or null until the enumerator sent one. */
    public SessionIds get() {
        return session;
    }

    public void set(SessionIds newSession) {
        if (newSession.equals(session)) {
            return;
        }
        session = newSession;
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    /** Runs {@code listener} after every change (e.g. to wake a waiting fetcher). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}

package io.github.tablestore.flink.tunnel.e2e.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills every process the harness started that is still alive when the test JVM exits, however it
 * exits (a failed assertion, an exception in a callback, Ctrl+C): no JobManager outlives the build.
 */
final class ProcessReaper {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::killAll, "e2e-process-reaper"));
    }

    private ProcessReaper() {}

    static void register(Process process) {
        LIVE.add(process);
    }

    static void unregister(Process process) {
        LIVE.remove(process);
    }

    private static void killAll() {
        List<Process> processes = new ArrayList<>(LIVE);
        for (Process p : processes) {
            killTree(p.toHandle());
        }
    }

    /** SIGKILL to the process and all its descendants, children first. */
    static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }
}

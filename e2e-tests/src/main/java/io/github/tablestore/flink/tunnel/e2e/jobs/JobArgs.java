package io.github.tablestore.flink.tunnel.e2e.jobs;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} program arguments. */
final class JobArgs {
    private final Map<String, String> values = new HashMap<>();

    JobArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected '--name value' pairs, got '" + args[i] + "'");
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("Missing program argument --" + name);
        }
        return v;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}

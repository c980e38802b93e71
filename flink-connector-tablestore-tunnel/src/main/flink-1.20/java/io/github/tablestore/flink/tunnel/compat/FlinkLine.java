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
    public static final String LINE = "1.20";

    private FlinkLine() {}
}

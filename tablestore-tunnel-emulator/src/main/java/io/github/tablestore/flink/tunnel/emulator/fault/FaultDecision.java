package io.github.tablestore.flink.tunnel.emulator.fault;

/**
 * What the fault injector decided for one call: a delay before answering, and optionally a fault
 * that replaces the normal answer ({@code null} when the call proceeds).
 */
public final class FaultDecision {
    static final FaultDecision NONE = new FaultDecision(0, null);

    private final long delayMillis;
    private final FaultSpec fault;

    FaultDecision(long delayMillis, FaultSpec fault) {
        this.delayMillis = delayMillis;
        this.fault = fault;
    }

    public long delayMillis() {
        return delayMillis;
    }

    /** The fault replacing the answer (error or dropped connection), or {@code null}. */
    public FaultSpec fault() {
        return fault;
    }

    public boolean isNone() {
        return delayMillis == 0 && fault == null;
    }
}

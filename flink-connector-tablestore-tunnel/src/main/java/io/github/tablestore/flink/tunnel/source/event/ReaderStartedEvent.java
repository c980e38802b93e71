package io.github.tablestore.flink.tunnel.source.event;

import io.github.tablestore.flink.tunnel.source.config.ProgressMode;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Reader → enumerator, once at start-up: how this job lets the tunnel's progress follow Flink's
 * (the job configuration is visible to readers, not to the enumerator). In batch mode the
 * enumerator assigns channels to the readers that are running instead of waiting for all, and
 * reads a failed reader's channels again.
 */
public final class ReaderStartedEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final ProgressMode mode;

    public ReaderStartedEvent(ProgressMode mode) {
        this.mode = mode;
    }

    public ProgressMode mode() {
        return mode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReaderStartedEvent && mode == ((ReaderStartedEvent) o).mode;
    }

    @Override
    public int hashCode() {
        return mode.hashCode();
    }

    @Override
    public String toString() {
        return "ReaderStartedEvent{" + mode + "}";
    }
}

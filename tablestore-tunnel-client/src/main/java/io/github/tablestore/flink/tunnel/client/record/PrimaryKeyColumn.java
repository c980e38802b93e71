package io.github.tablestore.flink.tunnel.client.record;

import java.util.Objects;

/** One column of a {@link PrimaryKey}: a name and an integer, string or binary value (or a marker). */
public final class PrimaryKeyColumn {
    private final String name;
    private final ColumnValue value;

    public PrimaryKeyColumn(String name, ColumnValue value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
        if (!value.type().allowedInPrimaryKey()) {
            throw new IllegalArgumentException(
                    "Primary-key column '" + name + "' cannot hold a " + value.type() + " value");
        }
    }

    public String name() {
        return name;
    }

    public ColumnValue value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PrimaryKeyColumn)) {
            return false;
        }
        PrimaryKeyColumn other = (PrimaryKeyColumn) o;
        return name.equals(other.name) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + value.hashCode();
    }

    @Override
    public String toString() {
        return name + '=' + value;
    }
}

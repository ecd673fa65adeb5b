package dev.registry;

/**
 * Health of an instance as its owner reports it. On the wire a passing status is omitted, and a status
 * string this version does not know is read as {@link #PASSING}, as a Go peer does.
 */
public enum Status {
    /** Healthy: lookups with {@link Filters#passing()} choose it. */
    PASSING("passing"),
    /** Degraded: still up, but {@link Filters#passing()} leaves it out. */
    WARNING("warning"),
    /** Failing: do not call it. */
    CRITICAL("critical"),
    /**
     * Going away on purpose ({@link Registration#drain}): still heartbeating, but callers should move to other
     * instances. On the wire it is {@code critical} (so Go peers, which read an unknown status as passing, stop
     * choosing it too) plus the {@code kv} marker {@value #DRAIN_MARKER}{@code =true} that tells Java peers it is
     * draining rather than failing.
     */
    DRAINING("critical");

    /** The {@code kv} key that marks a critical instance as draining on the wire. */
    public static final String DRAIN_MARKER = "draining";

    private final String wireName;

    Status(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case string used on the wire. */
    public String wireName() {
        return wireName;
    }

    /**
     * The status for a wire string; unknown or missing strings are {@link #PASSING}. {@code critical} is
     * {@link #CRITICAL}: the drain marker in {@code kv} makes it {@link #DRAINING}, which the codec decides.
     */
    public static Status fromWire(String value) {
        if (value != null) {
            for (Status status : values()) {
                if (status.wireName.equals(value)) {
                    return status;
                }
            }
        }
        return PASSING;
    }
}

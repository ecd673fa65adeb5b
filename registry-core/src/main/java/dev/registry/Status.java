package dev.registry;

/**
 * Health of an instance as its owner reports it. On the wire a passing status is omitted, and a status
 * string this version does not know is read as {@link #PASSING}, as a Go peer does.
 */
public enum Status {
    PASSING("passing"),
    WARNING("warning"),
    CRITICAL("critical");

    private final String wireName;

    Status(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case string used on the wire. */
    public String wireName() {
        return wireName;
    }

    /** The status for a wire string; unknown or missing strings are {@link #PASSING}. */
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

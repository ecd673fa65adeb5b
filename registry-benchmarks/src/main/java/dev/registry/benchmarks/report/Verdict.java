package dev.registry.benchmarks.report;

/** Whether a figure meets its goal; {@link #INFO} for figures shown for context, which have none. */
public enum Verdict {
    PASS("pass"),
    MISS("**miss**"),
    INFO("-");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** {@link #PASS} when {@code met}, else {@link #MISS}. */
    public static Verdict of(boolean met) {
        return met ? PASS : MISS;
    }

    /** How the report's tables show it. */
    public String text() {
        return text;
    }
}

package dev.registry.benchmarks.report;

import java.util.Locale;

/** Number formatting of the report: units chosen for the magnitude, thousands separated. Stateless. */
public final class Format {

    private Format() {
    }

    /** Nanoseconds as microseconds: {@code 87.3 µs}, {@code 1,204 µs}. */
    public static String micros(double nanos) {
        double micros = nanos / 1_000;
        return (micros < 100 ? String.format(Locale.ROOT, "%.1f", micros) : String.format(Locale.ROOT, "%,.0f", micros)) + " µs";
    }

    /** Nanoseconds as milliseconds: {@code 1,612 ms}. */
    public static String millis(double nanos) {
        return String.format(Locale.ROOT, "%,.0f ms", nanos / 1_000_000);
    }

    /** A ratio: {@code 1.27x}. */
    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    /** A count with thousands separators: {@code 212,000}. */
    public static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A value with one decimal: {@code 41.7}. */
    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A JMH score with its error when known: {@code 41.7 ± 0.9}. */
    public static String score(double score, double error) {
        return Double.isNaN(error) ? decimal(score) : decimal(score) + " ± " + decimal(error);
    }
}

package dev.registry.benchmarks.report;

import java.util.Locale;

/** Number formatting of the report: units chosen for the magnitude, thousands separated. Stateless. */
public final class Format {

    private Format() {
    }

    /** Microseconds: {@code 87.3 µs}, {@code 1,204 µs}. */
    public static String micros(double micros) {
        return (micros < 100 ? String.format(Locale.ROOT, "%.1f", micros) : String.format(Locale.ROOT, "%,.0f", micros)) + " µs";
    }

    /** Microseconds as milliseconds: {@code 1,612 ms}. */
    public static String millis(double micros) {
        return String.format(Locale.ROOT, "%,.0f ms", micros / 1_000);
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
        return error == 0 ? decimal(score) : decimal(score) + " ± " + decimal(error);
    }
}

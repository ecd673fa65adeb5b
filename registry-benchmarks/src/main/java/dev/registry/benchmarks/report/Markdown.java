package dev.registry.benchmarks.report;

import java.util.List;
import java.util.Locale;

/**
 * Builds a Markdown document: headings, paragraphs, tables, images; and formats its numbers (units chosen for the
 * magnitude, thousands separated, statically). Not thread-safe.
 */
public final class Markdown {

    private final StringBuilder text = new StringBuilder();

    /** A heading of {@code level} (1 is the title). */
    public Markdown heading(int level, String title) {
        text.append("#".repeat(level)).append(' ').append(title).append("\n\n");
        return this;
    }

    /** A paragraph, Markdown as is. */
    public Markdown paragraph(String paragraph) {
        text.append(paragraph).append("\n\n");
        return this;
    }

    /** A table; cells are escaped so a {@code |} in a value cannot break it. */
    public Markdown table(List<String> header, List<List<String>> rows) {
        row(header);
        text.append('|');
        header.forEach(column -> text.append("---|"));
        text.append('\n');
        rows.forEach(this::row);
        text.append('\n');
        return this;
    }

    /** An image at {@code path}, relative to the document. */
    public Markdown image(String alt, String path) {
        text.append("![").append(alt).append("](").append(path).append(")\n\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private void row(List<String> cells) {
        text.append('|');
        cells.forEach(cell -> text.append(' ').append(cell.replace("|", "\\|")).append(" |"));
        text.append('\n');
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

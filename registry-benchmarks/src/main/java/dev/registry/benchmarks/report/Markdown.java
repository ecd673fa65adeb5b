package dev.registry.benchmarks.report;

import java.util.List;

/** Builds a Markdown document: headings, paragraphs, tables, images. Not thread-safe. */
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
}

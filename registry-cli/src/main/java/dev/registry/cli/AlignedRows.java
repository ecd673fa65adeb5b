package dev.registry.cli;

import java.util.List;

/** Lays rows of text out as aligned columns for people: each column padded to its widest cell. Stateless. */
final class AlignedRows {

    private AlignedRows() {
    }

    /**
     * {@code rows} (a header first, then the data, every row as long as the header), two spaces between columns,
     * the last column unpadded so that lines carry no trailing blanks.
     *
     * @return the table, each line ending with the line separator
     */
    static String render(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length - 1; column++) {
                table.append(String.format("%-" + (widths[column] + 2) + "s", row.get(column)));
            }
            table.append(row.get(widths.length - 1)).append(System.lineSeparator());
        }
        return table.toString();
    }
}

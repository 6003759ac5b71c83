package dev.tunegate.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with left-aligned, padded columns, for terminal and log output alike. */
final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells)
                .map(c -> c == null ? "" : String.valueOf(c))
                .toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Renders the table; {@code decorate} may add colour to a cell after padding has been computed. */
    String render(CellStyle decorate) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, header, widths, (col, text) -> text);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.append(rule).append(System.lineSeparator());
        for (List<String> row : rows) {
            appendRow(out, row, widths, decorate);
        }
        return out.toString();
    }

    String render() {
        return render((col, text) -> text);
    }

    private void appendRow(StringBuilder out, List<String> cells, int[] widths, CellStyle decorate) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String padded = i == cells.size() - 1 ? cell : cell + " ".repeat(widths[i] - cell.length());
            line.append(i == 0 ? "" : "  ").append(decorate.style(i, padded));
        }
        out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    /** Styles a padded cell, e.g. with ANSI colour. */
    @FunctionalInterface
    interface CellStyle {
        String style(int column, String paddedText);
    }
}

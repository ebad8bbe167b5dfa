package dev.smartsheetmcp.analysis.prompts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text a row contributes to an analysis, built from its source cells in the order of
 * {@code sourceColumns}. With one source column it is the cell's value; with several, one
 * {@code "Title: value"} line per column, so the model can tell the fields apart (the format
 * depends on how many columns were asked for, not on how many are filled, so it is stable).
 * Null and blank cells are left out and values are stripped of surrounding whitespace. When every
 * source cell is empty the text is empty and the row is skipped, not analysed.
 */
public record RowContent(String text) {

    public RowContent {
        Objects.requireNonNull(text, "text");
    }

    /**
     * @param sourceColumns column titles, in the order the user gave them
     * @param cellsByTitle  the row's values by column title; absent titles count as empty cells
     */
    public static RowContent of(List<String> sourceColumns, Map<String, ?> cellsByTitle) {
        if (sourceColumns.isEmpty()) throw new IllegalArgumentException("At least one source column is required");
        boolean labelled = sourceColumns.size() > 1;
        StringBuilder text = new StringBuilder();
        for (String title : sourceColumns) {
            Object cell = cellsByTitle.get(title);
            String value = cell == null ? "" : cell.toString().strip();
            if (value.isEmpty()) continue;
            if (!text.isEmpty()) text.append('\n');
            if (labelled) text.append(title).append(": ");
            text.append(value);
        }
        return new RowContent(text.toString());
    }

    /** True when every source cell was empty: such rows are skipped. */
    public boolean isEmpty() {
        return text.isEmpty();
    }
}

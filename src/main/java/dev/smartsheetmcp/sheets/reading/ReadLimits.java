package dev.smartsheetmcp.sheets.reading;

import dev.smartsheetmcp.toolkit.AnswerBudget;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;

/**
 * The size settings of the read tools: the default {@code max_chars} of an answer
 * ({@code tools.max-answer-chars}), the characters a cell keeps ({@code tools.max-cell-chars}) and
 * the rows asked of Smartsheet a request ({@code tools.rows.page-size}).
 */
public record ReadLimits(int defaultMaxChars, int maxCellChars, int readPageSize) {

    public static final int MIN_CELL_CHARS = 40;

    /** {@code max_chars} of a call, or the default. */
    public int maxChars(ToolArguments args) {
        return AnswerBudget.maxChars(args, defaultMaxChars);
    }

    /** {@code page_size} of a call: rows an answer holds at most; unlimited (the budget decides) when absent. */
    public int pageSize(ToolArguments args) {
        int pageSize = args.optionalInt("page_size").orElse(Integer.MAX_VALUE);
        if (pageSize < 1) throw ToolException.invalidArgument("page_size", "must be at least 1");
        return pageSize;
    }

    /**
     * Characters a cell keeps in an answer of {@code maxChars} with {@code columns} columns: at
     * most half the budget goes to one row's cells, so a row of long cells still leaves room.
     */
    public int cellChars(int maxChars, int columns) {
        return Math.max(MIN_CELL_CHARS, Math.min(maxCellChars, maxChars / (2 * Math.max(1, columns))));
    }
}

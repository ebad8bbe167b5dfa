package dev.smartsheetmcp.sheets.search;

import dev.smartsheetmcp.toolkit.ToolException;

/**
 * Cell text that a regular expression may read only for a limited time: a caller's pattern
 * that backtracks catastrophically fails the search with an error naming {@code pattern}
 * instead of holding a thread.
 */
final class TimeBoxedText implements CharSequence {

    private final String text;
    private final long deadline;
    private int reads;

    TimeBoxedText(String text, long deadlineNanos) {
        this.text = text;
        this.deadline = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
            throw ToolException.invalidArgument("pattern", "the regular expression takes too long on this sheet's text "
                    + "(catastrophic backtracking?); simplify it");
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}

package dev.smartsheetmcp.jobs;

/**
 * A row as read from the sheet: its text to analyse (and the text's hash), or why it is skipped;
 * and what an incremental job found about it.
 */
public record RowSource(long rowId, String content, String contentHash, String skipReason, Finding finding) {

    /** What an incremental job found about a row, counted apart in the job's status. */
    public enum Finding { NONE, UNCHANGED, EDITED_BY_PERSON }

    public static RowSource analyse(long rowId, String content, String contentHash, Finding finding) {
        return new RowSource(rowId, content, contentHash, null, finding);
    }

    public static RowSource skipped(long rowId, String contentHash, String reason, Finding finding) {
        return new RowSource(rowId, null, contentHash, reason, finding);
    }
}

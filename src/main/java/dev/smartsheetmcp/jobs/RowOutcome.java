package dev.smartsheetmcp.jobs;

/** What analysing one row produced: an answer (maybe trimmed) or the cause of its failure. */
public record RowOutcome(long rowId, String result, String error, String deployment, boolean trimmed) {

    public static RowOutcome answered(long rowId, String result, String deployment, boolean trimmed) {
        return new RowOutcome(rowId, result, null, deployment, trimmed);
    }

    public static RowOutcome failed(long rowId, String error) {
        return new RowOutcome(rowId, null, error, null, false);
    }

    public boolean succeeded() {
        return error == null;
    }
}

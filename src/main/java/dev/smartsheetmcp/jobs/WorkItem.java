package dev.smartsheetmcp.jobs;

/** One row of a job: where it stands and, once analysed, its answer. */
public record WorkItem(long rowId, int position, int batchIndex, RowState state, String content, String result,
                       String deployment, boolean trimmed) {

    /** The durable states of a row. {@code ANSWERED}: the model answered, the answer is not yet in Smartsheet. */
    public enum RowState { PENDING, ANSWERED, WRITTEN, FAILED, SKIPPED }
}

package dev.smartsheetmcp.jobs;

/**
 * This instance no longer holds the job's lease (it expired, or another instance claimed the job
 * since): the write it guarded did not happen, and the job's processing here ends without any
 * further write. Not a failure of the job: its new holder carries on.
 */
public final class LeaseLostException extends RuntimeException {

    private final String jobId;

    public LeaseLostException(String jobId) {
        super("job " + jobId + ": lease lost to another instance; stopped here without writing");
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }
}

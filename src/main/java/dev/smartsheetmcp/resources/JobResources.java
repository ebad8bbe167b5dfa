package dev.smartsheetmcp.resources;

import dev.smartsheetmcp.toolkit.ResourceChanges;
import dev.smartsheetmcp.toolkit.ToolArguments;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * Jobs as resources, {@code smartsheet-jobs://{job_id}}: the arguments of {@code get_job_status}
 * for a job's URI, and the change notices the job worker and the cancel tool send as a job moves.
 */
public final class JobResources {

    public static final String SCHEME = "smartsheet-jobs://";

    private final ResourceChanges changes;

    public JobResources(ResourceChanges changes) {
        this.changes = changes;
    }

    /** {@code get_job_status}'s arguments for the job the URI names. */
    public Map<String, Object> statusArguments(@Body Map<String, Object> variables) {
        return Map.of("jobId", ToolArguments.of(variables).nonBlankText("job_id"));
    }

    /** The job changed (claimed, a batch committed, ended, cancelled): its subscribers are told, throttled. */
    public void changed(@Header("JobId") String jobId) {
        if (jobId != null && !jobId.isBlank()) changes.changed(SCHEME + jobId);
    }
}

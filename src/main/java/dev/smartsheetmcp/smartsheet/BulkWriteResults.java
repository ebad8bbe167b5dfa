package dev.smartsheetmcp.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * The answers of a bulk add or update sent in chunks of at most 500 rows. Row
 * indexes in {@link #failed()} refer to the caller's whole list, not to a chunk; a chunk that
 * failed as a whole marks each of its rows failed with the chunk's error.
 */
public final class BulkWriteResults {

    /** Exchange property holding the rows of the chunk in flight, set before each chunk is sent. */
    public static final String CHUNK_ROWS = "SmartsheetChunkRows";

    /** One row that was not written, with Smartsheet's reason. */
    public record FailedRow(int index, Long rowId, int errorCode, String message) {
    }

    private final List<JsonNode> written = new ArrayList<>();
    private final List<FailedRow> failed = new ArrayList<>();
    private int rowsSent;

    public List<JsonNode> written() { return written; }

    public List<FailedRow> failed() { return failed; }

    public int rowsSent() { return rowsSent; }

    /** Adds the answer (or failure) of one chunk; chunks arrive in order. */
    void add(Exchange chunk) {
        List<?> rows = chunk.getProperty(CHUNK_ROWS, List.class);
        int offset = rowsSent;
        rowsSent += rows == null ? 0 : rows.size();
        Exception error = chunk.getException();
        if (error != null) {
            chunk.setException(null);
            SmartsheetApiException api = error instanceof SmartsheetApiException known ? known : null;
            for (int i = 0; rows != null && i < rows.size(); i++) {
                failed.add(new FailedRow(offset + i, null, api == null ? 0 : api.errorCode(),
                        api == null ? error.getClass().getSimpleName() : api.getMessage()));
            }
            return;
        }
        JsonNode answer = chunk.getMessage().getBody(JsonNode.class);
        answer.path("result").forEach(written::add);
        for (JsonNode item : answer.path("failedItems")) {
            JsonNode rowError = item.path("error");
            failed.add(new FailedRow(offset + item.path("index").asInt(),
                    item.hasNonNull("rowId") ? item.path("rowId").asLong() : null,
                    rowError.path("errorCode").asInt(), rowError.path("message").asText()));
        }
    }
}

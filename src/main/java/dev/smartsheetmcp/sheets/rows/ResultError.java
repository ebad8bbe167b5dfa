package dev.smartsheetmcp.sheets.rows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.Map;

/**
 * A write in which nothing succeeded. The caller gets the usual answer (with every row's
 * failure) as an MCP error result (isError: true), so that a client cannot take it for success.
 */
final class ResultError extends ToolException {

    private static final ObjectMapper JSON = Json.MAPPER;

    private ResultError(String json) {
        super(json);
    }

    static ResultError of(Map<String, Object> answer) {
        try {
            return new ResultError(JSON.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer could not be written as JSON", e);
        }
    }
}
